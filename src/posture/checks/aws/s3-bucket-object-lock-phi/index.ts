/**
 * S3 buckets holding PHI have Object Lock with a default retention, so new objects cannot be
 * overwritten or deleted for that time, by ransomware or by mistake (AWS Config
 * S3_BUCKET_DEFAULT_LOCK_ENABLED). Narrower than Config — PHI-tagged buckets only — and stricter:
 * Config is satisfied by Object Lock being enabled; we also want the default retention rule,
 * without which objects are protected only when each writer asks for it.
 */
import { operationGap, type PostureCheck, resourcesOf, result } from '../../../check.js';
import { num } from '../_compute/util.js';
import { has, obj, phiScope } from '../_shared/util.js';

export const check: PostureCheck = {
  id: 's3-bucket-object-lock-phi',
  provider: 'aws',
  title: 'S3 buckets holding PHI have Object Lock default retention',
  severity: 'medium',
  resourceType: 'AWS::S3::Bucket',
  citations: ['164.312(c)(1)', '164.308(a)(7)(ii)(A)'],
  risk: 'Without Object Lock, anyone holding s3:DeleteObject or s3:PutObject on a PHI bucket (an attacker with stolen keys, ransomware, an operator error) can destroy or overwrite ePHI and its versions.',
  remediation: {
    text: 'Enable versioning, then S3 console → bucket → Properties → Object Lock → Edit → Enable, with a default retention (GOVERNANCE or COMPLIANCE mode, days or years) matching the records policy.',
    cli: 'aws s3api put-object-lock-configuration --bucket BUCKET --object-lock-configuration \'{"ObjectLockEnabled":"Enabled","Rule":{"DefaultRetention":{"Mode":"GOVERNANCE","Days":365}}}\'',
    terraform:
      'resource "aws_s3_bucket_object_lock_configuration" "phi" {\n  bucket = aws_s3_bucket.phi.id\n  rule {\n    default_retention {\n      mode = "GOVERNANCE"\n      days = 365\n    }\n  }\n}',
    url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock.html',
  },
  evaluate(snapshot) {
    return resourcesOf(snapshot, 'AWS::S3::Bucket').flatMap((b) => {
      const scope = phiScope(snapshot, b, 's3', has(b, 'BucketTaggingConfiguration'));
      if (scope.phi === 'unknown')
        return [result(check, b, 'error', `PHI classification unknown: ${scope.reason}`)];
      if (!scope.phi) return [];
      if (!has(b, 'ObjectLockConfiguration')) {
        const gap = operationGap(snapshot, 's3', ['GetObjectLockConfiguration'], b.account, b.region);
        return [
          result(
            check,
            b,
            'error',
            gap ? `Object Lock could not be read: ${gap}.` : 'Object Lock is not in the snapshot.',
            { missing: 'ObjectLockConfiguration' },
          ),
        ];
      }
      const lock = obj(b.supplementary.ObjectLockConfiguration);
      const retention = obj(obj(lock?.rule)?.defaultRetention);
      const days = num(retention?.days);
      const years = num(retention?.years);
      const evidence = {
        objectLockEnabled: lock?.objectLockEnabled ?? null,
        mode: retention?.mode ?? null,
        days: days ?? null,
        years: years ?? null,
        phi: scope.source,
      };
      if (lock?.objectLockEnabled !== 'Enabled')
        return [result(check, b, 'fail', 'Object Lock is not enabled on this PHI bucket.', evidence)];
      if ((days ?? 0) <= 0 && (years ?? 0) <= 0)
        return [result(check, b, 'fail', 'Object Lock is enabled but has no default retention.', evidence)];
      const period = days !== undefined && days > 0 ? `${days} days` : `${years} years`;
      const mode = typeof retention?.mode === 'string' ? `${retention.mode} ` : '';
      return [result(check, b, 'pass', `Object Lock default retention: ${mode}${period}.`, evidence)];
    });
  },
};
