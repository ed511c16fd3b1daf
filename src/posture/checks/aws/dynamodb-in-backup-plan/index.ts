/**
 * DynamoDB tables are backed up by an AWS Backup plan: a selection of a plan in the table's
 * region assigns it by ARN, ARN wildcard or tags, it is not excluded, and (when assigned by `*`
 * or tags) DynamoDB is opted in to AWS Backup in the region (_stores/backup-coverage.ts).
 *
 * Anchor: AWS Config `DYNAMODB_IN_BACKUP_PLAN`, all tables. It is read from the plans'
 * selections, not from recovery points: a table assigned to a plan whose jobs fail still passes
 * here. Plan frequency and retention are judged by backup-plan-min-frequency-and-retention.
 * Point-in-time recovery does not count (dynamodb-pitr-enabled judges it).
 */
import { listingErrors, operationGap, type PostureCheck, resourcesOf } from '../../../check.js';
import { backupCoverage } from '../_stores/backup-coverage.js';
import { coverageResult, phiEvidence } from '../_stores/util.js';

const TYPE = 'AWS::DynamoDB::Table';

export const check: PostureCheck = {
  id: 'dynamodb-in-backup-plan',
  provider: 'aws',
  title: 'DynamoDB tables are protected by an AWS Backup plan',
  severity: 'medium',
  resourceType: TYPE,
  citations: ['164.308(a)(7)(ii)(A)', '164.310(d)(2)(iv)'],
  risk: 'A table no backup plan selects has no retained copies beyond its point-in-time recovery window: older ePHI lost to deletion, corruption or ransomware cannot be restored.',
  remediation: {
    text: 'AWS Backup console → Backup plans → plan → Assign resources → include the table by ARN, by resource type DynamoDB, or by a tag it carries (e.g. PHI=true). With "all resource types" or tag-only assignments, also opt DynamoDB in under Settings → Service opt-in.',
    cli: 'aws backup create-backup-selection --backup-plan-id PLAN_ID --backup-selection \'{"SelectionName":"dynamodb","IamRoleArn":"arn:aws:iam::ACCOUNT:role/service-role/AWSBackupDefaultServiceRole","Resources":["arn:aws:dynamodb:REGION:ACCOUNT:table/TABLE"]}\'',
    terraform:
      'resource "aws_backup_selection" "dynamodb" {\n  name         = "dynamodb"\n  plan_id      = aws_backup_plan.phi.id\n  iam_role_arn = aws_iam_role.backup.arn\n  resources    = [aws_dynamodb_table.patients.arn]\n}',
  },
  evaluate(snapshot) {
    const tables = resourcesOf(snapshot, TYPE).map((t) => {
      const tagsReadable =
        operationGap(snapshot, 'dynamodb', ['ListTagsOfResource'], t.account, t.region) === undefined;
      const coverage = backupCoverage(snapshot, t, { arn: t.id, tags: t.tags, tagsReadable }, 'DynamoDB');
      return coverageResult(check, t, 'table', coverage, { phi: phiEvidence(t, tagsReadable) });
    });
    return [...tables, ...listingErrors(check, snapshot, 'dynamodb', ['ListTables'], 'table/*')];
  },
};
