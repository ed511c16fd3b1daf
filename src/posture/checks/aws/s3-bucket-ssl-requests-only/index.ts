/**
 * S3 bucket policies deny every request that does not use TLS (AWS Config
 * S3_BUCKET_SSL_REQUESTS_ONLY; Prowler s3_bucket_secure_transport_policy): an effective Deny on
 * `aws:SecureTransport` false for all principals, all S3 actions (`s3:*` or `*`), the bucket and
 * its objects (secure-transport.ts). A bucket without a policy fails.
 */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { secureTransportDenies } from '../_hardening/secure-transport.js';
import { has, obj, unreadable } from '../_shared/util.js';

export const check: PostureCheck = {
  id: 's3-bucket-ssl-requests-only',
  provider: 'aws',
  title: 'S3 buckets refuse requests without TLS',
  severity: 'medium',
  resourceType: 'AWS::S3::Bucket',
  citations: ['164.312(e)(1)', '164.312(e)(2)(ii)', '164.312(c)(1)'],
  risk: 'S3 answers plain HTTP unless the bucket policy forbids it, so a misconfigured client or SDK can send and receive ePHI unencrypted across the network.',
  remediation: {
    text: 'S3 console → bucket → Permissions → Bucket policy: add a statement denying "s3:*" to Principal "*" on the bucket and "bucket/*" when "aws:SecureTransport" is "false".',
    cli: 'aws s3api put-bucket-policy --bucket BUCKET --policy \'{"Version":"2012-10-17","Statement":[{"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::BUCKET","arn:aws:s3:::BUCKET/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}\'',
    terraform:
      'data "aws_iam_policy_document" "tls_only" {\n  statement {\n    sid       = "DenyInsecureTransport"\n    effect    = "Deny"\n    actions   = ["s3:*"]\n    resources = [aws_s3_bucket.phi.arn, format("%s/*", aws_s3_bucket.phi.arn)]\n    principals {\n      type        = "*"\n      identifiers = ["*"]\n    }\n    condition {\n      test     = "Bool"\n      variable = "aws:SecureTransport"\n      values   = ["false"]\n    }\n  }\n}',
  },
  evaluate(snapshot) {
    return resourcesOf(snapshot, 'AWS::S3::Bucket').map((b) => {
      if (!has(b, 'BucketPolicy')) return unreadable(check, snapshot, b, 's3', 'BucketPolicy');
      const text = obj(b.supplementary.BucketPolicy)?.policyText;
      if (b.supplementary.BucketPolicy === null || text === null || text === undefined)
        return result(check, b, 'fail', 'No bucket policy, so plain HTTP is accepted', {
          bucketPolicy: null,
        });
      const denies = secureTransportDenies(text, b.id);
      if (denies === undefined) return result(check, b, 'error', 'The bucket policy could not be parsed', {});
      const evidence = { denyStatements: denies.map((s) => s.Sid ?? null) };
      return denies.length > 0
        ? result(check, b, 'pass', 'The bucket policy denies requests without TLS', evidence)
        : result(check, b, 'fail', 'No bucket-wide Deny on aws:SecureTransport false', evidence);
    });
  },
};
