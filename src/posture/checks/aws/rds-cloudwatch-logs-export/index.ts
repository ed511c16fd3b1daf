/**
 * RDS DB instances publish the database logs that record access to CloudWatch Logs (AWS Config
 * RDS_LOGGING_ENABLED, "respective logs" per engine; Prowler rds_instance_integration_cloudwatch_logs,
 * any log). Required here, per engine, are the logs that show who connected and what failed:
 * MySQL/MariaDB `audit` and `error`; PostgreSQL `postgresql`; Oracle `audit`, `alert` and
 * `listener`; SQL Server `error`. Deliberately not required: the MySQL `general` and `slowquery`
 * logs (statement text with ePHI literals, shipped out of the database) and Oracle `trace`. Other
 * engines pass with any export. Cluster members export from the cluster: `manual`.
 */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { clusterManual, DB_INSTANCE, engineOf, unlistedInstances } from '../_hardening/rds.js';
import { arr } from '../_shared/util.js';

/** The logs required for an engine, or `undefined` when any export will do. */
export function requiredLogs(engine: string): readonly string[] | undefined {
  if (engine === 'mysql' || engine === 'mariadb') return ['audit', 'error'];
  if (engine === 'postgres') return ['postgresql'];
  if (engine.startsWith('oracle-') || engine.startsWith('custom-oracle'))
    return ['audit', 'alert', 'listener'];
  if (engine.startsWith('sqlserver-') || engine.startsWith('custom-sqlserver')) return ['error'];
  return undefined;
}

export const check: PostureCheck = {
  id: 'rds-cloudwatch-logs-export',
  provider: 'aws',
  title: 'RDS instances export their access and error logs to CloudWatch Logs',
  severity: 'medium',
  resourceType: DB_INSTANCE,
  citations: ['164.312(b)', '164.308(a)(1)(ii)(D)', '164.308(a)(6)(ii)'],
  risk: 'Database logs kept only on the instance rotate away within days and vanish with it, so failed logins and access to ePHI tables cannot be reviewed or investigated.',
  remediation: {
    text: "RDS console → instance → Modify → Log exports: select the engine's audit/error (MySQL, MariaDB), postgresql (PostgreSQL), audit/alert/listener (Oracle) or error (SQL Server) logs. For MySQL/MariaDB audit, add the MARIADB_AUDIT_PLUGIN option group.",
    cli: 'aws rds modify-db-instance --db-instance-identifier DB --cloudwatch-logs-export-configuration \'{"EnableLogTypes":["postgresql"]}\' --apply-immediately',
    terraform:
      'resource "aws_db_instance" "ehr" {\n  # …\n  enabled_cloudwatch_logs_exports = ["postgresql"]\n}',
  },
  evaluate(snapshot) {
    return [
      ...resourcesOf(snapshot, DB_INSTANCE).map((d) => {
        const manual = clusterManual(check, d, 'Log export');
        if (manual !== undefined) return manual;
        const engine = engineOf(d);
        // DescribeDBInstances omits EnabledCloudwatchLogsExports when nothing is exported.
        const enabled = arr(d.configuration.enabledCloudwatchLogsExports).filter(
          (x): x is string => typeof x === 'string',
        );
        const required = requiredLogs(engine);
        const missing =
          required === undefined
            ? enabled.length > 0
              ? []
              : ['any log']
            : required.filter((l) => !enabled.includes(l));
        const evidence = {
          engine,
          enabledCloudwatchLogsExports: enabled,
          required: required ?? 'any',
          missing,
        };
        return missing.length === 0
          ? result(check, d, 'pass', `Exports ${enabled.join(', ')}`, evidence)
          : result(check, d, 'fail', `Not exported to CloudWatch Logs: ${missing.join(', ')}`, evidence);
      }),
      ...unlistedInstances(check, snapshot),
    ];
  },
};
