import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BlockConfig, bucketExposure, type ExposureInputs, evaluateExposure } from './s3-exposure.js';
import { accountPab, bucket, gap, PUBLIC_POLICY, snap } from './snapshots.test-helpers.js';

const ALL_USERS = {
  grantList: [{ grantee: { uri: 'http://acs.amazonaws.com/groups/global/AllUsers' }, permission: 'READ' }],
};
const FULL = {
  blockPublicAcls: true,
  ignorePublicAcls: true,
  blockPublicPolicy: true,
  restrictPublicBuckets: true,
};

describe('S3 effective exposure', () => {
  it('a public policy is public when nothing restricts it', () => {
    const b = bucket('b', { BucketPolicy: PUBLIC_POLICY });
    expect(bucketExposure(snap([b, accountPab(false)]), b).exposure).toBe('public');
  });
  it('RestrictPublicBuckets at bucket or account level neutralises a public policy', () => {
    const b = bucket('b', {
      BucketPolicy: PUBLIC_POLICY,
      PublicAccessBlockConfiguration: { restrictPublicBuckets: true },
    });
    expect(bucketExposure(snap([b, accountPab(false)]), b).exposure).toBe('not-public');
    const c = bucket('c', { BucketPolicy: PUBLIC_POLICY });
    expect(bucketExposure(snap([c, accountPab(true)]), c).exposure).toBe('not-public');
  });
  it('BlockPublicAcls alone does not hide an existing public ACL', () => {
    const b = bucket('b', {
      AccessControlList: ALL_USERS,
      PublicAccessBlockConfiguration: { blockPublicAcls: true },
    });
    expect(bucketExposure(snap([b, accountPab(false)]), b).exposure).toBe('public');
  });
  it('an unread account block makes a public-looking bucket unknown, with the gap', () => {
    const b = bucket('b', { BucketPolicy: PUBLIC_POLICY });
    const out = bucketExposure(
      snap([b], [gap('s3', 'GetAccountPublicAccessBlock: AccessDenied', 'global')]),
      b,
    );
    expect(out.exposure).toBe('unknown');
    expect(out.reasons[0]).toContain('AccessDenied');
  });
  it('BucketPolicyStatus.isPublic counts when the policy text is unreadable', () => {
    const b = bucket('b', { BucketPolicy: undefined, BucketPolicyStatus: { isPublic: true } });
    expect(bucketExposure(snap([b, accountPab(false)]), b).exposure).toBe('public');
  });

  const block: fc.Arbitrary<BlockConfig> = fc.oneof(
    fc.constant(undefined),
    fc.constant(null),
    fc.record({
      blockPublicAcls: fc.boolean(),
      ignorePublicAcls: fc.boolean(),
      blockPublicPolicy: fc.boolean(),
      restrictPublicBuckets: fc.boolean(),
    }),
  );
  const inputs: fc.Arbitrary<ExposureInputs> = fc.record({
    acl: fc.oneof(fc.constant(undefined), fc.constant({ grantList: [] }), fc.constant(ALL_USERS)),
    policy: fc.oneof(fc.constant(undefined), fc.constant(null), fc.constant(PUBLIC_POLICY)),
    policyStatus: fc.oneof(fc.constant(undefined), fc.constant(null), fc.record({ isPublic: fc.boolean() })),
    bucketBlock: block,
    accountBlock: block,
  });

  it('property: adding a blocking public access block never makes a bucket public', () => {
    fc.assert(
      fc.property(inputs, fc.boolean(), (i, atAccount) => {
        const withBlock = evaluateExposure(
          atAccount ? { ...i, accountBlock: FULL } : { ...i, bucketBlock: FULL },
        );
        expect(withBlock.exposure).toBe('not-public');
        if (evaluateExposure(i).exposure !== 'public') expect(withBlock.exposure).not.toBe('public');
      }),
    );
  });
});
