import { describe, expect, it } from 'vitest';
import { bucket, gap, P, snap } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

const sse = (sseAlgorithm: string) => ({
  rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm, kmsMasterKeyID: null } }],
});

describe('s3-bucket-default-encryption-kms', () => {
  it('passes SSE-KMS and DSSE-KMS, fails SSE-S3 and no default encryption', () => {
    const out = check.evaluate(
      snap([
        bucket('kms'),
        bucket('dsse', { ServerSideEncryptionConfiguration: sse('aws:kms:dsse') }),
        bucket('s3', { ServerSideEncryptionConfiguration: sse('AES256') }),
        bucket('none', { ServerSideEncryptionConfiguration: null }),
      ]),
      P,
    );
    expect(out.map((r) => r.status)).toEqual(['pass', 'pass', 'fail', 'fail']);
    expect(out[2]?.message).toBe('Default encryption AES256, not KMS');
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error when the encryption configuration could not be read', () => {
    const out = check.evaluate(
      snap(
        [bucket('b', { ServerSideEncryptionConfiguration: undefined })],
        [gap('s3', 'GetBucketEncryption: AccessDenied', 'global')],
      ),
      P,
    );
    expect(out).toMatchObject([{ status: 'error' }]);
  });
});
