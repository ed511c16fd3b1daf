/**
 * RDS instances have automated backups, taken often enough. 164.308(a)(7)(ii)(A) (data backup
 * plan, required) asks for retrievable exact copies of ePHI; it names no interval, so the interval
 * is the organisation's parameter (`backupMaxIntervalDays`, founding documents: 30 days).
 * Automated RDS backups run daily when `backupRetentionPeriod` ≥ 1 and not at all at 0, so the
 * interval read here is 1 day or none. Backups by AWS Backup are not visible in this snapshot:
 * an instance with retention 0 protected only by AWS Backup fails here — check the plan and mute.
 */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { unreadable } from '../_shared/util.js';

/** Days between automated backups: RDS takes one a day while retention is at least one day. */
const AUTOMATED_INTERVAL_DAYS = 1;

export const check: PostureCheck = {
  id: 'rds-backup-retention',
  provider: 'aws',
  title: 'RDS instances have automated backups within the backup interval',
  severity: 'high',
  resourceType: 'AWS::RDS::DBInstance',
  citations: ['164.308(a)(7)(ii)(A)', '164.310(d)(2)(iv)', '164.308(a)(7)(ii)(B)'],
  risk: 'With backup retention 0 there are no automated backups or point-in-time recovery: deletion, corruption or ransomware loses ePHI for good.',
  remediation: {
    text: 'RDS console → instance → Modify → Backup → retention period of at least 7 days (35 for PHI per the AWS Config default) → apply.',
    cli: 'aws rds modify-db-instance --db-instance-identifier DB --backup-retention-period 35 --apply-immediately',
    terraform:
      'resource "aws_db_instance" "ehr" {\n  # …\n  backup_retention_period = 35\n  backup_window           = "03:00-04:00"\n}',
  },
  params: ['backupMaxIntervalDays'],
  evaluate(snapshot, params) {
    return resourcesOf(snapshot, 'AWS::RDS::DBInstance').map((d) => {
      // DescribeDBInstances always answers it: absent means the item was not read in full.
      if (typeof d.configuration.backupRetentionPeriod !== 'number')
        return unreadable(check, snapshot, d, 'rds', 'backupRetentionPeriod');
      const retention = d.configuration.backupRetentionPeriod;
      const days = typeof retention === 'number' ? retention : 0;
      const interval = days >= 1 ? AUTOMATED_INTERVAL_DAYS : null;
      const evidence = {
        backupRetentionPeriod: retention ?? null,
        backupIntervalDays: interval,
        backupMaxIntervalDays: params.backupMaxIntervalDays,
      };
      if (interval === null)
        return result(check, d, 'fail', 'Automated backups are disabled (retention 0)', evidence);
      if (interval > params.backupMaxIntervalDays)
        return result(
          check,
          d,
          'fail',
          `Backups every ${interval} days exceed ${params.backupMaxIntervalDays}`,
          evidence,
        );
      return result(check, d, 'pass', `Daily automated backups kept ${days} days`, evidence);
    });
  },
};
