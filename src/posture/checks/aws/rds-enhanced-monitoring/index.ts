/**
 * RDS DB instances have Enhanced Monitoring (operating-system metrics every 1–60 s) turned on
 * (AWS Config RDS_ENHANCED_MONITORING_ENABLED: `monitoringInterval` above 0).
 */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { DB_INSTANCE, engineOf, unlistedInstances } from '../_hardening/rds.js';
import { unreadable } from '../_shared/util.js';

export const check: PostureCheck = {
  id: 'rds-enhanced-monitoring',
  provider: 'aws',
  title: 'RDS instances have Enhanced Monitoring enabled',
  severity: 'low',
  resourceType: DB_INSTANCE,
  citations: ['164.312(b)', '164.308(a)(1)(ii)(D)'],
  risk: 'Without OS-level metrics, resource exhaustion, runaway processes or unusual activity on a database holding ePHI is noticed late, if at all.',
  remediation: {
    text: 'RDS console → instance → Modify → Monitoring → "Enable Enhanced monitoring", granularity 60 s or finer, with the rds-monitoring-role.',
    cli: 'aws rds modify-db-instance --db-instance-identifier DB --monitoring-interval 60 --monitoring-role-arn arn:aws:iam::ACCOUNT:role/rds-monitoring-role --apply-immediately',
    terraform:
      'resource "aws_db_instance" "ehr" {\n  # …\n  monitoring_interval = 60\n  monitoring_role_arn = aws_iam_role.rds_monitoring.arn\n}',
  },
  evaluate(snapshot) {
    return [
      ...resourcesOf(snapshot, DB_INSTANCE).map((d) => {
        const interval = d.configuration.monitoringInterval;
        if (typeof interval !== 'number') return unreadable(check, snapshot, d, 'rds', 'monitoringInterval');
        const evidence = { monitoringInterval: interval, engine: engineOf(d) };
        return interval > 0
          ? result(check, d, 'pass', `Enhanced Monitoring every ${interval} s`, evidence)
          : result(check, d, 'fail', 'Enhanced Monitoring is off', evidence);
      }),
      ...unlistedInstances(check, snapshot),
    ];
  },
};
