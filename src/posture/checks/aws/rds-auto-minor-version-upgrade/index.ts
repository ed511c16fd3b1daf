/**
 * RDS DB instances apply minor engine versions automatically in their maintenance window (AWS
 * Config RDS_AUTOMATIC_MINOR_VERSION_UPGRADE_ENABLED). Minor versions carry the engine's security
 * fixes; rds-pending-security-maintenance looks at what is pending now, this check at whether
 * fixes will keep arriving.
 */
import { type PostureCheck, resourcesOf } from '../../../check.js';
import { booleanSetting, DB_INSTANCE, unlistedInstances } from '../_hardening/rds.js';

export const check: PostureCheck = {
  id: 'rds-auto-minor-version-upgrade',
  provider: 'aws',
  title: 'RDS instances upgrade minor engine versions automatically',
  severity: 'medium',
  resourceType: DB_INSTANCE,
  citations: ['164.308(a)(5)(ii)(B)', '164.308(a)(1)(ii)(B)'],
  risk: 'Without automatic minor upgrades the database engine keeps known, published vulnerabilities until someone upgrades by hand, while it holds ePHI.',
  remediation: {
    text: 'RDS console → instance → Modify → Maintenance → "Enable auto minor version upgrade" → apply during the next maintenance window.',
    cli: 'aws rds modify-db-instance --db-instance-identifier DB --auto-minor-version-upgrade --no-apply-immediately',
    terraform: 'resource "aws_db_instance" "ehr" {\n  # …\n  auto_minor_version_upgrade = true\n}',
  },
  evaluate(snapshot) {
    return [
      ...resourcesOf(snapshot, DB_INSTANCE).map((d) =>
        booleanSetting(check, snapshot, d, 'autoMinorVersionUpgrade', {
          pass: 'Minor versions are applied automatically',
          fail: 'Automatic minor version upgrade is off',
        }),
      ),
      ...unlistedInstances(check, snapshot),
    ];
  },
};
