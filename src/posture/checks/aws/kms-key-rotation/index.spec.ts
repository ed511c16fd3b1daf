import { describe, expect, it } from 'vitest';
import { gap, P, res, snap } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

const key = (id: string, manager: string, rotation?: unknown) =>
  res('AWS::KMS::Key', `arn:aws:kms:us-east-1:111122223333:key/${id}`, {
    configuration: { keyId: id, keyManager: manager, keySpec: 'SYMMETRIC_DEFAULT' },
    supplementary: rotation === undefined ? {} : { keyRotationStatus: rotation },
  });

describe('kms-key-rotation', () => {
  it('passes a customer key with rotation on; skips AWS-managed and non-rotatable keys', () => {
    const out = check.evaluate(
      snap([
        key('a', 'CUSTOMER', { keyRotationEnabled: true, rotationPeriodInDays: 365 }),
        key('b', 'AWS', null),
        key('c', 'CUSTOMER', null),
      ]),
      P,
    );
    expect(out).toMatchObject([{ status: 'pass', evidence: { rotationPeriodInDays: 365 } }]);
  });
  it('fails a customer key with rotation off', () => {
    expect(check.evaluate(snap([key('a', 'CUSTOMER', { keyRotationEnabled: false })]), P)).toMatchObject([
      { status: 'fail' },
    ]);
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error when GetKeyRotationStatus was denied', () => {
    const out = check.evaluate(
      snap([key('a', 'CUSTOMER')], [gap('kms', 'GetKeyRotationStatus: AccessDenied')]),
      P,
    );
    expect(out).toMatchObject([{ status: 'error' }]);
    expect(out[0]?.message).toContain('AccessDenied');
  });
});
