/**
 * DynamoDB tables have point-in-time recovery (PITR) on: continuous backups that restore the
 * table to any second of the recovery period (35 days by default). AWS Config
 * `DYNAMODB_PITR_ENABLED` and Prowler `dynamodb_tables_pitr_enabled` judge the same
 * `pointInTimeRecoveryStatus`. Every table is judged, PHI or not, as they do; the evidence says
 * whether the table is tagged PHI. AWS Backup plans are a separate question
 * (dynamodb-in-backup-plan).
 */
import { listingErrors, operationGap, type PostureCheck, resourcesOf, result } from '../../../check.js';
import { record, str } from '../../../read.js';
import { phiEvidence, unreadableBy } from '../_stores/util.js';

const TYPE = 'AWS::DynamoDB::Table';

export const check: PostureCheck = {
  id: 'dynamodb-pitr-enabled',
  provider: 'aws',
  title: 'DynamoDB tables have point-in-time recovery enabled',
  severity: 'medium',
  resourceType: TYPE,
  citations: ['164.308(a)(7)(ii)(A)', '164.308(a)(7)(ii)(B)', '164.312(c)(1)'],
  risk: 'Without point-in-time recovery a bad write, a faulty migration or a malicious delete of ePHI items can only be undone from an older backup, if one exists.',
  remediation: {
    text: 'DynamoDB console → Tables → table → Backups → Point-in-time recovery → Edit → Turn on point-in-time recovery (recovery period 35 days).',
    cli: 'aws dynamodb update-continuous-backups --table-name TABLE --point-in-time-recovery-specification PointInTimeRecoveryEnabled=true',
    terraform:
      'resource "aws_dynamodb_table" "patients" {\n  # …\n  point_in_time_recovery {\n    enabled = true\n  }\n}',
  },
  evaluate(snapshot) {
    const tables = resourcesOf(snapshot, TYPE).map((t) => {
      const backups = record(t.supplementary.ContinuousBackupsDescription);
      const pitr = record(backups?.pointInTimeRecoveryDescription);
      const status = str(pitr?.pointInTimeRecoveryStatus);
      if (status === undefined)
        return unreadableBy(
          check,
          snapshot,
          t,
          'dynamodb',
          'DescribeContinuousBackups',
          'point-in-time recovery',
        );
      const tagsReadable =
        operationGap(snapshot, 'dynamodb', ['ListTagsOfResource'], t.account, t.region) === undefined;
      const evidence = {
        pointInTimeRecoveryStatus: status,
        recoveryPeriodInDays: pitr?.recoveryPeriodInDays ?? null,
        earliestRestorableDateTime: pitr?.earliestRestorableDateTime ?? null,
        phi: phiEvidence(t, tagsReadable),
      };
      return status === 'ENABLED'
        ? result(check, t, 'pass', 'Point-in-time recovery is enabled.', evidence)
        : result(check, t, 'fail', `Point-in-time recovery is ${status.toLowerCase()}.`, evidence);
    });
    return [...tables, ...listingErrors(check, snapshot, 'dynamodb', ['ListTables'], 'table/*')];
  },
};
