/** Each account has at least one multi-region CloudTrail trail that is logging (account-level). */
import { accountHasResources, type PostureCheck, resourcesOf, result } from '../../../check.js';
import { accountSubject, missingReason } from '../_shared/util.js';

export const check: PostureCheck = {
  id: 'cloudtrail-multi-region-enabled',
  provider: 'aws',
  title: 'A multi-region CloudTrail trail is logging in every account',
  severity: 'high',
  resourceType: 'AWS::::Account',
  citations: ['164.312(b)', '164.308(a)(1)(ii)(D)', '164.308(a)(3)(ii)(A)'],
  risk: 'Without a logging multi-region trail, API activity in other regions (where an attacker would go) is never recorded, so access to ePHI cannot be reconstructed.',
  remediation: {
    text: 'CloudTrail console → Trails → Create trail (or edit) → apply to all regions, then make sure logging is started.',
    cli: 'aws cloudtrail create-trail --name org-trail --s3-bucket-name TRAIL_BUCKET --is-multi-region-trail --enable-log-file-validation --kms-key-id KEY_ARN && aws cloudtrail start-logging --name org-trail',
    terraform:
      'resource "aws_cloudtrail" "this" {\n  name                       = "org-trail"\n  s3_bucket_name             = aws_s3_bucket.trail.id\n  is_multi_region_trail      = true\n  enable_log_file_validation = true\n  kms_key_id                 = aws_kms_key.trail.arn\n  enable_logging             = true\n}',
  },
  evaluate(snapshot) {
    const trails = resourcesOf(snapshot, 'AWS::CloudTrail::Trail');
    return snapshot.accounts.flatMap((account) => {
      const subject = accountSubject(account);
      const own = trails.filter((t) => t.account === account);
      const evidence = {
        trails: own.map((t) => ({
          name: t.name,
          isMultiRegionTrail: t.configuration.isMultiRegionTrail ?? null,
          isLogging: t.configuration.isLogging ?? 'unreadable',
        })),
      };
      const ok = own.find(
        (t) => t.configuration.isMultiRegionTrail === true && t.configuration.isLogging === true,
      );
      if (ok !== undefined)
        return [result(check, subject, 'pass', `Trail ${ok.name} is multi-region and logging`, evidence)];
      // No proof either way if DescribeTrails/GetTrailStatus were denied somewhere.
      const unread =
        snapshot.gaps.some((g) => g.account === account && g.service === 'cloudtrail') ||
        own.some(
          (t) => t.configuration.isMultiRegionTrail === true && t.configuration.isLogging === undefined,
        );
      if (unread)
        return [
          result(
            check,
            subject,
            'error',
            missingReason(snapshot, subject, 'cloudtrail', 'trails or their status'),
            evidence,
          ),
        ];
      if (own.length === 0 && !accountHasResources(snapshot, account)) return [];
      return [result(check, subject, 'fail', 'No multi-region trail is logging', evidence)];
    });
  },
};
