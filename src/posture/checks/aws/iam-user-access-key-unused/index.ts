/**
 * Active IAM user access keys have been used within `credentialUnusedDays` (AWS Config
 * IAM_USER_UNUSED_CREDENTIALS_CHECK, maxCredentialUsageAge 90, for its access-key half; Prowler
 * iam_user_accesskey_unused, 45 days). From the credential report's last-used dates; a key never
 * used counts from its creation (credentials.ts), where Prowler lets it pass.
 */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { unusedFor } from '../_hardening/credentials.js';
import { obj, unreadable } from '../_shared/util.js';

export const check: PostureCheck = {
  id: 'iam-user-access-key-unused',
  provider: 'aws',
  title: 'Unused IAM access keys are deactivated',
  severity: 'medium',
  resourceType: 'AWS::IAM::User',
  citations: ['164.308(a)(3)(ii)(B)', '164.308(a)(5)(ii)(D)', '164.308(a)(3)(ii)(C)'],
  params: ['credentialUnusedDays'],
  risk: 'An active key nobody uses is a standing credential to ePHI that no workload needs; it typically belongs to someone who left or a retired system, and its theft would go unnoticed.',
  remediation: {
    text: 'IAM console → Users → user → Security credentials: make the unused access key inactive, wait for complaints, then delete it. Prefer roles over user keys.',
    cli: 'aws iam update-access-key --user-name USER --access-key-id KEY_ID --status Inactive\naws iam delete-access-key --user-name USER --access-key-id KEY_ID',
    terraform: '# Remove the aws_iam_access_key resource of the unused key (or set status = "Inactive").',
  },
  evaluate(snapshot, params) {
    const max = params.credentialUnusedDays;
    return resourcesOf(snapshot, 'AWS::IAM::User').map((u) => {
      const row = obj(u.supplementary.credentialReport);
      if (row === undefined) return unreadable(check, snapshot, u, 'iam', 'credential report');
      const keys = [1, 2].flatMap((n) => {
        const active = row[`access_key_${n}_active`];
        if (active === false || active === null) return [];
        if (active !== true)
          return [{ n, state: { kind: 'missing' as const, column: `access_key_${n}_active` } }];
        return [
          {
            n,
            state: unusedFor(
              row,
              `access_key_${n}_last_used_date`,
              [`access_key_${n}_last_rotated`],
              snapshot.collectedAt,
            ),
          },
        ];
      });
      const evidence = { activeKeys: keys.map((k) => ({ key: k.n, ...k.state })), credentialUnusedDays: max };
      if (keys.length === 0) return result(check, u, 'pass', 'No active access keys', evidence);
      const stale = keys.filter((k) => k.state.kind === 'age' && k.state.days > max);
      if (stale.length > 0)
        return result(
          check,
          u,
          'fail',
          stale
            .map((k) =>
              k.state.kind === 'age'
                ? `access key ${k.n} unused for ${k.state.days} days (${k.state.basis})`
                : '',
            )
            .join('; '),
          evidence,
        );
      const missing = keys.find((k) => k.state.kind === 'missing');
      if (missing !== undefined && missing.state.kind === 'missing')
        return result(
          check,
          u,
          'error',
          `The credential report has no ${missing.state.column} column`,
          evidence,
        );
      const unknown = keys.find((k) => k.state.kind === 'unknown');
      if (unknown !== undefined && unknown.state.kind === 'unknown')
        return result(check, u, 'manual', `Access key ${unknown.n}: ${unknown.state.reason}`, evidence);
      return result(check, u, 'pass', `Active access keys used within ${max} days`, evidence);
    });
  },
};
