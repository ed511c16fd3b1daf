/** Every S3 bucket has default server-side encryption (SSE-S3 or SSE-KMS). */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { sseAlgorithms } from '../_shared/s3-config.js';
import { has, unreadable } from '../_shared/util.js';

export const check: PostureCheck = {
  id: 's3-bucket-default-encryption',
  provider: 'aws',
  title: 'S3 buckets have default encryption at rest',
  severity: 'high',
  resourceType: 'AWS::S3::Bucket',
  citations: ['164.312(a)(2)(iv)', '164.308(a)(1)(ii)(B)'],
  risk: 'Objects written without default encryption may be stored in the clear; encryption at rest is the addressable safeguard auditors expect for ePHI.',
  remediation: {
    text: 'S3 console → bucket → Properties → Default encryption → SSE-KMS with a customer-managed key (or SSE-S3), bucket key on.',
    cli: 'aws s3api put-bucket-encryption --bucket BUCKET --server-side-encryption-configuration \'{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"aws:kms","KMSMasterKeyID":"KEY_ARN"},"BucketKeyEnabled":true}]}\'',
    terraform:
      'resource "aws_s3_bucket_server_side_encryption_configuration" "this" {\n  bucket = aws_s3_bucket.this.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm     = "aws:kms"\n      kms_master_key_id = aws_kms_key.phi.arn\n    }\n    bucket_key_enabled = true\n  }\n}',
  },
  evaluate(snapshot) {
    return resourcesOf(snapshot, 'AWS::S3::Bucket').map((b) => {
      if (!has(b, 'ServerSideEncryptionConfiguration'))
        return unreadable(check, snapshot, b, 's3', 'ServerSideEncryptionConfiguration');
      const algorithms = sseAlgorithms(b.supplementary.ServerSideEncryptionConfiguration);
      const evidence = { sseAlgorithms: algorithms };
      return algorithms.length > 0
        ? result(check, b, 'pass', `Default encryption ${algorithms.join(', ')}`, evidence)
        : result(check, b, 'fail', 'No default encryption configured', evidence);
    });
  },
};
