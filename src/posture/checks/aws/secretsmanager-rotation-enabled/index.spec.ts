import { describe, expect, it } from 'vitest';
import { ACCOUNT, P, res, snap } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

const secret = (name: string, config: Record<string, unknown>, source = 'aws-sdk') =>
  res('AWS::SecretsManager::Secret', `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:${name}-a1b2c3`, {
    name,
    configuration: { name, createdDate: '2024-01-01T00:00:00.000Z', ...config },
    source,
  });

describe('secretsmanager-rotation-enabled', () => {
  it('passes a secret with automatic rotation', () => {
    const out = check.evaluate(
      snap([secret('db', { rotationEnabled: true, rotationRules: { automaticallyAfterDays: 30 } })]),
      P,
    );
    expect(out).toMatchObject([
      { status: 'pass', evidence: { rotationRules: { automaticallyAfterDays: 30 } } },
    ]);
  });
  it('fails a secret with rotation off, and one ListSecrets reported without the flag', () => {
    const out = check.evaluate(snap([secret('a', { rotationEnabled: false }), secret('b', {})]), P);
    expect(out.map((r) => r.status)).toEqual(['fail', 'fail']);
  });
  it('has no results on an empty snapshot (nothing listed, e.g. ListSecrets denied)', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error when another source left the flag out', () => {
    const out = check.evaluate(snap([secret('c', {}, 'aws-config-snapshot')]), P);
    expect(out).toMatchObject([{ status: 'error', evidence: { missing: 'rotationEnabled' } }]);
  });
});
