/**
 * The AWS data-store and backup posture checks: DynamoDB, EFS, AWS Backup, RDS snapshots and
 * clusters, EBS snapshots, and whether EC2, EBS, RDS and Aurora resources are in a backup plan.
 * Each lives in checks/aws/<id>/; shared helpers (backup selections and coverage, schedule
 * intervals, a plan's PHI scope) are in _stores/, which the registry contract skips.
 */
import type { PostureCheck } from '../../check.js';
import { check as auroraResourcesProtectedByBackupPlan } from './aurora-resources-protected-by-backup-plan/index.js';
import { check as backupPlanMinFrequencyAndRetention } from './backup-plan-min-frequency-and-retention/index.js';
import { check as backupRecoveryPointEncrypted } from './backup-recovery-point-encrypted/index.js';
import { check as backupRecoveryPointManualDeletionDisabled } from './backup-recovery-point-manual-deletion-disabled/index.js';
import { check as dynamodbInBackupPlan } from './dynamodb-in-backup-plan/index.js';
import { check as dynamodbKmsCmkPhi } from './dynamodb-kms-cmk-phi/index.js';
import { check as dynamodbPitrEnabled } from './dynamodb-pitr-enabled/index.js';
import { check as ebsInBackupPlan } from './ebs-in-backup-plan/index.js';
import { check as ebsSnapshotPublic } from './ebs-snapshot-public/index.js';
import { check as ec2ResourcesProtectedByBackupPlan } from './ec2-resources-protected-by-backup-plan/index.js';
import { check as efsEncrypted } from './efs-encrypted/index.js';
import { check as efsInBackupPlan } from './efs-in-backup-plan/index.js';
import { check as rdsClusterDeletionProtection } from './rds-cluster-deletion-protection/index.js';
import { check as rdsClusterMultiAz } from './rds-cluster-multi-az/index.js';
import { check as rdsInBackupPlan } from './rds-in-backup-plan/index.js';
import { check as rdsSnapshotEncrypted } from './rds-snapshot-encrypted/index.js';
import { check as rdsSnapshotPublic } from './rds-snapshot-public/index.js';

/** Every AWS data-store and backup check, in a stable order. */
export const AWS_STORES_CHECKS: readonly PostureCheck[] = [
  auroraResourcesProtectedByBackupPlan,
  backupPlanMinFrequencyAndRetention,
  backupRecoveryPointEncrypted,
  backupRecoveryPointManualDeletionDisabled,
  dynamodbInBackupPlan,
  dynamodbKmsCmkPhi,
  dynamodbPitrEnabled,
  ebsInBackupPlan,
  ebsSnapshotPublic,
  ec2ResourcesProtectedByBackupPlan,
  efsEncrypted,
  efsInBackupPlan,
  rdsClusterDeletionProtection,
  rdsClusterMultiAz,
  rdsInBackupPlan,
  rdsSnapshotEncrypted,
  rdsSnapshotPublic,
];
