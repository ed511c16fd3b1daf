import { describe, expect, it } from 'vitest';
import { bucket, gap, P, snap } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

const owned = (objectOwnership: string) => ({ OwnershipControls: { rules: [{ objectOwnership }] } });

describe('s3-bucket-acl-prohibited', () => {
  it('passes BucketOwnerEnforced', () => {
    expect(check.evaluate(snap([bucket('b', owned('BucketOwnerEnforced'))]), P)).toMatchObject([
      { status: 'pass', evidence: { objectOwnership: ['BucketOwnerEnforced'] } },
    ]);
  });

  it('fails ObjectWriter, BucketOwnerPreferred and no ownership setting at all', () => {
    const out = check.evaluate(
      snap([
        bucket('w', owned('ObjectWriter')),
        bucket('p', owned('BucketOwnerPreferred')),
        bucket('n', { OwnershipControls: null }),
      ]),
      P,
    );
    expect(out.map((r) => r.status)).toEqual(['fail', 'fail', 'fail']);
    expect(out[2]?.message).toContain('ObjectWriter');
  });

  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });

  it('is an error when GetBucketOwnershipControls was denied', () => {
    const out = check.evaluate(
      snap(
        [bucket('b')],
        [
          gap('s3', 'GetBucketPolicy: AccessDenied', 'global'),
          gap('s3', 'GetBucketOwnershipControls: AccessDenied', 'global'),
        ],
      ),
      P,
    );
    expect(out.map((r) => [r.status, r.message])).toEqual([
      ['error', 'Object Ownership could not be read: GetBucketOwnershipControls: AccessDenied.'],
    ]);
  });
});
