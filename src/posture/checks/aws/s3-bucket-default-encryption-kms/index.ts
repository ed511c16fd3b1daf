/**
 * S3 buckets encrypt new objects by default with AWS KMS (SSE-KMS or DSSE-KMS), not only with
 * S3-managed keys (AWS Config S3_DEFAULT_ENCRYPTION_KMS). s3-bucket-default-encryption accepts
 * SSE-S3 (AES256); this check asks for KMS, whose key policy and CloudTrail record control and
 * show every decryption of ePHI.
 */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { sseAlgorithms } from '../_shared/s3-config.js';
import { has, unreadable } from '../_shared/util.js';

const KMS = new Set(['aws:kms', 'aws:kms:dsse']);

export const check: PostureCheck = {
  id: 's3-bucket-default-encryption-kms',
  provider: 'aws',
  title: 'S3 buckets use KMS keys for default encryption',
  severity: 'medium',
  resourceType: 'AWS::S3::Bucket',
  citations: ['164.312(a)(2)(iv)', '164.312(b)'],
  risk: 'With S3-managed keys anyone allowed to read an object gets it decrypted; there is no separate key permission to withhold and no record of decryptions of ePHI.',
  remediation: {
    text: 'S3 console → bucket → Properties → Default encryption → Edit → "Server-side encryption with AWS KMS keys (SSE-KMS)", a customer-managed key, Bucket Key enabled. Re-encrypt existing objects with S3 Batch Operations if needed.',
    cli: 'aws s3api put-bucket-encryption --bucket BUCKET --server-side-encryption-configuration \'{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"aws:kms","KMSMasterKeyID":"KEY_ARN"},"BucketKeyEnabled":true}]}\'',
    terraform:
      'resource "aws_s3_bucket_server_side_encryption_configuration" "phi" {\n  bucket = aws_s3_bucket.phi.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm     = "aws:kms"\n      kms_master_key_id = aws_kms_key.phi.arn\n    }\n    bucket_key_enabled = true\n  }\n}',
  },
  evaluate(snapshot) {
    return resourcesOf(snapshot, 'AWS::S3::Bucket').map((b) => {
      if (!has(b, 'ServerSideEncryptionConfiguration'))
        return unreadable(check, snapshot, b, 's3', 'ServerSideEncryptionConfiguration');
      const algorithms = sseAlgorithms(b.supplementary.ServerSideEncryptionConfiguration);
      const evidence = { sseAlgorithms: algorithms };
      if (algorithms.some((a) => KMS.has(a)))
        return result(check, b, 'pass', `Default encryption ${algorithms.join(', ')}`, evidence);
      return result(
        check,
        b,
        'fail',
        algorithms.length > 0
          ? `Default encryption ${algorithms.join(', ')}, not KMS`
          : 'No default encryption',
        evidence,
      );
    });
  },
};
