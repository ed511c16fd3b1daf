/**
 * RDS DB instances have deletion protection (AWS Config RDS_INSTANCE_DELETION_PROTECTION_ENABLED;
 * the HIPAA pack holds only the cluster variant, RDS_CLUSTER_DELETION_PROTECTION_ENABLED, which
 * rds-cluster-deletion-protection judges). For cluster members the flag lives on the cluster, so
 * this check says `manual` and points there.
 */
import { type PostureCheck, resourcesOf } from '../../../check.js';
import { booleanSetting, clusterManual, DB_INSTANCE, unlistedInstances } from '../_hardening/rds.js';

export const check: PostureCheck = {
  id: 'rds-deletion-protection',
  provider: 'aws',
  title: 'RDS instances have deletion protection enabled',
  severity: 'medium',
  resourceType: DB_INSTANCE,
  citations: ['164.308(a)(7)(ii)(A)', '164.308(a)(7)(ii)(B)', '164.312(c)(1)'],
  risk: 'Without deletion protection one API call or console slip (or an attacker with the right role) deletes the database of ePHI; only snapshots, if any, remain.',
  remediation: {
    text: 'RDS console → instance → Modify → Deletion protection: "Enable deletion protection" → apply immediately.',
    cli: 'aws rds modify-db-instance --db-instance-identifier DB --deletion-protection --apply-immediately',
    terraform: 'resource "aws_db_instance" "ehr" {\n  # …\n  deletion_protection = true\n}',
  },
  evaluate(snapshot) {
    return [
      ...resourcesOf(snapshot, DB_INSTANCE).map(
        (d) =>
          clusterManual(check, d, 'Deletion protection') ??
          booleanSetting(check, snapshot, d, 'deletionProtection', {
            pass: 'Deletion protection is enabled',
            fail: 'Deletion protection is disabled',
          }),
      ),
      ...unlistedInstances(check, snapshot),
    ];
  },
};
