/**
 * Aurora clusters are backed up by an AWS Backup plan: a selection of a plan in the cluster's
 * region assigns the cluster ARN (by ARN, wildcard or tags), and Aurora is opted in to AWS Backup
 * in the region. Aurora always needs the opt-in, even when a selection names the resource type
 * ("Assigning resources to a backup plan", AWS Backup Developer Guide).
 *
 * Anchor: AWS Config `AURORA_RESOURCES_PROTECTED_BY_BACKUP_PLAN`, read from the plans'
 * selections rather than from recovery points. Aurora's own automated backups (retention 1–35
 * days) are not counted: the rule asks for a plan.
 */
import { listingErrors, type PostureCheck, resourcesOf } from '../../../check.js';
import { str } from '../../../read.js';
import { backupCoverage } from '../_stores/backup-coverage.js';
import { coverageResult, phiEvidence } from '../_stores/util.js';

const TYPE = 'AWS::RDS::DBCluster';

export const check: PostureCheck = {
  id: 'aurora-resources-protected-by-backup-plan',
  provider: 'aws',
  title: 'Aurora clusters are protected by an AWS Backup plan',
  severity: 'medium',
  resourceType: TYPE,
  citations: ['164.308(a)(7)(ii)(A)', '164.310(d)(2)(iv)'],
  risk: 'An Aurora cluster outside every backup plan keeps at most 35 days of automated backups, deleted with the cluster: older ePHI cannot be restored.',
  remediation: {
    text: 'AWS Backup console → Settings → Service opt-in → enable Aurora; then Backup plans → plan → Assign resources → include the cluster (by ARN, resource type Aurora, or a tag it carries).',
    cli: 'aws backup update-region-settings --resource-type-opt-in-preference Aurora=true\naws backup create-backup-selection --backup-plan-id PLAN_ID --backup-selection \'{"SelectionName":"aurora","IamRoleArn":"arn:aws:iam::ACCOUNT:role/service-role/AWSBackupDefaultServiceRole","Resources":["arn:aws:rds:REGION:ACCOUNT:cluster:CLUSTER"]}\'',
    terraform:
      'resource "aws_backup_region_settings" "this" {\n  resource_type_opt_in_preference = { "Aurora" = true, "RDS" = true, "DynamoDB" = true, "EFS" = true, "EBS" = true, "EC2" = true }\n}\nresource "aws_backup_selection" "aurora" {\n  name         = "aurora"\n  plan_id      = aws_backup_plan.phi.id\n  iam_role_arn = aws_iam_role.backup.arn\n  resources    = [aws_rds_cluster.ehr.arn]\n}',
  },
  evaluate(snapshot) {
    const clusters = resourcesOf(snapshot, TYPE).flatMap((c) => {
      if (!str(c.configuration.engine)?.startsWith('aurora')) return [];
      const coverage = backupCoverage(
        snapshot,
        c,
        { arn: c.id, tags: c.tags, tagsReadable: true },
        'Aurora',
        true,
      );
      return [
        coverageResult(check, c, 'cluster', coverage, {
          engine: c.configuration.engine,
          phi: phiEvidence(c),
        }),
      ];
    });
    return [...clusters, ...listingErrors(check, snapshot, 'rds', ['DescribeDBClusters'], 'cluster:*')];
  },
};
