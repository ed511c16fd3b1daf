import { describe, expect, it } from 'vitest';
import { bucket, gap, P, snap } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

describe('s3-bucket-default-encryption', () => {
  it('passes a bucket with SSE-KMS', () => {
    expect(check.evaluate(snap([bucket('b')]), P)).toMatchObject([
      { status: 'pass', evidence: { sseAlgorithms: ['aws:kms'] } },
    ]);
  });
  it('fails a bucket without default encryption', () => {
    expect(check.evaluate(snap([bucket('b', { ServerSideEncryptionConfiguration: null })]), P)).toMatchObject(
      [{ status: 'fail' }],
    );
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error when GetBucketEncryption was denied', () => {
    const out = check.evaluate(
      snap(
        [bucket('b', { ServerSideEncryptionConfiguration: undefined })],
        [gap('s3', 'GetBucketEncryption: AccessDenied')],
      ),
      P,
    );
    expect(out).toMatchObject([{ status: 'error' }]);
    expect(out[0]?.message).toContain('GetBucketEncryption: AccessDenied');
  });
});
