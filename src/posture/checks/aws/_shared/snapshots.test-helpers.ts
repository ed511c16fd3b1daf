/** Tiny inline snapshots for the AWS check specs. */
import type { CloudResource, CloudSnapshot, CollectionGap } from '../../../../core/cloud.js';
import { DEFAULT_PARAMS } from '../../../params.js';

export const ACCOUNT = '111122223333';
export const P = DEFAULT_PARAMS;

/** A resource of `type` with the given parts (account 111122223333, us-east-1). */
export function res(type: string, id: string, parts: Partial<CloudResource> = {}): CloudResource {
  return {
    provider: 'aws',
    account: ACCOUNT,
    region: 'us-east-1',
    type,
    id,
    name: id.split(/[:/]/).pop() ?? id,
    tags: {},
    configuration: {},
    supplementary: {},
    source: 'test',
    ...parts,
  };
}

/** A gap for `service` in the test account. */
export function gap(service: string, reason: string, region = 'us-east-1'): CollectionGap {
  return { provider: 'aws', account: ACCOUNT, region, service, reason };
}

/** A snapshot holding `resources` and `gaps`. */
export function snap(resources: CloudResource[], gaps: CollectionGap[] = []): CloudSnapshot {
  return {
    provider: 'aws',
    collectedAt: '2025-01-07T09:00:00Z',
    accounts: [ACCOUNT],
    regions: ['us-east-1'],
    resources,
    gaps,
  };
}

/** An S3 bucket with Config's supplementary keys (pass `undefined` to drop a key). */
export function bucket(name: string, supp: Record<string, unknown> = {}, tags: Record<string, string> = {}) {
  const base: Record<string, unknown> = {
    AccessControlList: { grantList: [] },
    BucketPolicy: null,
    BucketPolicyStatus: null,
    PublicAccessBlockConfiguration: null,
    ServerSideEncryptionConfiguration: {
      rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyID: 'k' } }],
    },
    BucketVersioningConfiguration: { status: 'Enabled', isMfaDeleteEnabled: true },
    BucketLoggingConfiguration: { destinationBucketName: 'logs', logFilePrefix: null },
    BucketLifecycleConfiguration: null,
    BucketTaggingConfiguration: { tagSets: [{ tags }] },
  };
  for (const [k, v] of Object.entries(supp)) {
    if (v === undefined) delete base[k];
    else base[k] = v;
  }
  return res('AWS::S3::Bucket', `arn:aws:s3:::${name}`, {
    name,
    region: 'us-east-1',
    tags,
    supplementary: base,
  });
}

/** The account public access block with all four flags set to `on`. */
export function accountPab(on: boolean) {
  return res('AWS::S3::AccountPublicAccessBlock', `arn:aws:s3::${ACCOUNT}:account-public-access-block`, {
    region: 'global',
    configuration: {
      blockPublicAcls: on,
      ignorePublicAcls: on,
      blockPublicPolicy: on,
      restrictPublicBuckets: on,
    },
    supplementary: { configured: true },
  });
}

/** A bucket policy opening the bucket to everyone. */
export const PUBLIC_POLICY = {
  policyText: JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }],
  }),
};

/** A CloudTrail trail with the given configuration (logging, multi-region, validated, encrypted by default). */
export function trail(name: string, config: Record<string, unknown> = {}) {
  return res('AWS::CloudTrail::Trail', `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/${name}`, {
    name,
    configuration: {
      name,
      isMultiRegionTrail: true,
      isLogging: true,
      logFileValidationEnabled: true,
      kmsKeyId: `arn:aws:kms:us-east-1:${ACCOUNT}:key/k`,
      s3BucketName: 'trail-logs',
      homeRegion: 'us-east-1',
      ...config,
    },
    supplementary: { trailStatus: { isLogging: true } },
  });
}

/** An RDS instance (compliant by default) with `config` overrides. */
export function db(
  name: string,
  config: Record<string, unknown> = {},
  tags: Record<string, string> = {},
  supp?: Record<string, unknown>,
) {
  return res('AWS::RDS::DBInstance', `arn:aws:rds:us-east-1:${ACCOUNT}:db:${name}`, {
    name,
    tags,
    configuration: {
      dBInstanceIdentifier: name,
      engine: 'postgres',
      storageEncrypted: true,
      backupRetentionPeriod: 7,
      multiAZ: true,
      publiclyAccessible: false,
      ...config,
    },
    supplementary: supp ?? { pendingMaintenanceActions: [] },
  });
}

/** An IAM user with a credential report row (`undefined` row: the report was not read). */
export function user(name: string, row?: Record<string, unknown>, config: Record<string, unknown> = {}) {
  return res('AWS::IAM::User', `arn:aws:iam::${ACCOUNT}:user/${name}`, {
    name,
    region: 'global',
    configuration: {
      userName: name,
      userPolicyList: [],
      attachedManagedPolicies: [],
      groupList: [],
      ...config,
    },
    supplementary: row === undefined ? {} : { credentialReport: { user: name, ...row } },
  });
}

/** The root account resource. */
export function root(config: Record<string, unknown>, supp: Record<string, unknown> = {}) {
  return res('AWS::IAM::RootAccount', `arn:aws:iam::${ACCOUNT}:root`, {
    name: '<root_account>',
    region: 'global',
    configuration: config,
    supplementary: supp,
  });
}

/** An ELBv2 listener (`sslPolicy` undefined: supplementary key dropped, i.e. unread). */
export function listener(port: number, config: Record<string, unknown>, sslPolicy?: unknown) {
  return res(
    'AWS::ElasticLoadBalancingV2::Listener',
    `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:listener/app/web/1/${port}`,
    {
      name: `${String(config.protocol)}:${port}`,
      configuration: { port, ...config },
      supplementary: sslPolicy === undefined ? {} : { sslPolicy },
    },
  );
}

/** A log group with the given configuration and tags. */
export function logGroup(
  name: string,
  config: Record<string, unknown> = {},
  tags: Record<string, string> = { PHI: 'true' },
) {
  return res('AWS::Logs::LogGroup', `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:${name}`, {
    name,
    tags,
    configuration: { logGroupName: name, ...config },
  });
}
