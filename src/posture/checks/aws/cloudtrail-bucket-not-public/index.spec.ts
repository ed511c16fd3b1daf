import { describe, expect, it } from 'vitest';
import { accountPab, bucket, gap, P, PUBLIC_POLICY, snap, trail } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

describe('cloudtrail-bucket-not-public', () => {
  it('passes when the trail bucket is private', () => {
    expect(check.evaluate(snap([trail('t'), bucket('trail-logs'), accountPab(false)]), P)).toMatchObject([
      { status: 'pass' },
    ]);
  });
  it('fails when the trail bucket is public', () => {
    const out = check.evaluate(
      snap([trail('t'), bucket('trail-logs', { BucketPolicy: PUBLIC_POLICY }), accountPab(false)]),
      P,
    );
    expect(out).toMatchObject([{ status: 'fail', evidence: { s3BucketName: 'trail-logs' } }]);
  });
  it('has no results on an empty snapshot; a bucket elsewhere is manual', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
    expect(check.evaluate(snap([trail('t')]), P)).toMatchObject([{ status: 'manual' }]);
  });
  it('reports error when the bucket policy could not be read', () => {
    const b = bucket('trail-logs', { BucketPolicy: undefined, BucketPolicyStatus: undefined });
    const out = check.evaluate(
      snap([trail('t'), b, accountPab(false)], [gap('s3', 'GetBucketPolicy: AccessDenied')]),
      P,
    );
    expect(out).toMatchObject([{ status: 'error' }]);
    expect(out[0]?.message).toContain('AccessDenied');
  });
});
