import { describe, expect, it } from 'vitest';
import { accountPab, bucket, gap, P, PUBLIC_POLICY, snap } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

const ALL_USERS = {
  grantList: [{ grantee: { uri: 'http://acs.amazonaws.com/groups/global/AllUsers' }, permission: 'READ' }],
};

describe('s3-bucket-public', () => {
  it('passes a private bucket', () => {
    expect(check.evaluate(snap([bucket('b'), accountPab(false)]), P)).toMatchObject([{ status: 'pass' }]);
  });
  it('fails a bucket with an AllUsers ACL grant; PHI buckets are the other check', () => {
    const out = check.evaluate(
      snap([
        bucket('b', { AccessControlList: ALL_USERS }),
        bucket('p', { BucketPolicy: PUBLIC_POLICY }, { PHI: 'true' }),
        accountPab(false),
      ]),
      P,
    );
    expect(out).toMatchObject([{ status: 'fail', resourceId: 'arn:aws:s3:::b' }]);
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error when the ACL could not be read', () => {
    const out = check.evaluate(
      snap(
        [bucket('b', { AccessControlList: undefined }), accountPab(false)],
        [gap('s3', 'GetBucketAcl: AccessDenied')],
      ),
      P,
    );
    expect(out).toMatchObject([{ status: 'error' }]);
    expect(out[0]?.message).toContain('GetBucketAcl: AccessDenied');
  });
});
