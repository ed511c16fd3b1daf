/** The S3 bucket CloudTrail delivers to is not public, as exposure takes effect. */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { bucketExposure } from '../_shared/s3-exposure.js';
import { trailBucket } from '../_shared/trail-bucket.js';

export const check: PostureCheck = {
  id: 'cloudtrail-bucket-not-public',
  provider: 'aws',
  title: 'The CloudTrail log bucket is not publicly accessible',
  severity: 'critical',
  resourceType: 'AWS::CloudTrail::Trail',
  citations: ['164.312(b)', '164.308(a)(1)(ii)(D)', '164.312(c)(1)'],
  risk: "A public trail bucket publishes the account's activity history (principals, resource names, IPs) and, if writable, lets anyone tamper with audit evidence.",
  remediation: {
    text: 'S3 console → trail bucket → Permissions: turn on all four Block public access settings and keep only the CloudTrail service statements in the bucket policy.',
    cli: 'aws s3api put-public-access-block --bucket TRAIL_BUCKET --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
    terraform:
      'resource "aws_s3_bucket_public_access_block" "trail" {\n  bucket                  = aws_s3_bucket.trail.id\n  block_public_acls       = true\n  ignore_public_acls      = true\n  block_public_policy     = true\n  restrict_public_buckets = true\n}',
  },
  evaluate(snapshot) {
    return resourcesOf(snapshot, 'AWS::CloudTrail::Trail').map((t) => {
      const joined = trailBucket(snapshot, t);
      if (!('bucket' in joined))
        return result(check, t, 'manual', joined.reason, { s3BucketName: joined.bucketName });
      const e = bucketExposure(snapshot, joined.bucket);
      const evidence = { s3BucketName: joined.bucket.name, ...e.evidence };
      if (e.exposure === 'unknown') return result(check, t, 'error', e.reasons.join('; '), evidence);
      return e.exposure === 'public'
        ? result(
            check,
            t,
            'fail',
            `Trail bucket ${joined.bucket.name} is public: ${e.reasons.join('; ')}`,
            evidence,
          )
        : result(check, t, 'pass', `Trail bucket ${joined.bucket.name} is not public`, evidence);
    });
  },
};
