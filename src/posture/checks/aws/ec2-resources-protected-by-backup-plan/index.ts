/**
 * EC2 instances are backed up by an AWS Backup plan (an AMI of the instance with all its EBS
 * volumes): a selection of a plan in the instance's region assigns its ARN (by ARN, wildcard or
 * tags), and, when assigned by `*` or tags, EC2 is opted in to AWS Backup in the region
 * (_stores/backup-coverage.ts).
 *
 * Anchor: AWS Config `EC2_RESOURCES_PROTECTED_BY_BACKUP_PLAN`, read from the plans' selections
 * rather than from recovery points. Terminated and shutting-down instances are skipped.
 */
import { listingErrors, type PostureCheck, resourcesOf } from '../../../check.js';
import { record, str } from '../../../read.js';
import { backupCoverage } from '../_stores/backup-coverage.js';
import { coverageResult, phiEvidence } from '../_stores/util.js';

const TYPE = 'AWS::EC2::Instance';
const GONE = new Set(['terminated', 'shutting-down']);

export const check: PostureCheck = {
  id: 'ec2-resources-protected-by-backup-plan',
  provider: 'aws',
  title: 'EC2 instances are protected by an AWS Backup plan',
  severity: 'medium',
  resourceType: TYPE,
  citations: ['164.308(a)(7)(ii)(A)', '164.310(d)(2)(iv)'],
  risk: 'An instance no backup plan selects cannot be rebuilt with its data after a failure, a deletion or ransomware: whatever ePHI its volumes hold is lost.',
  remediation: {
    text: 'AWS Backup console → Backup plans → plan → Assign resources → include the instance (by ID, resource type EC2, or a tag it carries); with "all resource types" or tag-only assignments, also opt EC2 in under Settings → Service opt-in.',
    cli: 'aws backup create-backup-selection --backup-plan-id PLAN_ID --backup-selection \'{"SelectionName":"ec2","IamRoleArn":"arn:aws:iam::ACCOUNT:role/service-role/AWSBackupDefaultServiceRole","Resources":["arn:aws:ec2:REGION:ACCOUNT:instance/INSTANCE_ID"]}\'',
    terraform:
      'resource "aws_backup_selection" "ec2" {\n  name         = "ec2"\n  plan_id      = aws_backup_plan.phi.id\n  iam_role_arn = aws_iam_role.backup.arn\n  resources    = [aws_instance.ehr_api.arn]\n}',
  },
  evaluate(snapshot) {
    const instances = resourcesOf(snapshot, TYPE).flatMap((i) => {
      const state = str(record(i.configuration.state)?.name);
      if (state !== undefined && GONE.has(state)) return [];
      const coverage = backupCoverage(snapshot, i, { arn: i.id, tags: i.tags, tagsReadable: true }, 'EC2');
      return [coverageResult(check, i, 'instance', coverage, { state: state ?? null, phi: phiEvidence(i) })];
    });
    return [...instances, ...listingErrors(check, snapshot, 'ec2', ['DescribeInstances'], 'instance/*')];
  },
};
