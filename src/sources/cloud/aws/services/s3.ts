/**
 * S3 collector (global scope: buckets are listed once per account). Produces one
 * `AWS::S3::Bucket` per bucket in AWS Config's configuration-item shape, and the account's
 * `AWS::S3::AccountPublicAccessBlock` from S3 Control (Config records both types).
 *
 * Calls (Amazon S3 API Reference): ListBuckets (paginated by ContinuationToken), then per bucket,
 * against the bucket's own region: GetBucketLocation (only when ListBuckets gave no
 * BucketRegion), GetBucketAcl, GetBucketPolicy, GetBucketPolicyStatus, GetPublicAccessBlock,
 * GetBucketEncryption, GetBucketVersioning, GetBucketLogging, GetBucketLifecycleConfiguration,
 * GetBucketTagging, GetBucketOwnershipControls, GetObjectLockConfiguration, GetBucketReplication,
 * GetBucketNotificationConfiguration. S3 Control GetPublicAccessBlock for the account.
 *
 * `supplementary` uses Config's `supplementaryConfiguration` key names. Three states per key:
 * - an object: the configuration as read;
 * - `null`: S3 answered "no such configuration" (NoSuchBucketPolicy, NoSuchTagSet, …), i.e. absent;
 * - key missing: the call was denied; `ctx.guarded` recorded a gap. Posture must say "unknown".
 *
 * Config's schema (aws-config-resource-schema, AWS::S3::Bucket) names `ObjectLockConfiguration
 * {objectLockEnabled, rule.defaultRetention {mode, days, years}}` and
 * `BucketReplicationConfiguration {roleARN, rules}`; its items carry
 * `BucketNotificationConfiguration {configurations: {<id>: {type, events, queueARN | topicARN |
 * functionARN, filter}}}`. Config's rules are keyed by rule id; ours are the API's list, each with
 * its `id` (readers accept both). Two keys are PatchWarden's, after the API's element names, as
 * Config records neither: `OwnershipControls {rules: [{objectOwnership}]}` and, inside the
 * notification configuration, `eventBridgeEnabled`.
 */
import {
  GetBucketAclCommand,
  GetBucketEncryptionCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketLocationCommand,
  GetBucketLoggingCommand,
  GetBucketNotificationConfigurationCommand,
  type GetBucketNotificationConfigurationCommandOutput,
  GetBucketOwnershipControlsCommand,
  GetBucketPolicyCommand,
  GetBucketPolicyStatusCommand,
  GetBucketReplicationCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetObjectLockConfigurationCommand,
  GetPublicAccessBlockCommand,
  type Grant,
  type LifecycleRule,
  type NotificationConfigurationFilter,
  paginateListBuckets,
  type ReplicationRule,
  S3Client,
  type ServerSideEncryptionRule,
} from '@aws-sdk/client-s3';
import {
  GetPublicAccessBlockCommand as GetAccountPublicAccessBlockCommand,
  S3ControlClient,
} from '@aws-sdk/client-s3-control';
import { awsConfigShape, type CloudResource, GLOBAL_REGION, tagRecord } from '../../../../core/cloud.js';
import type { AwsContext, AwsServiceCollector } from '../context.js';

// S3 error codes meaning "this bucket has no such configuration" (S3 API Reference, "Error
// responses" and each Get* operation's errors): absence, not failure.
const ABSENT = new Set([
  'NoSuchBucketPolicy',
  'ServerSideEncryptionConfigurationNotFoundError',
  'NoSuchPublicAccessBlockConfiguration',
  'NoSuchLifecycleConfiguration',
  'NoSuchTagSet',
  'OwnershipControlsNotFoundError',
  'ObjectLockConfigurationNotFoundError',
  'ReplicationConfigurationNotFoundError',
]);

/** Id of the account-level public access block: S3 gives it no ARN, so PatchWarden names one. */
export function accountPublicAccessBlockId(partition: string, account: string): string {
  return `arn:${partition}:s3::${account}:account-public-access-block`;
}

/** Collects S3 buckets and the account public access block. */
export const s3Collector: AwsServiceCollector = {
  service: 's3',
  scope: 'global',
  async collect(ctx) {
    const clients = new Map<string, S3Client>();
    const clientFor = (region: string): S3Client => {
      let c = clients.get(region);
      if (c === undefined) {
        c = new S3Client({ ...ctx.client, region });
        clients.set(region, c);
      }
      return c;
    };
    try {
      const out: CloudResource[] = [];
      const account = await accountBlock(ctx);
      if (account !== undefined) out.push(account);
      const listed = await ctx.guarded('s3', 'ListBuckets', () => listBuckets(clientFor(ctx.client.region)));
      for (const bucket of listed ?? []) {
        const b = await collectBucket(ctx, bucket, clientFor);
        if (b !== undefined) out.push(b);
      }
      return out;
    } finally {
      for (const c of clients.values()) c.destroy();
    }
  },
};

interface ListedBucket {
  name: string;
  creationDate: Date | undefined;
  region: string | undefined;
  owner: { id?: string; displayName?: string } | undefined;
}

async function listBuckets(s3: S3Client): Promise<ListedBucket[]> {
  const out: ListedBucket[] = [];
  for await (const page of paginateListBuckets({ client: s3 }, {})) {
    const owner = page.Owner && { id: page.Owner.ID, displayName: page.Owner.DisplayName };
    for (const b of page.Buckets ?? []) {
      if (b.Name === undefined) continue;
      out.push({
        name: b.Name,
        creationDate: b.CreationDate,
        region: b.BucketRegion,
        owner: owner as ListedBucket['owner'],
      });
    }
  }
  return out;
}

// Runs one S3 call: "no such configuration" becomes null, access denied a gap (undefined).
function readOptional<T>(ctx: AwsContext, operation: string, call: () => Promise<T>) {
  return ctx.guarded('s3', operation, async (): Promise<T | null> => {
    try {
      return await call();
    } catch (err) {
      if (err instanceof Error && ABSENT.has(err.name)) return null;
      throw err;
    }
  });
}

// GetBucketLocation answers an empty LocationConstraint for us-east-1 and the legacy `EU` for
// eu-west-1 (S3 API Reference, GetBucketLocation).
function locationRegion(constraint: string | undefined): string {
  if (constraint === undefined || constraint === '') return 'us-east-1';
  if (constraint === 'EU') return 'eu-west-1';
  return constraint;
}

async function collectBucket(
  ctx: AwsContext,
  bucket: ListedBucket,
  clientFor: (region: string) => S3Client,
): Promise<CloudResource | undefined> {
  const Bucket = bucket.name;
  let region = bucket.region;
  if (region === undefined) {
    const loc = await ctx.guarded('s3', 'GetBucketLocation', () =>
      clientFor(ctx.client.region).send(new GetBucketLocationCommand({ Bucket })),
    );
    // Without the region every later call would be redirected: record the bucket as seen only.
    if (loc !== undefined) region = locationRegion(loc.LocationConstraint);
  }
  const s3 = clientFor(region ?? ctx.client.region);
  const supp: Record<string, unknown> = {};
  let tags: Record<string, string> = {};
  if (region !== undefined) {
    const [acl, policy, status, pab, sse, versioning, logging, lifecycle, tagging] = await Promise.all([
      ctx.guarded('s3', 'GetBucketAcl', () => s3.send(new GetBucketAclCommand({ Bucket }))),
      readOptional(ctx, 'GetBucketPolicy', () => s3.send(new GetBucketPolicyCommand({ Bucket }))),
      readOptional(ctx, 'GetBucketPolicyStatus', () => s3.send(new GetBucketPolicyStatusCommand({ Bucket }))),
      readOptional(ctx, 'GetPublicAccessBlock', () => s3.send(new GetPublicAccessBlockCommand({ Bucket }))),
      readOptional(ctx, 'GetBucketEncryption', () => s3.send(new GetBucketEncryptionCommand({ Bucket }))),
      ctx.guarded('s3', 'GetBucketVersioning', () => s3.send(new GetBucketVersioningCommand({ Bucket }))),
      ctx.guarded('s3', 'GetBucketLogging', () => s3.send(new GetBucketLoggingCommand({ Bucket }))),
      readOptional(ctx, 'GetBucketLifecycleConfiguration', () =>
        s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket })),
      ),
      readOptional(ctx, 'GetBucketTagging', () => s3.send(new GetBucketTaggingCommand({ Bucket }))),
    ]);
    const [ownership, objectLock, replication, notification] = await Promise.all([
      readOptional(ctx, 'GetBucketOwnershipControls', () =>
        s3.send(new GetBucketOwnershipControlsCommand({ Bucket })),
      ),
      readOptional(ctx, 'GetObjectLockConfiguration', () =>
        s3.send(new GetObjectLockConfigurationCommand({ Bucket })),
      ),
      readOptional(ctx, 'GetBucketReplication', () => s3.send(new GetBucketReplicationCommand({ Bucket }))),
      ctx.guarded('s3', 'GetBucketNotificationConfiguration', () =>
        s3.send(new GetBucketNotificationConfigurationCommand({ Bucket })),
      ),
    ]);
    if (acl !== undefined) {
      supp.AccessControlList = {
        owner: acl.Owner ? { id: acl.Owner.ID ?? null, displayName: acl.Owner.DisplayName ?? null } : null,
        grantList: (acl.Grants ?? []).map(grant),
      };
    }
    if (policy !== undefined) supp.BucketPolicy = policy && { policyText: policy.Policy ?? null };
    if (status !== undefined)
      supp.BucketPolicyStatus = status && { isPublic: status.PolicyStatus?.IsPublic ?? false };
    if (pab !== undefined)
      supp.PublicAccessBlockConfiguration = pab && awsConfigShape(pab.PublicAccessBlockConfiguration);
    if (sse !== undefined) {
      supp.ServerSideEncryptionConfiguration = sse && {
        rules: (sse.ServerSideEncryptionConfiguration?.Rules ?? []).map(sseRule),
      };
    }
    if (versioning !== undefined) {
      // Config's shape: status "Off" for a bucket never versioned; isMfaDeleteEnabled null when
      // MFA delete was never configured (GetBucketVersioning omits both elements then).
      const mfa = versioning.MFADelete;
      supp.BucketVersioningConfiguration = {
        status: versioning.Status ?? 'Off',
        isMfaDeleteEnabled: mfa === undefined ? null : mfa === 'Enabled',
      };
    }
    if (logging !== undefined) {
      // Logging off is an empty BucketLoggingStatus, which Config records as null fields.
      supp.BucketLoggingConfiguration = {
        destinationBucketName: logging.LoggingEnabled?.TargetBucket ?? null,
        logFilePrefix: logging.LoggingEnabled?.TargetPrefix ?? null,
      };
    }
    if (lifecycle !== undefined) {
      supp.BucketLifecycleConfiguration = lifecycle && { rules: (lifecycle.Rules ?? []).map(lifecycleRule) };
    }
    if (tagging !== undefined) {
      tags = tagRecord(tagging?.TagSet ?? []);
      supp.BucketTaggingConfiguration = tagging && { tagSets: [{ tags }] };
    }
    if (ownership !== undefined) {
      supp.OwnershipControls = ownership && {
        rules: (ownership.OwnershipControls?.Rules ?? []).map((r) => ({
          objectOwnership: r.ObjectOwnership ?? null,
        })),
      };
    }
    if (objectLock !== undefined) {
      const c = objectLock?.ObjectLockConfiguration;
      const d = c?.Rule?.DefaultRetention;
      supp.ObjectLockConfiguration = objectLock && {
        objectLockEnabled: c?.ObjectLockEnabled ?? null,
        rule: d
          ? { defaultRetention: { mode: d.Mode ?? null, days: d.Days ?? null, years: d.Years ?? null } }
          : null,
      };
    }
    if (replication !== undefined) {
      const c = replication?.ReplicationConfiguration;
      supp.BucketReplicationConfiguration = replication && {
        roleARN: c?.Role ?? null,
        rules: (c?.Rules ?? []).map(replicationRule),
      };
    }
    if (notification !== undefined)
      supp.BucketNotificationConfiguration = notificationConfiguration(notification);
  }
  return {
    provider: 'aws',
    account: ctx.account,
    region: region ?? GLOBAL_REGION,
    type: 'AWS::S3::Bucket',
    id: `arn:${ctx.partition}:s3:::${Bucket}`,
    name: Bucket,
    tags,
    configuration: {
      name: Bucket,
      owner: bucket.owner ?? null,
      creationDate: bucket.creationDate?.toISOString() ?? null,
      region: region ?? null,
    },
    supplementary: supp,
    source: 'aws-sdk',
  };
}

// A grant with the grantee's xsi:type kept: `Group` + URI `…/global/AllUsers` is what makes an
// ACL public (S3 User Guide, "Access control list (ACL) overview", Amazon S3 predefined groups).
function grant(g: Grant): Record<string, unknown> {
  const e = g.Grantee;
  return {
    grantee: e && {
      type: e.Type ?? null,
      id: e.ID ?? null,
      displayName: e.DisplayName ?? null,
      uri: e.URI ?? null,
      emailAddress: e.EmailAddress ?? null,
    },
    permission: g.Permission ?? null,
  };
}

// Config's names for the default-encryption rule (sseAlgorithm, kmsMasterKeyID).
function sseRule(r: ServerSideEncryptionRule): Record<string, unknown> {
  const d = r.ApplyServerSideEncryptionByDefault;
  return {
    applyServerSideEncryptionByDefault: d && {
      sseAlgorithm: d.SSEAlgorithm ?? null,
      kmsMasterKeyID: d.KMSMasterKeyID ?? null,
    },
    bucketKeyEnabled: r.BucketKeyEnabled ?? false,
  };
}

function lifecycleRule(r: LifecycleRule): Record<string, unknown> {
  const shaped = awsConfigShape({ ...r, ID: undefined }) as Record<string, unknown>;
  return { id: r.ID ?? null, ...shaped };
}

function replicationRule(r: ReplicationRule): Record<string, unknown> {
  const shaped = awsConfigShape({ ...r, ID: undefined }) as Record<string, unknown>;
  return { id: r.ID ?? null, ...shaped };
}

// Config's filter spelling: `filter.s3KeyFilter.filterRules[{name, value}]`.
function notificationFilter(f: NotificationConfigurationFilter | undefined): Record<string, unknown> | null {
  const rules = f?.Key?.FilterRules;
  if (rules === undefined) return null;
  return {
    s3KeyFilter: { filterRules: rules.map((r) => ({ name: r.Name ?? null, value: r.Value ?? null })) },
  };
}

interface NotificationTarget {
  Id?: string | undefined;
  Events?: string[] | undefined;
  Filter?: NotificationConfigurationFilter | undefined;
}

// Config's shape: one map of every destination by configuration id, each with its `type`.
function notificationConfiguration(
  n: GetBucketNotificationConfigurationCommandOutput,
): Record<string, unknown> {
  const configurations: Record<string, unknown> = {};
  const add = <C extends NotificationTarget>(
    type: string,
    list: C[] | undefined,
    destination: (c: C) => Record<string, unknown>,
  ) => {
    (list ?? []).forEach((c, i) => {
      configurations[c.Id ?? `${type}-${i + 1}`] = {
        type,
        events: c.Events ?? [],
        filter: notificationFilter(c.Filter),
        ...destination(c),
      };
    });
  };
  add('QueueConfiguration', n.QueueConfigurations, (c) => ({ queueARN: c.QueueArn ?? null }));
  add('TopicConfiguration', n.TopicConfigurations, (c) => ({ topicARN: c.TopicArn ?? null }));
  add('LambdaConfiguration', n.LambdaFunctionConfigurations, (c) => ({
    functionARN: c.LambdaFunctionArn ?? null,
  }));
  return { configurations, eventBridgeEnabled: n.EventBridgeConfiguration !== undefined };
}

async function accountBlock(ctx: AwsContext): Promise<CloudResource | undefined> {
  const control = new S3ControlClient(ctx.client);
  try {
    // S3 Control sends the account id as the host prefix `{AccountId}.s3-control.{region}…`.
    const got = await ctx.guarded('s3', 'GetAccountPublicAccessBlock', async () => {
      try {
        return await control.send(new GetAccountPublicAccessBlockCommand({ AccountId: ctx.account }));
      } catch (err) {
        if (err instanceof Error && err.name === 'NoSuchPublicAccessBlockConfiguration') return null;
        throw err;
      }
    });
    if (got === undefined) return undefined;
    return {
      provider: 'aws',
      account: ctx.account,
      region: GLOBAL_REGION,
      type: 'AWS::S3::AccountPublicAccessBlock',
      id: accountPublicAccessBlockId(ctx.partition, ctx.account),
      name: ctx.account,
      tags: {},
      // Config's item for this type carries the four flags; none configured is `{}` + configured:false.
      configuration: (awsConfigShape(got?.PublicAccessBlockConfiguration ?? {}) ?? {}) as Record<
        string,
        unknown
      >,
      supplementary: { configured: got !== null },
      source: 'aws-sdk',
    };
  } finally {
    control.destroy();
  }
}
