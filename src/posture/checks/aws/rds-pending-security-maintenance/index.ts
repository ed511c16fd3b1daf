/**
 * RDS instances have no pending security maintenance: an OS `system-update`, or any pending
 * action whose description mentions security, is a patch waiting on someone's window.
 */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { arr, has, obj, unreadable } from '../_shared/util.js';

/** Whether a pending maintenance action is a security update. */
export function isSecurityAction(a: Record<string, unknown>): boolean {
  return a.action === 'system-update' || /security|CVE-/i.test(String(a.description ?? ''));
}

export const check: PostureCheck = {
  id: 'rds-pending-security-maintenance',
  provider: 'aws',
  title: 'RDS instances have no pending security maintenance',
  severity: 'medium',
  resourceType: 'AWS::RDS::DBInstance',
  citations: ['164.308(a)(1)(ii)(B)', '164.308(a)(5)(ii)(B)'],
  risk: 'Pending OS or engine security updates leave a PHI database exposed to known vulnerabilities until the next window, or until AWS forces them.',
  remediation: {
    text: 'RDS console → instance → Maintenance & backups → Pending maintenance → Apply now (or schedule in the next window).',
    cli: 'aws rds apply-pending-maintenance-action --resource-identifier DB_ARN --apply-action system-update --opt-in-type immediate',
    terraform:
      'resource "aws_db_instance" "ehr" {\n  # …\n  auto_minor_version_upgrade = true\n  maintenance_window         = "sun:04:00-sun:05:00"\n}',
  },
  evaluate(snapshot) {
    return resourcesOf(snapshot, 'AWS::RDS::DBInstance').map((d) => {
      if (!has(d, 'pendingMaintenanceActions'))
        return unreadable(check, snapshot, d, 'rds', 'pendingMaintenanceActions');
      const actions = arr(d.supplementary.pendingMaintenanceActions).flatMap((a) =>
        obj(a) ? [obj(a)!] : [],
      );
      const security = actions.filter(isSecurityAction);
      const evidence = {
        pendingSecurityActions: security.map((a) => ({
          action: a.action ?? null,
          description: a.description ?? null,
          autoAppliedAfterDate: a.autoAppliedAfterDate ?? null,
        })),
        pendingActions: actions.length,
      };
      return security.length === 0
        ? result(check, d, 'pass', 'No pending security maintenance', evidence)
        : result(check, d, 'fail', `${security.length} pending security maintenance action(s)`, evidence);
    });
  },
};
