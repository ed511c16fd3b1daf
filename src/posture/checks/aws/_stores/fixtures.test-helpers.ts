/** Inline snapshot items of the data-store and backup check specs (account 111122223333, us-east-1). */
import type { CloudResource } from '../../../../core/cloud.js';
import { ACCOUNT, res } from '../_shared/snapshots.test-helpers.js';

export { ACCOUNT, gap, P, res, snap } from '../_shared/snapshots.test-helpers.js';

const R = 'us-east-1';
export const tableArn = (name: string) => `arn:aws:dynamodb:${R}:${ACCOUNT}:table/${name}`;
export const fsArn = (id: string) => `arn:aws:elasticfilesystem:${R}:${ACCOUNT}:file-system/${id}`;
export const CMK = `arn:aws:kms:${R}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
export const AWS_KEY = `arn:aws:kms:${R}:${ACCOUNT}:key/0987dcba-09fe-87dc-65ba-ab0987654321`;

type Parts = Partial<Pick<CloudResource, 'tags' | 'configuration' | 'supplementary' | 'region'>>;

/** A DynamoDB table as the collector writes it (ACTIVE, PITR on, AWS owned key unless told). */
export function table(name: string, parts: Parts & { pitr?: 'ENABLED' | 'DISABLED' | null } = {}) {
  const pitr = parts.pitr === undefined ? 'ENABLED' : parts.pitr;
  return res('AWS::DynamoDB::Table', tableArn(name), {
    name,
    tags: parts.tags ?? {},
    configuration: {
      tableName: name,
      tableArn: tableArn(name),
      tableStatus: 'ACTIVE',
      ...parts.configuration,
    },
    supplementary:
      parts.supplementary ??
      (pitr === null
        ? {}
        : {
            ContinuousBackupsDescription: {
              continuousBackupsStatus: 'ENABLED',
              pointInTimeRecoveryDescription: { pointInTimeRecoveryStatus: pitr },
            },
          }),
  });
}

/** A KMS key item. */
export function kmsKey(arn: string, keyManager: 'CUSTOMER' | 'AWS') {
  return res('AWS::KMS::Key', arn, { configuration: { arn, keyManager, keySpec: 'SYMMETRIC_DEFAULT' } });
}

/** An EFS file system (encrypted unless told). */
export function fileSystem(id: string, parts: Parts = {}) {
  return res('AWS::EFS::FileSystem', fsArn(id), {
    name: id,
    tags: parts.tags ?? {},
    configuration: {
      fileSystemId: id,
      encrypted: true,
      kmsKeyId: CMK,
      lifeCycleState: 'available',
      ...parts.configuration,
    },
    supplementary: parts.supplementary ?? { backupPolicy: null },
  });
}

/** AWS Backup's opt-in settings of the region. */
export function settings(optIn: Record<string, boolean>, region = R) {
  return res('AWS::Backup::RegionSettings', `arn:aws:backup:${region}:${ACCOUNT}:region-settings`, {
    region,
    configuration: { resourceTypeOptInPreference: optIn, resourceTypeManagementPreference: {} },
  });
}

export const ALL_OPTED_IN = { Aurora: true, DynamoDB: true, EBS: true, EC2: true, EFS: true, RDS: true };

/** A backup rule. */
export function rule(
  schedule: string | undefined,
  deleteAfterDays?: number,
  extra: Record<string, unknown> = {},
) {
  return {
    ruleName: `rule-${schedule ?? 'none'}`,
    targetBackupVaultName: 'Default',
    ...(schedule !== undefined && { scheduleExpression: schedule }),
    ...(deleteAfterDays !== undefined && { lifecycle: { deleteAfterDays } }),
    ...extra,
  };
}

/** A backup plan with rules and selections (`selections` undefined: ListBackupSelections denied). */
export function plan(
  name: string,
  rules: Record<string, unknown>[] | undefined,
  selections: (Record<string, unknown> | undefined)[] | undefined,
  parts: Parts = {},
) {
  const id = `plan-${name}`;
  return res('AWS::Backup::BackupPlan', `arn:aws:backup:${parts.region ?? R}:${ACCOUNT}:backup-plan:${id}`, {
    name,
    region: parts.region ?? R,
    tags: parts.tags ?? {},
    configuration:
      rules === undefined
        ? { backupPlanId: id, backupPlanName: name }
        : { backupPlanId: id, backupPlan: { backupPlanName: name, rules } },
    supplementary:
      selections === undefined
        ? {}
        : {
            backupSelections: selections.map((s, i) => ({
              selectionId: `sel-${i}`,
              selectionName: `selection-${i}`,
              ...(s !== undefined && { backupSelection: { selectionName: `selection-${i}`, ...s } }),
            })),
          },
  });
}

/** A selection by `aws:ResourceTag/<key> = value` over everything. */
export const byTag = (key: string, value: string) => ({
  resources: ['*'],
  conditions: { stringEquals: [{ conditionKey: `aws:ResourceTag/${key}`, conditionValue: value }] },
});

/** A backup vault. */
export function vault(
  name: string,
  config: Record<string, unknown> = {},
  supplementary: Record<string, unknown> = {},
) {
  return res('AWS::Backup::BackupVault', `arn:aws:backup:${R}:${ACCOUNT}:backup-vault:${name}`, {
    name,
    configuration: { backupVaultName: name, numberOfRecoveryPoints: 1, locked: false, ...config },
    supplementary: {
      accessPolicy: null,
      recoveryPointsListed: 1,
      recoveryPointsTruncated: false,
      ...supplementary,
    },
  });
}

/** A recovery point in `vaultName`. */
export function recoveryPoint(id: string, vaultName: string, config: Record<string, unknown> = {}) {
  return res('AWS::Backup::RecoveryPoint', `arn:aws:backup:${R}:${ACCOUNT}:recovery-point:${id}`, {
    configuration: {
      backupVaultName: vaultName,
      resourceType: 'DynamoDB',
      resourceArn: tableArn('t'),
      status: 'COMPLETED',
      isEncrypted: true,
      ...config,
    },
  });
}

/** An RDS DB cluster (Aurora PostgreSQL unless told). */
export function cluster(
  name: string,
  config: Record<string, unknown> = {},
  tags: Record<string, string> = {},
) {
  return res('AWS::RDS::DBCluster', `arn:aws:rds:${R}:${ACCOUNT}:cluster:${name}`, {
    name,
    tags,
    configuration: {
      dBClusterIdentifier: name,
      engine: 'aurora-postgresql',
      engineMode: 'provisioned',
      deletionProtection: true,
      multiAZ: true,
      ...config,
    },
  });
}

/** A manual RDS DB snapshot with its restore attribute (`restore` undefined: attributes unread). */
export function dbSnapshot(name: string, encrypted: unknown, restore?: string[]) {
  return res('AWS::RDS::DBSnapshot', `arn:aws:rds:${R}:${ACCOUNT}:snapshot:${name}`, {
    name,
    configuration: { dBSnapshotIdentifier: name, snapshotType: 'manual', encrypted },
    supplementary:
      restore === undefined
        ? {}
        : { DBSnapshotAttributes: [{ attributeName: 'restore', attributeValues: restore }] },
  });
}

/** A manual RDS cluster snapshot. */
export function clusterSnapshot(name: string, storageEncrypted: unknown, restore?: string[]) {
  return res('AWS::RDS::DBClusterSnapshot', `arn:aws:rds:${R}:${ACCOUNT}:cluster-snapshot:${name}`, {
    name,
    configuration: { dBClusterSnapshotIdentifier: name, snapshotType: 'manual', storageEncrypted },
    supplementary:
      restore === undefined
        ? {}
        : { DBClusterSnapshotAttributes: [{ attributeName: 'restore', attributeValues: restore }] },
  });
}

/** An EBS snapshot (`permissions` undefined: DescribeSnapshotAttribute unread). */
export function ebsSnapshot(id: string, permissions?: Record<string, string>[]) {
  return res('AWS::EC2::Snapshot', `arn:aws:ec2:${R}:${ACCOUNT}:snapshot/${id}`, {
    name: id,
    configuration: { snapshotId: id, encrypted: true },
    supplementary: permissions === undefined ? {} : { createVolumePermissions: permissions },
  });
}

/** An EC2 instance. */
export function instance(id: string, tags: Record<string, string> = {}, state = 'running') {
  return res('AWS::EC2::Instance', `arn:aws:ec2:${R}:${ACCOUNT}:instance/${id}`, {
    name: id,
    tags,
    configuration: { instanceId: id, state: { name: state } },
  });
}

/** An EBS volume attached to `instanceId` (none when undefined). */
export function volume(id: string, instanceId?: string, tags: Record<string, string> = {}) {
  return res('AWS::EC2::Volume', `arn:aws:ec2:${R}:${ACCOUNT}:volume/${id}`, {
    name: id,
    tags,
    configuration: {
      volumeId: id,
      attachments: instanceId === undefined ? [] : [{ instanceId, device: '/dev/xvda', state: 'attached' }],
    },
  });
}
