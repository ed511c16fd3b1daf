import { describe, expect, it } from 'vitest';
import { bucket, gap, P, snap } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

const PHI = { PHI: 'true' };
const GLACIER = {
  rules: [
    {
      id: 'phi-to-glacier',
      status: 'Enabled',
      filter: { prefix: 'phi/' },
      transitions: [{ days: 90, storageClass: 'GLACIER' }],
    },
  ],
};

describe('s3-lifecycle-phi-glacier-unencrypted', () => {
  it('passes a PHI bucket archiving with default encryption', () => {
    expect(
      check.evaluate(snap([bucket('b', { BucketLifecycleConfiguration: GLACIER }, PHI)]), P),
    ).toMatchObject([{ status: 'pass' }]);
  });
  it('fails a PHI bucket archiving without default encryption; ignores non-PHI buckets', () => {
    const out = check.evaluate(
      snap([
        bucket('b', { BucketLifecycleConfiguration: GLACIER, ServerSideEncryptionConfiguration: null }, PHI),
        bucket('o', { BucketLifecycleConfiguration: GLACIER, ServerSideEncryptionConfiguration: null }),
      ]),
      P,
    );
    expect(out).toMatchObject([{ status: 'fail', evidence: { archiveTransitions: ['GLACIER'] } }]);
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error when the lifecycle could not be read', () => {
    const b = bucket('b', { BucketLifecycleConfiguration: undefined }, PHI);
    const out = check.evaluate(snap([b], [gap('s3', 'GetBucketLifecycleConfiguration: AccessDenied')]), P);
    expect(out).toMatchObject([{ status: 'error' }]);
    expect(out[0]?.message).toContain('AccessDenied');
  });
});
