/**
 * Secrets with automatic rotation actually rotated on schedule: AWS Config
 * `SECRETSMANAGER_SCHEDULED_ROTATION_SUCCESS_CHECK` ("NON_COMPLIANT if the date passes and the
 * secret isn't rotated"). A rotation function that keeps failing leaves rotation "enabled" and the
 * secret unchanged — secretsmanager-rotation-enabled cannot see that.
 *
 * The due date is `lastRotatedDate` plus the interval (`rotationRules.automaticallyAfterDays`, or
 * a `rate(N days|hours)` schedule expression); for a secret never rotated, or one on a cron
 * schedule, it is `nextRotationDate` as Secrets Manager reported it. One day of grace covers the
 * rotation window, which closes by the end of the UTC day at the latest (Secrets Manager User
 * Guide, "Rotation schedules"). Neither derivable → manual. Secrets without rotation give no
 * result here.
 */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { num, record, str } from '../../../read.js';

const DAY_MS = 86_400_000;
const GRACE_MS = DAY_MS;

/** The interval of a rotation schedule in milliseconds, or undefined (cron, or not set). */
export function intervalMs(rules: Record<string, unknown> | undefined): number | undefined {
  const days = num(rules?.automaticallyAfterDays);
  if (days !== undefined && days > 0) return days * DAY_MS;
  const rate = /^rate\(\s*(\d+)\s+(hours?|days?)\s*\)$/i.exec(str(rules?.scheduleExpression) ?? '');
  if (!rate) return undefined;
  const n = Number(rate[1]);
  return (rate[2]?.toLowerCase().startsWith('hour') ? n * 3_600_000 : n * DAY_MS) || undefined;
}

export const check: PostureCheck = {
  id: 'secretsmanager-scheduled-rotation-success',
  provider: 'aws',
  title: 'Secrets Manager rotations happen on schedule',
  severity: 'medium',
  resourceType: 'AWS::SecretsManager::Secret',
  citations: ['164.308(a)(5)(ii)(D)'],
  risk: 'When the rotation function fails, the secret silently keeps its old value while everyone believes it rotates; the credential ages exactly as if rotation were off.',
  remediation: {
    text: 'Secrets Manager console → secret → Rotation: read the last rotation error, fix the rotation function (network path to the database, IAM permissions, the AWSPENDING version), then "Rotate secret immediately".',
    cli: 'aws secretsmanager describe-secret --secret-id SECRET_ARN && aws logs tail /aws/lambda/ROTATION_FUNCTION --since 7d && aws secretsmanager rotate-secret --secret-id SECRET_ARN',
    terraform:
      '# Alert on failed rotations\nresource "aws_cloudwatch_event_rule" "rotation_failed" {\n  event_pattern = jsonencode({ source = ["aws.secretsmanager"], "detail-type" = ["AWS Service Event via CloudTrail"], detail = { eventName = ["RotationFailed"] } })\n}',
  },
  evaluate(snapshot) {
    const now = Date.parse(snapshot.collectedAt);
    return resourcesOf(snapshot, 'AWS::SecretsManager::Secret').flatMap((s) => {
      if (s.configuration.rotationEnabled !== true) return [];
      const rules = record(s.configuration.rotationRules);
      const last = str(s.configuration.lastRotatedDate);
      const next = str(s.configuration.nextRotationDate);
      const interval = intervalMs(rules);
      const due =
        last !== undefined && interval !== undefined ? Date.parse(last) + interval : Date.parse(next ?? '');
      const evidence = {
        lastRotatedDate: last ?? null,
        rotationRules: rules ?? null,
        nextRotationDate: next ?? null,
        dueBy: Number.isNaN(due) ? null : new Date(due).toISOString(),
      };
      if (Number.isNaN(due))
        return [
          result(check, s, 'manual', 'The rotation due date cannot be derived from the schedule', evidence),
        ];
      if (now > due + GRACE_MS)
        return [
          result(
            check,
            s,
            'fail',
            `Rotation was due by ${evidence.dueBy?.slice(0, 10)} and has not happened`,
            evidence,
          ),
        ];
      return [result(check, s, 'pass', 'Rotating on schedule', evidence)];
    });
  },
};
