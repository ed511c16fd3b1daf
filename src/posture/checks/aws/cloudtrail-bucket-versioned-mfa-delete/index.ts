/** The CloudTrail log bucket is versioned with MFA delete, so audit logs cannot be silently erased. */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { trailBucket } from '../_shared/trail-bucket.js';
import { has, obj, unreadable } from '../_shared/util.js';

export const check: PostureCheck = {
  id: 'cloudtrail-bucket-versioned-mfa-delete',
  provider: 'aws',
  title: 'The CloudTrail log bucket has versioning and MFA delete',
  severity: 'medium',
  resourceType: 'AWS::CloudTrail::Trail',
  citations: ['164.312(c)(1)', '164.312(b)'],
  risk: 'Without versioning and MFA delete, a compromised credential can delete or overwrite the audit trail that would reveal the compromise.',
  remediation: {
    text: 'MFA delete can only be enabled by the root user with its MFA device, through the API (not the console). Enable versioning first. Alternatively use S3 Object Lock on a new trail bucket.',
    cli: 'aws s3api put-bucket-versioning --bucket TRAIL_BUCKET --versioning-configuration Status=Enabled,MFADelete=Enabled --mfa "arn:aws:iam::ACCOUNT:mfa/root-account-mfa-device 123456"',
    terraform:
      'resource "aws_s3_bucket_versioning" "trail" {\n  bucket = aws_s3_bucket.trail.id\n  mfa    = var.root_mfa_serial_and_code\n  versioning_configuration {\n    status     = "Enabled"\n    mfa_delete = "Enabled"\n  }\n}',
  },
  evaluate(snapshot) {
    return resourcesOf(snapshot, 'AWS::CloudTrail::Trail').map((t) => {
      const joined = trailBucket(snapshot, t);
      if (!('bucket' in joined))
        return result(check, t, 'manual', joined.reason, { s3BucketName: joined.bucketName });
      const b = joined.bucket;
      if (!has(b, 'BucketVersioningConfiguration')) {
        const e = unreadable(check, snapshot, b, 's3', 'BucketVersioningConfiguration of the trail bucket');
        return result(check, t, 'error', e.message, { s3BucketName: b.name });
      }
      const v = obj(b.supplementary.BucketVersioningConfiguration);
      const evidence = {
        s3BucketName: b.name,
        versioningStatus: v?.status ?? 'Off',
        isMfaDeleteEnabled: v?.isMfaDeleteEnabled ?? null,
      };
      return v?.status === 'Enabled' && v.isMfaDeleteEnabled === true
        ? result(check, t, 'pass', `Trail bucket ${b.name} is versioned with MFA delete`, evidence)
        : result(check, t, 'fail', `Trail bucket ${b.name} lacks versioning or MFA delete`, evidence);
    });
  },
};
