/**
 * RDS for MySQL, MariaDB and PostgreSQL instances accept IAM database authentication (AWS Config
 * RDS_INSTANCE_IAM_AUTHENTICATION_CONFIGURED; in neither HIPAA anchor pack). With it, people and
 * workloads connect with short-lived tokens tied to their IAM identity instead of shared database
 * passwords. Engines without IAM authentication (Oracle, SQL Server, Db2) give no result; cluster
 * members are `manual` (the setting is the cluster's).
 */
import { type PostureCheck, resourcesOf } from '../../../check.js';
import {
  booleanSetting,
  clusterManual,
  DB_INSTANCE,
  engineOf,
  unlistedInstances,
} from '../_hardening/rds.js';

const SUPPORTED = new Set(['mysql', 'mariadb', 'postgres']);

export const check: PostureCheck = {
  id: 'rds-iam-authentication',
  provider: 'aws',
  title: 'RDS instances accept IAM database authentication',
  severity: 'low',
  resourceType: DB_INSTANCE,
  citations: ['164.312(d)', '164.312(a)(1)'],
  risk: 'Shared, long-lived database passwords cannot be tied to a person and are rarely rotated, so access to ePHI in the database is neither individually attributable nor promptly revocable.',
  remediation: {
    text: 'RDS console → instance → Modify → Database authentication: "Password and IAM database authentication"; then create database users mapped to IAM (rds_iam role / AWSAuthenticationPlugin) and grant rds-db:connect.',
    cli: 'aws rds modify-db-instance --db-instance-identifier DB --enable-iam-database-authentication --apply-immediately',
    terraform: 'resource "aws_db_instance" "ehr" {\n  # …\n  iam_database_authentication_enabled = true\n}',
  },
  evaluate(snapshot) {
    return [
      ...resourcesOf(snapshot, DB_INSTANCE).flatMap((d) => {
        const engine = engineOf(d);
        const cluster = clusterManual(check, d, 'IAM database authentication');
        if (cluster !== undefined)
          return engine.startsWith('aurora') || SUPPORTED.has(engine) ? [cluster] : [];
        if (!SUPPORTED.has(engine)) return [];
        return [
          booleanSetting(check, snapshot, d, 'iAMDatabaseAuthenticationEnabled', {
            pass: 'IAM database authentication is enabled',
            fail: 'Only database passwords are accepted',
          }),
        ];
      }),
      ...unlistedInstances(check, snapshot),
    ];
  },
};
