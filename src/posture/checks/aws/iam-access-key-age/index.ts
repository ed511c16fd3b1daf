/**
 * Active IAM user access keys are rotated within `accessKeyMaxAgeDays` (founding documents: 180);
 * past `accessKeyWarnAgeDays` (90, the anchors' value) the result still passes but says so.
 * The runner holds `accessKeyMaxAgeDays` to its guardrail (365 days, src/posture/guardrails.ts).
 */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { daysBetween, obj, unreadable } from '../_shared/util.js';

export const check: PostureCheck = {
  id: 'iam-access-key-age',
  provider: 'aws',
  title: 'IAM user access keys are rotated',
  severity: 'medium',
  resourceType: 'AWS::IAM::User',
  citations: ['164.308(a)(5)(ii)(D)', '164.308(a)(3)(ii)(C)', '164.312(d)'],
  risk: 'Long-lived access keys leak through laptops, repositories and CI logs; an old key is likelier to be exposed and to outlive the person who held it.',
  remediation: {
    text: 'IAM console → Users → user → Security credentials: create a second key, move workloads to it, deactivate then delete the old one. Prefer roles and IAM Identity Center over user keys.',
    cli: 'aws iam create-access-key --user-name USER && aws iam update-access-key --user-name USER --access-key-id OLD_KEY_ID --status Inactive && aws iam delete-access-key --user-name USER --access-key-id OLD_KEY_ID',
    terraform:
      '# Rotate by replacing the key resource\nresource "aws_iam_access_key" "svc" {\n  user = aws_iam_user.svc.name\n  lifecycle { create_before_destroy = true }\n}',
  },
  params: ['accessKeyMaxAgeDays', 'accessKeyWarnAgeDays'],
  evaluate(snapshot, params) {
    const max = params.accessKeyMaxAgeDays;
    return resourcesOf(snapshot, 'AWS::IAM::User').map((u) => {
      const row = obj(u.supplementary.credentialReport);
      if (row === undefined) return unreadable(check, snapshot, u, 'iam', 'credential report');
      const keys = [1, 2].flatMap((n) => {
        if (row[`access_key_${n}_active`] !== true) return [];
        const rotated = row[`access_key_${n}_last_rotated`];
        const age =
          typeof rotated === 'string' ? Math.floor(daysBetween(rotated, snapshot.collectedAt)) : Number.NaN;
        return [{ key: n, lastRotated: rotated ?? null, ageDays: Number.isNaN(age) ? null : age }];
      });
      const evidence = {
        activeKeys: keys,
        accessKeyMaxAgeDays: max,
        accessKeyWarnAgeDays: params.accessKeyWarnAgeDays,
      };
      if (keys.length === 0) return result(check, u, 'pass', 'No active access keys', evidence);
      if (keys.some((k) => k.ageDays === null))
        return result(check, u, 'error', 'Active key with unreadable rotation date', evidence);
      const oldest = Math.max(...keys.map((k) => k.ageDays as number));
      if (oldest > max)
        return result(check, u, 'fail', `Active access key is ${oldest} days old (max ${max})`, evidence);
      if (oldest > params.accessKeyWarnAgeDays)
        return result(
          check,
          u,
          'pass',
          `Warning: active access key is ${oldest} days old (rotate past ${params.accessKeyWarnAgeDays})`,
          evidence,
        );
      return result(check, u, 'pass', `Active access keys are at most ${oldest} days old`, evidence);
    });
  },
};
