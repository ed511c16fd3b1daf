/**
 * RDS DB instances are backed up by an AWS Backup plan: a selection of a plan in the instance's
 * region assigns its ARN (by ARN, wildcard or tags), and, when assigned by `*` or tags, RDS is
 * opted in to AWS Backup in the region (_stores/backup-coverage.ts).
 *
 * Anchor: AWS Config `RDS_IN_BACKUP_PLAN`, read from the plans' selections rather than from
 * recovery points. Instances that belong to a cluster (Aurora, Neptune, DocumentDB members) are
 * skipped: they are backed up as the cluster, which aurora-resources-protected-by-backup-plan
 * judges. Automated RDS backups are rds-backup-retention's question.
 */
import { listingErrors, type PostureCheck, resourcesOf } from '../../../check.js';
import { str } from '../../../read.js';
import { backupCoverage } from '../_stores/backup-coverage.js';
import { coverageResult, phiEvidence } from '../_stores/util.js';

const TYPE = 'AWS::RDS::DBInstance';

export const check: PostureCheck = {
  id: 'rds-in-backup-plan',
  provider: 'aws',
  title: 'RDS DB instances are protected by an AWS Backup plan',
  severity: 'medium',
  resourceType: TYPE,
  citations: ['164.308(a)(7)(ii)(A)', '164.310(d)(2)(iv)'],
  risk: 'An instance outside every backup plan keeps at most 35 days of automated backups, deleted with the instance: older ePHI cannot be restored.',
  remediation: {
    text: 'AWS Backup console → Backup plans → plan → Assign resources → include the DB instance (by ARN, resource type RDS, or a tag it carries); with "all resource types" or tag-only assignments, also opt RDS in under Settings → Service opt-in.',
    cli: 'aws backup create-backup-selection --backup-plan-id PLAN_ID --backup-selection \'{"SelectionName":"rds","IamRoleArn":"arn:aws:iam::ACCOUNT:role/service-role/AWSBackupDefaultServiceRole","Resources":["arn:aws:rds:REGION:ACCOUNT:db:DB"]}\'',
    terraform:
      'resource "aws_backup_selection" "rds" {\n  name         = "rds"\n  plan_id      = aws_backup_plan.phi.id\n  iam_role_arn = aws_iam_role.backup.arn\n  resources    = [aws_db_instance.ehr.arn]\n}',
  },
  evaluate(snapshot) {
    const instances = resourcesOf(snapshot, TYPE).flatMap((d) => {
      if (str(d.configuration.dBClusterIdentifier) !== undefined) return [];
      const coverage = backupCoverage(snapshot, d, { arn: d.id, tags: d.tags, tagsReadable: true }, 'RDS');
      return [
        coverageResult(check, d, 'DB instance', coverage, {
          engine: d.configuration.engine ?? null,
          phi: phiEvidence(d),
        }),
      ];
    });
    return [...instances, ...listingErrors(check, snapshot, 'rds', ['DescribeDBInstances'], 'db:*')];
  },
};
