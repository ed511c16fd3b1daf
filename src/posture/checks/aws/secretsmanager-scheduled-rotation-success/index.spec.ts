import { describe, expect, it } from 'vitest';
import { ACCOUNT, P, res, snap } from '../_shared/snapshots.test-helpers.js';
import { check, intervalMs } from './index.js';

// The snapshot helper collects at 2025-01-07T09:00:00Z.
const secret = (name: string, config: Record<string, unknown>) =>
  res('AWS::SecretsManager::Secret', `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:${name}-a1b2c3`, {
    name,
    configuration: { name, rotationEnabled: true, ...config },
  });

describe('secretsmanager-scheduled-rotation-success', () => {
  it('passes a secret rotated within its interval (days, or a rate expression)', () => {
    const out = check.evaluate(
      snap([
        secret('a', {
          rotationRules: { automaticallyAfterDays: 30 },
          lastRotatedDate: '2024-12-20T00:00:00.000Z',
        }),
        secret('b', {
          rotationRules: { scheduleExpression: 'rate(4 hours)' },
          lastRotatedDate: '2025-01-07T06:00:00.000Z',
        }),
      ]),
      P,
    );
    expect(out).toMatchObject([
      { status: 'pass', evidence: { dueBy: '2025-01-19T00:00:00.000Z' } },
      { status: 'pass' },
    ]);
  });
  it('fails a secret whose rotation is overdue beyond the one-day window', () => {
    const out = check.evaluate(
      snap([
        secret('a', {
          rotationRules: { scheduleExpression: 'rate(30 days)' },
          lastRotatedDate: '2024-12-01T00:00:00.000Z',
        }),
        // Due 2025-01-06: within a day of it is still the rotation window.
        secret('b', {
          rotationRules: { automaticallyAfterDays: 30 },
          lastRotatedDate: '2024-12-07T12:00:00.000Z',
        }),
      ]),
      P,
    );
    expect(out.map((r) => r.status)).toEqual(['fail', 'pass']);
    expect(out[0]?.message).toBe('Rotation was due by 2024-12-31 and has not happened');
  });
  it('uses nextRotationDate for never-rotated or cron secrets, and is manual without it', () => {
    const out = check.evaluate(
      snap([
        secret('a', {
          rotationRules: { automaticallyAfterDays: 30 },
          nextRotationDate: '2025-01-01T00:00:00.000Z',
        }),
        secret('b', {
          rotationRules: { scheduleExpression: 'cron(0 16 1,15 * ? *)' },
          nextRotationDate: '2025-01-15T16:00:00.000Z',
          lastRotatedDate: '2025-01-01T16:00:00.000Z',
        }),
        secret('c', { rotationRules: { scheduleExpression: 'cron(0 16 1,15 * ? *)' } }),
      ]),
      P,
    );
    expect(out.map((r) => r.status)).toEqual(['fail', 'pass', 'manual']);
  });
  it('ignores secrets without rotation; no results on an empty snapshot', () => {
    expect(check.evaluate(snap([secret('a', { rotationEnabled: false })]), P)).toEqual([]);
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reads intervals from days and rate expressions only', () => {
    expect(intervalMs({ automaticallyAfterDays: 7 })).toBe(7 * 86_400_000);
    expect(intervalMs({ scheduleExpression: 'rate(1 day)' })).toBe(86_400_000);
    expect(intervalMs({ scheduleExpression: 'rate(12 hours)' })).toBe(12 * 3_600_000);
    expect(intervalMs({ scheduleExpression: 'cron(0 8 * * ? *)' })).toBeUndefined();
    expect(intervalMs({ scheduleExpression: 'rate(0 days)' })).toBeUndefined();
    expect(intervalMs(undefined)).toBeUndefined();
  });
});
