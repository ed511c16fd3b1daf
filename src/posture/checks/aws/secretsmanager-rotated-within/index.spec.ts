import { describe, expect, it } from 'vitest';
import { ACCOUNT, P, res, snap } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

// The snapshot helper collects at 2025-01-07T09:00:00Z.
const secret = (name: string, config: Record<string, unknown>) =>
  res('AWS::SecretsManager::Secret', `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:${name}-a1b2c3`, {
    name,
    configuration: { name, ...config },
  });

describe('secretsmanager-rotated-within', () => {
  it('passes a secret rotated within the limit, and a young never-rotated one', () => {
    const out = check.evaluate(
      snap([
        secret('a', { lastRotatedDate: '2024-12-01T00:00:00.000Z', createdDate: '2023-01-01T00:00:00.000Z' }),
        secret('b', { createdDate: '2024-12-20T00:00:00.000Z' }),
      ]),
      P,
    );
    expect(out).toMatchObject([
      { status: 'pass', evidence: { daysSinceRotation: 37, secretRotationMaxDays: 90 } },
      { status: 'pass', message: 'Never rotated, created 18 days ago' },
    ]);
  });
  it('fails a secret past the limit and honours a tighter parameter', () => {
    const old = secret('a', { lastRotatedDate: '2024-09-01T00:00:00.000Z' });
    expect(check.evaluate(snap([old]), P)).toMatchObject([
      { status: 'fail', message: 'Rotated 128 days ago (limit 90)' },
    ]);
    const recent = secret('b', { lastRotatedDate: '2024-12-01T00:00:00.000Z' });
    expect(check.evaluate(snap([recent]), { ...P, secretRotationMaxDays: 30 })).toMatchObject([
      { status: 'fail' },
    ]);
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error when neither date is known', () => {
    expect(check.evaluate(snap([secret('a', {})]), P)).toMatchObject([{ status: 'error' }]);
  });
});
