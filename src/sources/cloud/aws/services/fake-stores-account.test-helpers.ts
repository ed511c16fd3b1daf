/**
 * The fixture account of the data-store and backup collectors' wire-level tests (account
 * 111122223333, us-east-1). It answers in AWS's wire formats after the API reference examples:
 * DynamoDB JSON 1.0, EFS and AWS Backup REST-JSON, RDS and EC2 query XML. Everything else is
 * answered by the other fixtures: DB instances and KMS keys by fake-data-account, EC2 instances and
 * volumes by fake-account-ec2. A collection of this account with the ec2, rds, kms, dynamodb,
 * efs, backup, rds-snapshots and ebs-snapshots collectors therefore sees one consistent estate.
 *
 * AWS Backup in us-east-1: every resource type is opted in except DocumentDB and Neptune.
 * - Plan `phi-daily`: `cron(0 5 ? * * *)`, kept 2557 days (copied to a DR vault for as long) in
 *   `phi-vault`. Its selection `phi-tagged` takes `*` with the condition
 *   `aws:ResourceTag/PHI = true`.
 * - Plan `audit-weekly`: `cron(0 3 ? * SUN *)`, kept 35 days. Its selection takes
 *   `arn:aws:dynamodb:*:*:table/pw-audit-*`.
 * - Plan `legacy-bimonthly`: on the 1st of every second month, kept 14 days. Its selection is the legacy
 *   `ListOfTags` backup=legacy, which nothing carries.
 * - Vault `phi-vault`: KMS key alias/phi-data. Its access policy denies everyone
 *   DeleteRecoveryPoint, UpdateRecoveryPointLifecycle and PutBackupVaultAccessPolicy. It holds
 *   the encrypted recovery points of pw-patients and ehr-images.
 * - Vault `Default`: no access policy. It holds the encrypted recovery point of pw-audit-2025 and
 *   an unencrypted one of vol-0a1b2c3d4e5f60052 (on demand).
 *
 * Seeded misconfigurations, one `fail` for each check, with DEFAULT_PARAMS:
 * 1. dynamodb-pitr-enabled: table `pw-sessions` has point-in-time recovery disabled.
 * 2. dynamodb-kms-cmk-phi: table `pw-claims` (PHI=true) is encrypted with the AWS owned key.
 * 3. dynamodb-in-backup-plan: table `pw-sessions` is in no backup plan.
 * 4. efs-encrypted: file system `scratch` (fs-0a1b2c3d4e5f60103) is unencrypted.
 * 5. efs-in-backup-plan: `scratch` has no backup policy (PolicyNotFound) and no selection.
 * 6. backup-plan-min-frequency-and-retention: plan `legacy-bimonthly` backs up every two months
 *    (up to 62 days apart) and keeps 14 days.
 * 7. backup-recovery-point-encrypted: the recovery point of vol-0a1b2c3d4e5f60052 in `Default`.
 * 8. backup-recovery-point-manual-deletion-disabled: vault `Default` (no access policy).
 * 9. rds-snapshot-public: manual snapshot `ehr-db-before-upgrade` restorable by `all`.
 * 10. rds-snapshot-encrypted: `ehr-db-before-upgrade` is unencrypted.
 * 11. rds-cluster-deletion-protection: cluster `analytics-aurora`.
 * 12. rds-cluster-multi-az: cluster `analytics-aurora`.
 * 13. aurora-resources-protected-by-backup-plan: cluster `analytics-aurora` is in no plan.
 * 14. rds-in-backup-plan: DB instance `reports-db` (fake-data-account) is in no plan.
 * 15. ec2-resources-protected-by-backup-plan: instance worker-1 (i-0a1b2c3d4e5f60002).
 * 16. ebs-in-backup-plan: volume vol-0a1b2c3d4e5f60052 (attached to worker-1, no plan).
 * 17. ebs-snapshot-public: snapshot snap-0a1b2c3d4e5f60202 has createVolumePermission group all.
 *
 * Compliant on purpose: tables pw-patients (PHI, customer-managed key alias/phi-data, PITR,
 * selected by tag), pw-claims (PITR, selected by tag) and pw-audit-2025 (PITR, selected by ARN
 * wildcard); file systems ehr-images (PHI, selected by tag, its own backup policy DISABLED) and
 * home-dirs (backup policy ENABLED); plans phi-daily (PHI, daily, 2557 days) and audit-weekly;
 * vault phi-vault; snapshot reports-db-2024-12 (encrypted, shared with one account only);
 * cluster snapshot ehr-aurora-pre-migration; cluster ehr-aurora (PHI, selected by tag, Aurora
 * opted in); DB instance ehr-db and instance ehr-api-1 (PHI, selected by tag); volume
 * vol-0a1b2c3d4e5f60051 (its instance ehr-api-1 is backed up); snapshot snap-0a1b2c3d4e5f60201
 * (shared with one account). The Neptune cluster graph-neptune is not an RDS cluster and is
 * left out.
 */
import { queryAnswer } from '../fake-account-ec2.test-helpers.js';
import {
  type AwsCall,
  type AwsHandler,
  type AwsReply,
  ec2Error,
  jsonError,
} from '../fake-aws.test-helpers.js';
import { ACCOUNT, dataAccount, KEY_PHI, queryXml } from './fake-data-account.test-helpers.js';

export { ACCOUNT, fakeContext, KEY_PHI } from './fake-data-account.test-helpers.js';

const R = 'us-east-1';
export const KEY_PHI_ARN = `arn:aws:kms:${R}:${ACCOUNT}:key/${KEY_PHI}`;
const json = (body: unknown): AwsReply => ({ body: JSON.stringify(body) });

/** A REST-JSON error: the SDK reads the type from `x-amzn-errortype`. */
function restError(type: string, message: string, status: number): AwsReply {
  return { status, headers: { 'x-amzn-errortype': type }, body: JSON.stringify({ Message: message }) };
}

// ------------------------------------------------ DynamoDB (DynamoDB API Reference, JSON 1.0)
export const tableArn = (name: string) => `arn:aws:dynamodb:${R}:${ACCOUNT}:table/${name}`;
export const TABLES = ['pw-audit-2025', 'pw-claims', 'pw-patients', 'pw-sessions'] as const;

const TABLE_FACTS: Record<
  string,
  { sse?: Record<string, unknown>; pitr: boolean; tags: Record<string, string> }
> = {
  'pw-audit-2025': { pitr: true, tags: { Owner: 'security' } },
  'pw-claims': { pitr: true, tags: { PHI: 'true', Owner: 'billing' } },
  'pw-patients': {
    sse: { Status: 'ENABLED', SSEType: 'KMS', KMSMasterKeyArn: KEY_PHI_ARN },
    pitr: true,
    tags: { PHI: 'true', Owner: 'ehr', DataClassification: 'ePHI' },
  },
  'pw-sessions': { pitr: false, tags: {} },
};

function dynamodb(call: AwsCall): AwsReply {
  const name = String(call.params.TableName ?? '');
  switch (call.action) {
    case 'ListTables':
      // Two pages: LastEvaluatedTableName → ExclusiveStartTableName.
      return call.params.ExclusiveStartTableName === undefined
        ? json({ TableNames: TABLES.slice(0, 2), LastEvaluatedTableName: TABLES[1] })
        : json({ TableNames: TABLES.slice(2) });
    case 'DescribeTable': {
      const facts = TABLE_FACTS[name];
      if (!facts)
        return jsonError('ResourceNotFoundException', `Requested resource not found: Table: ${name}`);
      return json({
        Table: {
          AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
          TableName: name,
          KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
          TableStatus: 'ACTIVE',
          CreationDateTime: 1.704067200123e9,
          ProvisionedThroughput: { NumberOfDecreasesToday: 0, ReadCapacityUnits: 0, WriteCapacityUnits: 0 },
          TableSizeBytes: 2048,
          ItemCount: 12,
          TableArn: tableArn(name),
          TableId: `a1b2c3d4-5678-90ab-cdef-${name.length.toString().padStart(12, '0')}`,
          BillingModeSummary: {
            BillingMode: 'PAY_PER_REQUEST',
            LastUpdateToPayPerRequestDateTime: 1.7040672e9,
          },
          ...(facts.sse && { SSEDescription: facts.sse }),
          DeletionProtectionEnabled: name === 'pw-patients',
          TableClassSummary: { TableClass: 'STANDARD' },
        },
      });
    }
    case 'DescribeContinuousBackups': {
      const pitr = TABLE_FACTS[name]?.pitr;
      return json({
        ContinuousBackupsDescription: {
          ContinuousBackupsStatus: 'ENABLED',
          PointInTimeRecoveryDescription: pitr
            ? {
                PointInTimeRecoveryStatus: 'ENABLED',
                RecoveryPeriodInDays: 35,
                EarliestRestorableDateTime: 1.7331e9,
                LatestRestorableDateTime: 1.7362e9,
              }
            : { PointInTimeRecoveryStatus: 'DISABLED' },
        },
      });
    }
    case 'ListTagsOfResource': {
      const table = String(call.params.ResourceArn).split('/').pop() ?? '';
      const tags = Object.entries(TABLE_FACTS[table]?.tags ?? {}).map(([Key, Value]) => ({ Key, Value }));
      // pw-patients' three tags come over two pages (NextToken).
      if (table === 'pw-patients' && call.params.NextToken === undefined)
        return json({ Tags: tags.slice(0, 2), NextToken: 'tags-page-2' });
      if (table === 'pw-patients') return json({ Tags: tags.slice(2) });
      return json({ Tags: tags });
    }
    default:
      return jsonError('UnknownOperationException', `fake has no ${call.action}`);
  }
}

// ------------------------------------------------------ EFS (EFS API Reference, REST-JSON)
export const FS = {
  ehrImages: 'fs-0a1b2c3d4e5f60101',
  homeDirs: 'fs-0a1b2c3d4e5f60102',
  scratch: 'fs-0a1b2c3d4e5f60103',
} as const;
export const fsArn = (id: string) => `arn:aws:elasticfilesystem:${R}:${ACCOUNT}:file-system/${id}`;

const fileSystem = (id: string, name: string, encrypted: boolean, tags: Record<string, string>) => ({
  OwnerId: ACCOUNT,
  CreationToken: `${name}-token`,
  FileSystemId: id,
  FileSystemArn: fsArn(id),
  CreationTime: 1700000000,
  LifeCycleState: 'available',
  Name: name,
  NumberOfMountTargets: 2,
  SizeInBytes: { Value: 6144, Timestamp: 1736240000, ValueInIA: 0, ValueInStandard: 6144 },
  PerformanceMode: 'generalPurpose',
  Encrypted: encrypted,
  ...(encrypted && { KmsKeyId: KEY_PHI_ARN }),
  ThroughputMode: 'bursting',
  Tags: Object.entries({ Name: name, ...tags }).map(([Key, Value]) => ({ Key, Value })),
  FileSystemProtection: { ReplicationOverwriteProtection: 'ENABLED' },
});

function efs(call: AwsCall): AwsReply {
  if (call.action === 'GET /2015-02-01/file-systems') {
    // Two pages: NextMarker → Marker.
    return call.params.Marker === undefined
      ? json({
          FileSystems: [fileSystem(FS.ehrImages, 'ehr-images', true, { PHI: 'true' })],
          NextMarker: 'fs-page-2',
        })
      : json({
          Marker: 'fs-page-2',
          FileSystems: [
            fileSystem(FS.homeDirs, 'home-dirs', true, {}),
            fileSystem(FS.scratch, 'scratch', false, { Environment: 'dev' }),
          ],
        });
  }
  const policy = /^GET \/2015-02-01\/file-systems\/([^/]+)\/backup-policy$/.exec(call.action);
  if (policy) {
    if (policy[1] === FS.scratch)
      return restError('PolicyNotFound', 'No backup policy is set for this file system.', 404);
    return json({ BackupPolicy: { Status: policy[1] === FS.homeDirs ? 'ENABLED' : 'DISABLED' } });
  }
  return restError('BadRequest', `fake has no ${call.action}`, 400);
}

// ----------------------------------------------- AWS Backup (Backup API Reference, REST-JSON)
export const planArn = (id: string) => `arn:aws:backup:${R}:${ACCOUNT}:backup-plan:${id}`;
export const vaultArn = (name: string) => `arn:aws:backup:${R}:${ACCOUNT}:backup-vault:${name}`;
export const PLAN = {
  phiDaily: '8c3f6b27-0f4a-4b9e-9d4c-1a2b3c4d5e01',
  auditWeekly: '8c3f6b27-0f4a-4b9e-9d4c-1a2b3c4d5e02',
  legacy: '8c3f6b27-0f4a-4b9e-9d4c-1a2b3c4d5e03',
} as const;
const ROLE = `arn:aws:iam::${ACCOUNT}:role/service-role/AWSBackupDefaultServiceRole`;

const PLANS: Record<
  string,
  { name: string; rules: Record<string, unknown>[]; selection: Record<string, unknown> }
> = {
  [PLAN.phiDaily]: {
    name: 'phi-daily',
    rules: [
      {
        RuleName: 'daily',
        TargetBackupVaultName: 'phi-vault',
        ScheduleExpression: 'cron(0 5 ? * * *)',
        ScheduleExpressionTimezone: 'Etc/UTC',
        StartWindowMinutes: 60,
        CompletionWindowMinutes: 180,
        Lifecycle: { MoveToColdStorageAfterDays: 90, DeleteAfterDays: 2557 },
        RuleId: 'a1b2c3d4-0001-4000-8000-000000000001',
        CopyActions: [
          {
            DestinationBackupVaultArn: `arn:aws:backup:us-west-2:${ACCOUNT}:backup-vault:phi-dr`,
            Lifecycle: { DeleteAfterDays: 2557 },
          },
        ],
        EnableContinuousBackup: false,
      },
    ],
    selection: {
      SelectionName: 'phi-tagged',
      IamRoleArn: ROLE,
      Resources: ['*'],
      NotResources: [],
      ListOfTags: [],
      Conditions: {
        StringEquals: [{ ConditionKey: 'aws:ResourceTag/PHI', ConditionValue: 'true' }],
        StringNotEquals: [],
        StringLike: [],
        StringNotLike: [],
      },
    },
  },
  [PLAN.auditWeekly]: {
    name: 'audit-weekly',
    rules: [
      {
        RuleName: 'weekly',
        TargetBackupVaultName: 'Default',
        ScheduleExpression: 'cron(0 3 ? * SUN *)',
        StartWindowMinutes: 480,
        CompletionWindowMinutes: 10080,
        Lifecycle: { DeleteAfterDays: 35 },
        RuleId: 'a1b2c3d4-0002-4000-8000-000000000002',
      },
    ],
    selection: {
      SelectionName: 'audit-tables',
      IamRoleArn: ROLE,
      Resources: ['arn:aws:dynamodb:*:*:table/pw-audit-*'],
    },
  },
  [PLAN.legacy]: {
    name: 'legacy-bimonthly',
    rules: [
      {
        RuleName: 'bimonthly',
        TargetBackupVaultName: 'Default',
        ScheduleExpression: 'cron(0 2 1 */2 ? *)',
        StartWindowMinutes: 480,
        CompletionWindowMinutes: 10080,
        Lifecycle: { DeleteAfterDays: 14 },
        RuleId: 'a1b2c3d4-0003-4000-8000-000000000003',
      },
    ],
    selection: {
      SelectionName: 'legacy-tagged',
      IamRoleArn: ROLE,
      Resources: [],
      ListOfTags: [{ ConditionType: 'STRINGEQUALS', ConditionKey: 'backup', ConditionValue: 'legacy' }],
    },
  },
};
const selectionId = (plan: string) => `sel-${plan.slice(-2)}`;

const recoveryPoint = (o: {
  vault: string;
  arn: string;
  resource: string;
  type: string;
  name: string;
  encrypted: boolean;
  plan?: string;
}) => ({
  RecoveryPointArn: o.arn,
  BackupVaultName: o.vault,
  BackupVaultArn: vaultArn(o.vault),
  ResourceArn: o.resource,
  ResourceType: o.type,
  ResourceName: o.name,
  ...(o.plan && {
    CreatedBy: {
      BackupPlanId: o.plan,
      BackupPlanArn: planArn(o.plan),
      BackupPlanVersion: 'ZjM4ZDYyOTgtZTM0Mi00ZWQ3LWIwYjUtZWI1YjQ4YjM1M2Qz',
      BackupRuleId: 'a1b2c3d4-0001-4000-8000-000000000001',
    },
  }),
  IamRoleArn: ROLE,
  Status: 'COMPLETED',
  CreationDate: 1736200000,
  CompletionDate: 1736203600,
  BackupSizeInBytes: 10485760,
  Lifecycle: { DeleteAfterDays: 35 },
  CalculatedLifecycle: { DeleteAt: 1739224000 },
  IsEncrypted: o.encrypted,
  ...(o.encrypted && { EncryptionKeyArn: KEY_PHI_ARN }),
  StorageClass: 'WARM',
  VaultType: 'BACKUP_VAULT',
});

export const UNENCRYPTED_POINT = `arn:aws:ec2:${R}::snapshot/snap-0a1b2c3d4e5f60299`;
const POINTS: Record<string, ReturnType<typeof recoveryPoint>[]> = {
  'phi-vault': [
    recoveryPoint({
      vault: 'phi-vault',
      arn: `arn:aws:backup:${R}:${ACCOUNT}:recovery-point:0a1b2c3d-0001-4e5f-8a9b-000000000001`,
      resource: tableArn('pw-patients'),
      type: 'DynamoDB',
      name: 'pw-patients',
      encrypted: true,
      plan: PLAN.phiDaily,
    }),
    recoveryPoint({
      vault: 'phi-vault',
      arn: `arn:aws:backup:${R}:${ACCOUNT}:recovery-point:0a1b2c3d-0002-4e5f-8a9b-000000000002`,
      resource: fsArn(FS.ehrImages),
      type: 'EFS',
      name: 'ehr-images',
      encrypted: true,
      plan: PLAN.phiDaily,
    }),
  ],
  Default: [
    recoveryPoint({
      vault: 'Default',
      arn: `arn:aws:backup:${R}:${ACCOUNT}:recovery-point:0a1b2c3d-0003-4e5f-8a9b-000000000003`,
      resource: tableArn('pw-audit-2025'),
      type: 'DynamoDB',
      name: 'pw-audit-2025',
      encrypted: true,
      plan: PLAN.auditWeekly,
    }),
    recoveryPoint({
      vault: 'Default',
      arn: UNENCRYPTED_POINT,
      resource: `arn:aws:ec2:${R}:${ACCOUNT}:volume/vol-0a1b2c3d4e5f60052`,
      type: 'EBS',
      name: 'vol-0a1b2c3d4e5f60052',
      encrypted: false,
    }),
  ],
};

const VAULT_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'DenyRecoveryPointDeletion',
      Effect: 'Deny',
      Principal: { AWS: '*' },
      Action: [
        'backup:DeleteRecoveryPoint',
        'backup:UpdateRecoveryPointLifecycle',
        'backup:PutBackupVaultAccessPolicy',
      ],
      Resource: '*',
      Condition: { ArnNotLike: { 'aws:PrincipalArn': `arn:aws:iam::${ACCOUNT}:role/backup-break-glass` } },
    },
  ],
});

const vault = (name: string, encryptionKey: string, points: number) => ({
  BackupVaultName: name,
  BackupVaultArn: vaultArn(name),
  VaultType: 'BACKUP_VAULT',
  CreationDate: 1700000000,
  EncryptionKeyArn: encryptionKey,
  CreatorRequestId: `${name}-request`,
  NumberOfRecoveryPoints: points,
  Locked: false,
});

function backup(call: AwsCall): AwsReply {
  const path = call.path;
  if (path === '/account-settings') {
    return json({
      ResourceTypeOptInPreference: {
        Aurora: true,
        CloudFormation: true,
        DocumentDB: false,
        DynamoDB: true,
        EBS: true,
        EC2: true,
        EFS: true,
        FSx: true,
        Neptune: false,
        RDS: true,
        Redshift: true,
        S3: true,
        'Storage Gateway': true,
        VirtualMachine: true,
      },
      ResourceTypeManagementPreference: { DynamoDB: true, EFS: true },
    });
  }
  if (path === '/backup/plans') {
    // Two pages: NextToken.
    const ids = call.params.nextToken === undefined ? [PLAN.phiDaily, PLAN.auditWeekly] : [PLAN.legacy];
    return json({
      BackupPlansList: ids.map((id) => ({
        BackupPlanArn: planArn(id),
        BackupPlanId: id,
        BackupPlanName: PLANS[id]?.name,
        CreationDate: 1700000000,
        VersionId: `version-${id.slice(-2)}`,
        LastExecutionDate: 1736200000,
      })),
      ...(call.params.nextToken === undefined && { NextToken: 'plans-page-2' }),
    });
  }
  let m = /^\/backup\/plans\/([^/]+)$/.exec(path);
  if (m) {
    const id = m[1] as string;
    const plan = PLANS[id];
    if (!plan) return restError('ResourceNotFoundException', `no plan ${id}`, 404);
    return json({
      BackupPlan: { BackupPlanName: plan.name, Rules: plan.rules },
      BackupPlanId: id,
      BackupPlanArn: planArn(id),
      VersionId: `version-${id.slice(-2)}`,
      CreatorRequestId: `${plan.name}-request`,
      CreationDate: 1700000000,
      LastExecutionDate: 1736200000,
    });
  }
  m = /^\/backup\/plans\/([^/]+)\/selections$/.exec(path);
  if (m) {
    const id = m[1] as string;
    return json({
      BackupSelectionsList: [
        {
          SelectionId: selectionId(id),
          SelectionName: PLANS[id]?.selection.SelectionName,
          BackupPlanId: id,
          CreationDate: 1700000000,
          IamRoleArn: ROLE,
        },
      ],
    });
  }
  m = /^\/backup\/plans\/([^/]+)\/selections\/([^/]+)$/.exec(path);
  if (m) {
    const id = m[1] as string;
    return json({
      BackupSelection: PLANS[id]?.selection,
      SelectionId: m[2],
      BackupPlanId: id,
      CreationDate: 1700000000,
    });
  }
  if (path === '/backup-vaults') {
    return json({
      BackupVaultList: [
        vault('Default', `arn:aws:kms:${R}:${ACCOUNT}:key/0987dcba-09fe-87dc-65ba-ab0987654321`, 2),
        vault('phi-vault', KEY_PHI_ARN, 2),
      ],
    });
  }
  m = /^\/backup-vaults\/([^/]+)\/access-policy$/.exec(path);
  if (m) {
    if (m[1] !== 'phi-vault')
      return restError('ResourceNotFoundException', 'Backup vault access policy not found', 404);
    return json({ BackupVaultName: m[1], BackupVaultArn: vaultArn(m[1] as string), Policy: VAULT_POLICY });
  }
  m = /^\/backup-vaults\/([^/]+)\/recovery-points$/.exec(path);
  if (m) {
    const points = POINTS[m[1] as string] ?? [];
    // One recovery point per page, so the bound and the NextToken are both exercised.
    const start = Number(call.params.nextToken ?? 0);
    const next = start + 1 < points.length ? String(start + 1) : undefined;
    return json({
      RecoveryPoints: points.slice(start, start + 1),
      ...(next !== undefined && { NextToken: next }),
    });
  }
  m = /^\/tags\/(.+)$/.exec(path);
  if (m) {
    const arn = m[1] as string;
    return json({ Tags: arn === planArn(PLAN.phiDaily) ? { Owner: 'security', PHI: 'true' } : {} });
  }
  return restError('InvalidRequestException', `fake has no ${call.action}`, 400);
}

// ----------------------------------- RDS snapshots and clusters (RDS API Reference, query XML)
export const dbSnapshotArn = (id: string) => `arn:aws:rds:${R}:${ACCOUNT}:snapshot:${id}`;
export const clusterArn = (id: string) => `arn:aws:rds:${R}:${ACCOUNT}:cluster:${id}`;
export const clusterSnapshotArn = (id: string) => `arn:aws:rds:${R}:${ACCOUNT}:cluster-snapshot:${id}`;

const tagList = (tags: Record<string, string>) =>
  `<TagList>${Object.entries(tags)
    .map(([k, v]) => `<Tag><Key>${k}</Key><Value>${v}</Value></Tag>`)
    .join('')}</TagList>`;

const dbSnapshot = (id: string, instance: string, encrypted: boolean) =>
  `<DBSnapshot><DBSnapshotIdentifier>${id}</DBSnapshotIdentifier><DBInstanceIdentifier>${instance}</DBInstanceIdentifier><SnapshotCreateTime>2024-12-01T03:00:00.000Z</SnapshotCreateTime><Engine>postgres</Engine><AllocatedStorage>100</AllocatedStorage><Status>available</Status><Port>5432</Port><AvailabilityZone>us-east-1a</AvailabilityZone><VpcId>vpc-0a1b2c3d4e5f60001</VpcId><InstanceCreateTime>2023-06-01T10:00:00.000Z</InstanceCreateTime><MasterUsername>dbadmin</MasterUsername><EngineVersion>14.7</EngineVersion><LicenseModel>postgresql-license</LicenseModel><SnapshotType>manual</SnapshotType><PercentProgress>100</PercentProgress><StorageType>gp3</StorageType><Encrypted>${encrypted}</Encrypted>${encrypted ? `<KmsKeyId>${KEY_PHI_ARN}</KmsKeyId>` : ''}<DBSnapshotArn>${dbSnapshotArn(id)}</DBSnapshotArn><IAMDatabaseAuthenticationEnabled>false</IAMDatabaseAuthenticationEnabled><DbiResourceId>db-${instance.toUpperCase()}EXAMPLE</DbiResourceId>${tagList(instance === 'ehr-db' ? { PHI: 'true' } : {})}</DBSnapshot>`;

const attributes = (element: string, values: string[]) =>
  `<${element}><AttributeName>restore</AttributeName><AttributeValues>${values.map((v) => `<AttributeValue>${v}</AttributeValue>`).join('')}</AttributeValues></${element}>`;

const cluster = (o: {
  id: string;
  engine: string;
  protection: boolean;
  multiAz: boolean;
  tags: Record<string, string>;
}) =>
  `<DBCluster><AllocatedStorage>1</AllocatedStorage><AvailabilityZones><AvailabilityZone>us-east-1a</AvailabilityZone><AvailabilityZone>us-east-1b</AvailabilityZone><AvailabilityZone>us-east-1c</AvailabilityZone></AvailabilityZones><BackupRetentionPeriod>7</BackupRetentionPeriod><DBClusterIdentifier>${o.id}</DBClusterIdentifier><DBClusterParameterGroup>default.${o.engine}</DBClusterParameterGroup><DBSubnetGroup>clinical</DBSubnetGroup><Status>available</Status><Endpoint>${o.id}.cluster-cg034hpkmmjt.us-east-1.rds.amazonaws.com</Endpoint><MultiAZ>${o.multiAz}</MultiAZ><Engine>${o.engine}</Engine><EngineVersion>15.4</EngineVersion><Port>5432</Port><MasterUsername>dbadmin</MasterUsername><DBClusterMembers><DBClusterMember><DBInstanceIdentifier>${o.id}-1</DBInstanceIdentifier><IsClusterWriter>true</IsClusterWriter><DBClusterParameterGroupStatus>in-sync</DBClusterParameterGroupStatus><PromotionTier>1</PromotionTier></DBClusterMember></DBClusterMembers><StorageEncrypted>true</StorageEncrypted><KmsKeyId>${KEY_PHI_ARN}</KmsKeyId><DbClusterResourceId>cluster-${o.id.toUpperCase()}EXAMPLE</DbClusterResourceId><DBClusterArn>${clusterArn(o.id)}</DBClusterArn><IAMDatabaseAuthenticationEnabled>false</IAMDatabaseAuthenticationEnabled><ClusterCreateTime>2023-09-01T08:00:00.000Z</ClusterCreateTime><EngineMode>provisioned</EngineMode><DeletionProtection>${o.protection}</DeletionProtection><CopyTagsToSnapshot>true</CopyTagsToSnapshot>${tagList(o.tags)}</DBCluster>`;

function rds(call: AwsCall): AwsReply | undefined {
  switch (call.action) {
    case 'DescribeDBSnapshots':
      // Two pages: Marker.
      return call.params.Marker === undefined
        ? queryXml(
            'rds',
            call.action,
            `<Marker>snapshots-page-2</Marker><DBSnapshots>${dbSnapshot('ehr-db-before-upgrade', 'ehr-db', false)}</DBSnapshots>`,
          )
        : queryXml(
            'rds',
            call.action,
            `<DBSnapshots>${dbSnapshot('reports-db-2024-12', 'reports-db', true)}</DBSnapshots>`,
          );
    case 'DescribeDBSnapshotAttributes': {
      const id = String(call.params.DBSnapshotIdentifier);
      const values = id === 'ehr-db-before-upgrade' ? ['all'] : ['444455556666'];
      return queryXml(
        'rds',
        call.action,
        `<DBSnapshotAttributesResult><DBSnapshotAttributes>${attributes('DBSnapshotAttribute', values)}</DBSnapshotAttributes><DBSnapshotIdentifier>${id}</DBSnapshotIdentifier></DBSnapshotAttributesResult>`,
      );
    }
    case 'DescribeDBClusterSnapshots':
      return queryXml(
        'rds',
        call.action,
        `<DBClusterSnapshots><DBClusterSnapshot><AvailabilityZones><AvailabilityZone>us-east-1a</AvailabilityZone></AvailabilityZones><DBClusterSnapshotIdentifier>ehr-aurora-pre-migration</DBClusterSnapshotIdentifier><DBClusterIdentifier>ehr-aurora</DBClusterIdentifier><SnapshotCreateTime>2024-11-02T03:00:00.000Z</SnapshotCreateTime><Engine>aurora-postgresql</Engine><AllocatedStorage>1</AllocatedStorage><Status>available</Status><Port>0</Port><VpcId>vpc-0a1b2c3d4e5f60001</VpcId><ClusterCreateTime>2023-09-01T08:00:00.000Z</ClusterCreateTime><MasterUsername>dbadmin</MasterUsername><EngineVersion>15.4</EngineVersion><LicenseModel>postgresql-license</LicenseModel><SnapshotType>manual</SnapshotType><PercentProgress>100</PercentProgress><StorageEncrypted>true</StorageEncrypted><KmsKeyId>${KEY_PHI_ARN}</KmsKeyId><DBClusterSnapshotArn>${clusterSnapshotArn('ehr-aurora-pre-migration')}</DBClusterSnapshotArn>${tagList({ PHI: 'true' })}</DBClusterSnapshot><DBClusterSnapshot><DBClusterSnapshotIdentifier>graph-neptune-manual</DBClusterSnapshotIdentifier><DBClusterIdentifier>graph-neptune</DBClusterIdentifier><Engine>neptune</Engine><Status>available</Status><SnapshotType>manual</SnapshotType><StorageEncrypted>true</StorageEncrypted><DBClusterSnapshotArn>${clusterSnapshotArn('graph-neptune-manual')}</DBClusterSnapshotArn></DBClusterSnapshot></DBClusterSnapshots>`,
      );
    case 'DescribeDBClusterSnapshotAttributes': {
      const id = String(call.params.DBClusterSnapshotIdentifier);
      return queryXml(
        'rds',
        call.action,
        `<DBClusterSnapshotAttributesResult><DBClusterSnapshotIdentifier>${id}</DBClusterSnapshotIdentifier><DBClusterSnapshotAttributes>${attributes('DBClusterSnapshotAttribute', [])}</DBClusterSnapshotAttributes></DBClusterSnapshotAttributesResult>`,
      );
    }
    case 'DescribeDBClusters':
      return queryXml(
        'rds',
        call.action,
        `<DBClusters>${cluster({ id: 'ehr-aurora', engine: 'aurora-postgresql', protection: true, multiAz: true, tags: { PHI: 'true' } })}${cluster({ id: 'analytics-aurora', engine: 'aurora-mysql', protection: false, multiAz: false, tags: { Owner: 'analytics' } })}${cluster({ id: 'graph-neptune', engine: 'neptune', protection: true, multiAz: true, tags: {} })}</DBClusters>`,
      );
    default:
      return undefined;
  }
}

// ------------------------------------------------ EBS snapshots (EC2 API Reference, query XML)
export const SNAP = { shared: 'snap-0a1b2c3d4e5f60201', public: 'snap-0a1b2c3d4e5f60202' } as const;
export const snapshotArn = (id: string) => `arn:aws:ec2:${R}:${ACCOUNT}:snapshot/${id}`;

const ec2Xml = (action: string, inner: string): AwsReply => ({
  body: `<?xml version="1.0" encoding="UTF-8"?>
<${action}Response xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId>${inner}</${action}Response>`,
});

const ebsSnapshot = (id: string, volume: string, encrypted: boolean, name: string) =>
  `<item><snapshotId>${id}</snapshotId><volumeId>${volume}</volumeId><status>completed</status><startTime>2024-10-01T04:00:00.000Z</startTime><progress>100%</progress><ownerId>${ACCOUNT}</ownerId><volumeSize>80</volumeSize><description>Created for ${name}</description><encrypted>${encrypted}</encrypted>${encrypted ? `<kmsKeyId>${KEY_PHI_ARN}</kmsKeyId>` : ''}<tagSet><item><key>Name</key><value>${name}</value></item></tagSet><storageTier>standard</storageTier></item>`;

const SHARED = ebsSnapshot(SNAP.shared, 'vol-0a1b2c3d4e5f60051', true, 'ehr-api-1-root');
const PUBLIC = ebsSnapshot(SNAP.public, 'vol-0a1b2c3d4e5f60052', false, 'worker-1-root');

function ec2(call: AwsCall): AwsReply | undefined {
  const p = call.params;
  if (call.action === 'DescribeSnapshots') {
    if (p['Owner.1'] !== 'self') return ec2Error('InvalidParameterValue', 'only self is served');
    // The public listing (RestorableBy=all) answers the public snapshot only; the own listing
    // comes over two pages.
    if (p['RestorableBy.1'] === 'all') return ec2Xml(call.action, `<snapshotSet>${PUBLIC}</snapshotSet>`);
    return p.NextToken === undefined
      ? ec2Xml(call.action, `<snapshotSet>${SHARED}</snapshotSet><nextToken>snapshots-page-2</nextToken>`)
      : ec2Xml(call.action, `<snapshotSet>${PUBLIC}</snapshotSet>`);
  }
  if (call.action === 'DescribeSnapshotAttribute') {
    const permission = p.SnapshotId === SNAP.public ? '<group>all</group>' : '<userId>444455556666</userId>';
    return ec2Xml(
      call.action,
      `<snapshotId>${String(p.SnapshotId)}</snapshotId><createVolumePermission><item>${permission}</item></createVolumePermission>`,
    );
  }
  return undefined;
}

/** The fixture account; `override` may answer a call first (errors, throttling). */
export function storesAccount(
  override?: (call: AwsCall, calls: AwsCall[]) => AwsReply | undefined,
): AwsHandler {
  const others = dataAccount();
  return (call, calls) => {
    const o = override?.(call, calls);
    if (o !== undefined) return o;
    switch (call.service) {
      case 'dynamodb':
        return dynamodb(call);
      case 'elasticfilesystem':
        return efs(call);
      case 'backup':
        return backup(call);
      case 'rds':
        return rds(call) ?? others(call, calls);
      case 'ec2':
        return ec2(call) ?? queryAnswer(call);
      default:
        return others(call, calls);
    }
  };
}
