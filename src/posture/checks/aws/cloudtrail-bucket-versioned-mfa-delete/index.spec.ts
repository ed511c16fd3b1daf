import { describe, expect, it } from 'vitest';
import { bucket, gap, P, snap, trail } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

describe('cloudtrail-bucket-versioned-mfa-delete', () => {
  it('passes a versioned bucket with MFA delete', () => {
    expect(check.evaluate(snap([trail('t'), bucket('trail-logs')]), P)).toMatchObject([{ status: 'pass' }]);
  });
  it('fails without MFA delete', () => {
    const b = bucket('trail-logs', {
      BucketVersioningConfiguration: { status: 'Enabled', isMfaDeleteEnabled: false },
    });
    expect(check.evaluate(snap([trail('t'), b]), P)).toMatchObject([{ status: 'fail' }]);
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error when versioning could not be read', () => {
    const b = bucket('trail-logs', { BucketVersioningConfiguration: undefined });
    const out = check.evaluate(snap([trail('t'), b], [gap('s3', 'GetBucketVersioning: AccessDenied')]), P);
    expect(out).toMatchObject([{ status: 'error' }]);
    expect(out[0]?.message).toContain('AccessDenied');
  });
});
