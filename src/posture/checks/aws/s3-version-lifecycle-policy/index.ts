/**
 * Versioned S3 buckets have an enabled lifecycle rule (AWS Config S3_VERSION_LIFECYCLE_POLICY_CHECK).
 * Versioning keeps every overwritten or deleted object; without lifecycle rules those noncurrent
 * copies of ePHI pile up forever, beyond any retention schedule. Whether a rule handles noncurrent
 * versions is shown as evidence; as in AWS Config, any enabled rule passes. Buckets not versioned
 * give no result.
 */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { arr, has, obj, unreadable } from '../_shared/util.js';

export const check: PostureCheck = {
  id: 's3-version-lifecycle-policy',
  provider: 'aws',
  title: 'Versioned S3 buckets have a lifecycle policy',
  severity: 'low',
  resourceType: 'AWS::S3::Bucket',
  citations: ['164.308(a)(7)(ii)(A)', '164.310(d)(2)(iv)'],
  risk: 'Noncurrent versions of ePHI objects kept indefinitely outlive the retention schedule and enlarge what a breach exposes.',
  remediation: {
    text: 'S3 console → bucket → Management → Create lifecycle rule: expire (or transition) noncurrent versions after the retention period, and clean up expired delete markers and incomplete multipart uploads.',
    cli: 'aws s3api put-bucket-lifecycle-configuration --bucket BUCKET --lifecycle-configuration \'{"Rules":[{"ID":"noncurrent","Status":"Enabled","Filter":{},"NoncurrentVersionExpiration":{"NoncurrentDays":365}}]}\'',
    terraform:
      'resource "aws_s3_bucket_lifecycle_configuration" "phi" {\n  bucket = aws_s3_bucket.phi.id\n  rule {\n    id     = "noncurrent"\n    status = "Enabled"\n    filter {}\n    noncurrent_version_expiration {\n      noncurrent_days = 365\n    }\n  }\n}',
  },
  evaluate(snapshot) {
    return resourcesOf(snapshot, 'AWS::S3::Bucket').flatMap((b) => {
      if (!has(b, 'BucketVersioningConfiguration'))
        return [unreadable(check, snapshot, b, 's3', 'BucketVersioningConfiguration')];
      if (obj(b.supplementary.BucketVersioningConfiguration)?.status !== 'Enabled') return [];
      if (!has(b, 'BucketLifecycleConfiguration'))
        return [unreadable(check, snapshot, b, 's3', 'BucketLifecycleConfiguration')];
      const enabled = arr(obj(b.supplementary.BucketLifecycleConfiguration)?.rules).flatMap((r) => {
        const o = obj(r);
        return o?.status === 'Enabled' ? [o] : [];
      });
      const noncurrent = enabled.some(
        (r) => r.noncurrentVersionExpiration != null || arr(r.noncurrentVersionTransitions).length > 0,
      );
      const evidence = {
        enabledRules: enabled.map((r) => r.id ?? null),
        managesNoncurrentVersions: noncurrent,
      };
      return enabled.length > 0
        ? [result(check, b, 'pass', `${enabled.length} enabled lifecycle rules`, evidence)]
        : [result(check, b, 'fail', 'Versioned, but no enabled lifecycle rule', evidence)];
    });
  },
};
