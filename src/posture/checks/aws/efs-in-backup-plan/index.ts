/**
 * EFS file systems are backed up: either EFS automatic backups are on (the file system's backup
 * policy is ENABLED; AWS Backup then runs its default daily plan `aws/efs/automatic-backup-plan`,
 * kept 35 days), or a selection of an AWS Backup plan assigns the file system
 * (_stores/backup-coverage.ts).
 *
 * Anchors: AWS Config `EFS_IN_BACKUP_PLAN` (plans only) and Prowler `efs_have_backup_enabled`
 * (backup policy only). We accept either, since each produces retained recovery points.
 */
import { listingErrors, operationGap, type PostureCheck, resourcesOf, result } from '../../../check.js';
import { record, str } from '../../../read.js';
import { has } from '../_shared/util.js';
import { backupCoverage } from '../_stores/backup-coverage.js';
import { coverageResult, phiEvidence } from '../_stores/util.js';

const TYPE = 'AWS::EFS::FileSystem';
const AUTOMATIC = new Set(['ENABLED', 'ENABLING']);

export const check: PostureCheck = {
  id: 'efs-in-backup-plan',
  provider: 'aws',
  title: 'EFS file systems are backed up (automatic backups or an AWS Backup plan)',
  severity: 'medium',
  resourceType: TYPE,
  citations: ['164.308(a)(7)(ii)(A)', '164.310(d)(2)(iv)'],
  risk: 'Files deleted, overwritten or encrypted by ransomware on a file system with no backups cannot be restored.',
  remediation: {
    text: 'EFS console → File systems → file system → Edit → turn on "Automatic backups"; or AWS Backup console → Backup plans → plan → Assign resources → include the file system (by ID, by resource type EFS, or by a tag it carries).',
    cli: 'aws efs put-backup-policy --file-system-id FS_ID --backup-policy Status=ENABLED',
    terraform:
      'resource "aws_efs_backup_policy" "images" {\n  file_system_id = aws_efs_file_system.images.id\n  backup_policy {\n    status = "ENABLED"\n  }\n}',
  },
  evaluate(snapshot) {
    const systems = resourcesOf(snapshot, TYPE).map((f) => {
      const policyRead = has(f, 'backupPolicy');
      const status = str(record(f.supplementary.backupPolicy)?.status) ?? null;
      const evidence = { backupPolicyStatus: policyRead ? status : 'unread', phi: phiEvidence(f) };
      if (status !== null && AUTOMATIC.has(status))
        return result(check, f, 'pass', `EFS automatic backups are ${status.toLowerCase()}.`, {
          ...evidence,
          backupPlans: [],
        });
      const coverage = backupCoverage(snapshot, f, { arn: f.id, tags: f.tags, tagsReadable: true }, 'EFS');
      if (coverage.status === 'not-covered' && !policyRead) {
        const gap = operationGap(snapshot, 'efs', ['DescribeBackupPolicy'], f.account, f.region);
        const why = gap === undefined ? 'not in the snapshot' : `could not be read (${gap})`;
        return result(
          check,
          f,
          'error',
          `No backup plan selects it and its automatic-backup policy ${why}.`,
          evidence,
        );
      }
      return coverageResult(check, f, 'file system', coverage, evidence);
    });
    return [
      ...systems,
      ...listingErrors(
        check,
        snapshot,
        'efs',
        ['DescribeFileSystems'],
        (a, r) => `arn:aws:elasticfilesystem:${r}:${a}:file-system/*`,
      ),
    ];
  },
};
