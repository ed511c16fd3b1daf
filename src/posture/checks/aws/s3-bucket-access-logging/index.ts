/** S3 buckets write server access logs, so access to ePHI objects can be reviewed. */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { has, obj, unreadable } from '../_shared/util.js';

export const check: PostureCheck = {
  id: 's3-bucket-access-logging',
  provider: 'aws',
  title: 'S3 buckets have server access logging enabled',
  severity: 'medium',
  resourceType: 'AWS::S3::Bucket',
  citations: ['164.312(b)', '164.308(a)(1)(ii)(D)'],
  risk: 'Without access logs (or CloudTrail S3 data events) nobody can tell who read or changed ePHI objects, so audit controls and activity review fail.',
  remediation: {
    text: 'S3 console → bucket → Properties → Server access logging → Enable, target a dedicated, private log bucket.',
    cli: 'aws s3api put-bucket-logging --bucket BUCKET --bucket-logging-status \'{"LoggingEnabled":{"TargetBucket":"LOG_BUCKET","TargetPrefix":"BUCKET/"}}\'',
    terraform:
      'resource "aws_s3_bucket_logging" "this" {\n  bucket        = aws_s3_bucket.this.id\n  target_bucket = aws_s3_bucket.logs.id\n  target_prefix = "BUCKET/"\n}',
  },
  evaluate(snapshot) {
    return resourcesOf(snapshot, 'AWS::S3::Bucket').map((b) => {
      if (!has(b, 'BucketLoggingConfiguration'))
        return unreadable(check, snapshot, b, 's3', 'BucketLoggingConfiguration');
      const target = obj(b.supplementary.BucketLoggingConfiguration)?.destinationBucketName ?? null;
      const evidence = { destinationBucketName: target };
      return typeof target === 'string' && target !== ''
        ? result(check, b, 'pass', `Access logs go to ${target}`, evidence)
        : result(check, b, 'fail', 'Server access logging is off', evidence);
    });
  },
};
