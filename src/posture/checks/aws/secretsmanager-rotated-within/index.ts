/**
 * Secrets Manager secrets were rotated within `secretRotationMaxDays` (default 90, the same as
 * AWS Config's maxDaysSinceRotation): AWS Config `SECRETSMANAGER_SECRET_PERIODIC_ROTATION`.
 * 164.308(a)(5)(ii)(D) asks for procedures for changing passwords; this is the evidence that they
 * ran, whatever the rotation setting says.
 *
 * Age counts from `lastRotatedDate`, or for a secret never rotated from `createdDate` — a secret
 * created last week is not stale. Config's documentation does not say how it treats never-rotated
 * secrets; ours fails them only once they are older than the limit. Manual value changes
 * (PutSecretValue) do not set `lastRotatedDate` and so do not count as rotations here.
 */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { str } from '../../../read.js';
import { daysBetween, unreadable } from '../_shared/util.js';

export const check: PostureCheck = {
  id: 'secretsmanager-rotated-within',
  provider: 'aws',
  title: 'Secrets Manager secrets were rotated recently',
  severity: 'medium',
  resourceType: 'AWS::SecretsManager::Secret',
  citations: ['164.308(a)(5)(ii)(D)'],
  risk: 'A credential unchanged for months has had months to leak; anyone who copied it still gets into the systems it protects.',
  remediation: {
    text: 'Secrets Manager console → secret → Rotation → "Rotate secret immediately", then make sure automatic rotation runs at least as often as your policy requires.',
    cli: 'aws secretsmanager rotate-secret --secret-id SECRET_ARN',
    terraform:
      'resource "aws_secretsmanager_secret_rotation" "this" {\n  secret_id           = aws_secretsmanager_secret.this.id\n  rotation_lambda_arn = aws_lambda_function.rotate.arn\n  rotation_rules {\n    automatically_after_days = 30\n  }\n}',
  },
  params: ['secretRotationMaxDays'],
  evaluate(snapshot, params) {
    const max = params.secretRotationMaxDays;
    return resourcesOf(snapshot, 'AWS::SecretsManager::Secret').map((s) => {
      const rotated = str(s.configuration.lastRotatedDate);
      const created = str(s.configuration.createdDate);
      const since = rotated ?? created;
      const age = since === undefined ? Number.NaN : Math.floor(daysBetween(since, snapshot.collectedAt));
      if (Number.isNaN(age))
        return unreadable(check, snapshot, s, 'secretsmanager', 'lastRotatedDate or createdDate');
      const evidence = {
        lastRotatedDate: rotated ?? null,
        createdDate: created ?? null,
        daysSinceRotation: age,
        secretRotationMaxDays: max,
      };
      const what =
        rotated === undefined ? `Never rotated, created ${age} days ago` : `Rotated ${age} days ago`;
      return age > max
        ? result(check, s, 'fail', `${what} (limit ${max})`, evidence)
        : result(check, s, 'pass', what, evidence);
    });
  },
};
