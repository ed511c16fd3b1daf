import { describe, expect, it } from 'vitest';
import { accountPab, bucket, gap, P, PUBLIC_POLICY, snap } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

const PHI = { PHI: 'true' };

describe('s3-bucket-public-phi', () => {
  it('passes a PHI bucket with no public grant or policy', () => {
    const out = check.evaluate(snap([bucket('b', {}, PHI), accountPab(false)]), P);
    expect(out).toMatchObject([{ status: 'pass', resourceId: 'arn:aws:s3:::b' }]);
  });
  it('fails a PHI bucket public through its policy, and ignores non-PHI buckets', () => {
    const out = check.evaluate(
      snap([
        bucket('b', { BucketPolicy: PUBLIC_POLICY }, PHI),
        bucket('o', { BucketPolicy: PUBLIC_POLICY }),
        accountPab(false),
      ]),
      P,
    );
    expect(out).toMatchObject([{ status: 'fail', resourceId: 'arn:aws:s3:::b' }]);
  });
  it('passes when the account block restricts the public policy', () => {
    const out = check.evaluate(
      snap([bucket('b', { BucketPolicy: PUBLIC_POLICY }, PHI), accountPab(true)]),
      P,
    );
    expect(out[0]?.status).toBe('pass');
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error when the policy could not be read', () => {
    const b = bucket('b', { BucketPolicy: undefined, BucketPolicyStatus: undefined }, PHI);
    const out = check.evaluate(snap([b, accountPab(false)], [gap('s3', 'GetBucketPolicy: AccessDenied')]), P);
    expect(out[0]?.status).toBe('error');
    expect(out[0]?.message).toContain('GetBucketPolicy: AccessDenied');
  });
});
