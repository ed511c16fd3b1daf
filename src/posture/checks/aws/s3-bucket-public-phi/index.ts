/** A PHI-tagged S3 bucket must not be public, as exposure takes effect (ACL, policy, both blocks). */
import type { PostureCheck } from '../../../check.js';
import { evaluatePublicBuckets } from '../_shared/s3-public-check.js';

export const check: PostureCheck = {
  id: 's3-bucket-public-phi',
  provider: 'aws',
  title: 'S3 buckets holding PHI are not publicly accessible',
  severity: 'critical',
  resourceType: 'AWS::S3::Bucket',
  citations: ['164.312(a)(1)', '164.308(a)(3)(i)', '164.308(a)(4)(i)', '164.312(e)(1)'],
  risk:
    'A PHI bucket readable by anyone (AllUsers/AuthenticatedUsers ACL grant or a Principal "*" policy not ' +
    'neutralised by IgnorePublicAcls/RestrictPublicBuckets) is a reportable breach waiting to be found by scanners.',
  remediation: {
    text:
      'S3 console → bucket → Permissions: turn on all four "Block public access" settings, remove AllUsers/' +
      'AuthenticatedUsers ACL grants and Principal "*" statements; also turn them on for the account.',
    cli: 'aws s3api put-public-access-block --bucket BUCKET --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
    terraform:
      'resource "aws_s3_bucket_public_access_block" "phi" {\n  bucket                  = aws_s3_bucket.phi.id\n  block_public_acls       = true\n  ignore_public_acls      = true\n  block_public_policy     = true\n  restrict_public_buckets = true\n}',
    url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html',
  },
  evaluate(snapshot) {
    return evaluatePublicBuckets(check, snapshot, true);
  },
};
