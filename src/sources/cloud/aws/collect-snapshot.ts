/**
 * Collect a configuration snapshot of one or many AWS accounts (issue 4, source 3). Accounts are
 * the caller's own (STS GetCallerIdentity), a list, or every active account of the organization
 * (Organizations ListAccounts); member accounts are entered with STS AssumeRole. Each account runs
 * its global collectors once and its regional collectors in every region, a few units at a time.
 *
 * Credentials come from the SDK's default provider chain unless the caller passes some (tests
 * do); this file never reads environment variables. Throttling is retried by the SDK's standard
 * retry strategy (`maxAttempts`). An account whose role cannot be assumed is a gap, as is any API
 * the credentials may not call; expired credentials and other failures stop the collection.
 */
import { ListAccountsCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import {
  type CloudResource,
  type CloudSnapshot,
  type CollectionGap,
  GLOBAL_REGION,
} from '../../../core/cloud.js';
import { AppError } from '../../../core/errors.js';
import {
  type AwsClientConfig,
  type AwsCredentials,
  type AwsServiceCollector,
  awsContext,
  classifyAwsError,
  partitionOf,
} from './context.js';

/** Role assumed in member accounts unless `roleName` says otherwise: read-only by convention. */
export const DEFAULT_ROLE_NAME = 'PatchWardenReadOnly';

export interface CollectAwsOptions {
  regions: string[];
  /** Static credentials or a provider; omitted → the SDK's default provider chain. */
  credentials?: AwsCredentials;
  /** Override of every service endpoint, for the wire-level tests only. */
  endpoint?: string;
  /**
   * HTTP handler settings per (account, region) unit, for the wire-level tests only. A factory,
   * because destroying a client destroys its agent: a shared one would reset other units'
   * requests in flight.
   */
  requestHandler?: () => NonNullable<AwsClientConfig['requestHandler']>;
  /** SDK attempts per request, throttling retries included (SDK default 3). */
  maxAttempts?: number;
  /** Accounts to collect; the caller's own account is collected with the caller's credentials. */
  accounts?: string[];
  /** Collect every ACTIVE account of the caller's organization (needs organizations:ListAccounts). */
  organization?: boolean;
  roleName?: string;
  /** `sts:ExternalId` the member roles require, if any. */
  externalId?: string;
  /** Only these services (collector `service` names); default all. */
  services?: string[];
  /** Units (account × region) collected at once. */
  concurrency?: number;
  onProgress?: (done: number, total: number, label: string) => void;
  now?: Date;
}

interface AccountAccess {
  account: string;
  credentials: AwsCredentials | undefined;
}

/** Collect every account and region into one snapshot, resources in a stable order. */
export async function collectAwsSnapshot(
  opts: CollectAwsOptions,
  collectors: readonly AwsServiceCollector[],
): Promise<CloudSnapshot> {
  if (opts.regions.length === 0) throw new AppError('USAGE', { reason: 'at least one region is needed' });
  const collectedAt = (opts.now ?? new Date()).toISOString();
  const home = opts.regions[0] as string;
  const gaps: CollectionGap[] = [];
  const base = clientConfig(opts, home, opts.credentials);
  const caller = await identity(base);
  const wanted = await accountList(opts, base, caller);
  const access: AccountAccess[] = [];
  for (const account of wanted) {
    if (account === caller) access.push({ account, credentials: opts.credentials });
    else {
      const credentials = await assumeInto(opts, base, account, gaps);
      if (credentials) access.push({ account, credentials });
    }
  }

  const chosen = collectors.filter((c) => opts.services === undefined || opts.services.includes(c.service));
  // A service left out is recorded as such, so that no check reads its absence as "none exist".
  for (const c of collectors.filter((x) => !chosen.includes(x)))
    for (const a of access)
      for (const region of c.scope === 'global' ? [GLOBAL_REGION] : opts.regions)
        if (
          !gaps.some(
            (g) => g.account === a.account && g.region === region && g.service === c.service && g.skipped,
          )
        )
          gaps.push({
            provider: 'aws',
            account: a.account,
            region,
            service: c.service,
            reason: 'not collected (--service left it out)',
            skipped: true,
          });
  const units = access.flatMap((a) => [
    { ...a, region: GLOBAL_REGION, collectors: chosen.filter((c) => c.scope === 'global') },
    ...opts.regions.map((region) => ({
      ...a,
      region,
      collectors: chosen.filter((c) => c.scope === 'regional'),
    })),
  ]);
  const resources: CloudResource[] = [];
  let done = 0;
  await forEachLimited(units, opts.concurrency ?? 4, async (unit) => {
    const clientRegion = unit.region === GLOBAL_REGION ? home : unit.region;
    const ctx = awsContext(
      {
        account: unit.account,
        region: unit.region,
        regions: opts.regions,
        client: clientConfig(opts, clientRegion, unit.credentials),
        now: new Date(collectedAt),
      },
      gaps,
    );
    for (const collector of unit.collectors) resources.push(...(await collector.collect(ctx)));
    done += 1;
    opts.onProgress?.(done, units.length, `${unit.account} ${unit.region}`);
  });

  return {
    provider: 'aws',
    collectedAt,
    accounts: access.map((a) => a.account).sort(),
    regions: [...opts.regions].sort(),
    resources: dedupe(resources),
    gaps: gaps.sort((a, b) => gapKey(a).localeCompare(gapKey(b))),
  };
}

function clientConfig(
  opts: CollectAwsOptions,
  region: string,
  credentials: AwsCredentials | undefined,
): AwsClientConfig {
  return {
    region,
    ...(credentials !== undefined && { credentials }),
    ...(opts.endpoint !== undefined && { endpoint: opts.endpoint, forcePathStyle: true }),
    ...(opts.maxAttempts !== undefined && { maxAttempts: opts.maxAttempts }),
    ...(opts.requestHandler !== undefined && { requestHandler: opts.requestHandler() }),
  };
}

// Runs an STS/Organizations call outside a collector: every failure stops the collection.
async function call<T>(operation: string, service: string, region: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const outcome = classifyAwsError(err, { account: '', region, service, operation });
    throw outcome === 'gap'
      ? new AppError('CLOUD_CREDENTIALS', { provider: 'aws', service, operation, reason: 'AccessDenied' })
      : outcome;
  }
}

async function identity(config: AwsClientConfig): Promise<string> {
  const sts = new STSClient(config);
  try {
    const out = await call('GetCallerIdentity', 'sts', config.region, () =>
      sts.send(new GetCallerIdentityCommand({})),
    );
    if (!out.Account) throw new AppError('CLOUD_API', { provider: 'aws', operation: 'GetCallerIdentity' });
    return out.Account;
  } finally {
    sts.destroy();
  }
}

async function accountList(
  opts: CollectAwsOptions,
  config: AwsClientConfig,
  caller: string,
): Promise<string[]> {
  const listed = new Set(opts.accounts ?? []);
  if (opts.organization) {
    const org = new OrganizationsClient(config);
    try {
      let NextToken: string | undefined;
      // ListAccounts pages with NextToken (Organizations API Reference); only ACTIVE accounts
      // can be entered — SUSPENDED ones cannot assume roles.
      do {
        const page = await call('ListAccounts', 'organizations', config.region, () =>
          org.send(new ListAccountsCommand({ ...(NextToken !== undefined && { NextToken }) })),
        );
        for (const a of page.Accounts ?? []) if (a.Id && (a.State ?? a.Status) === 'ACTIVE') listed.add(a.Id);
        NextToken = page.NextToken || undefined;
      } while (NextToken !== undefined);
    } finally {
      org.destroy();
    }
  }
  if (listed.size === 0) listed.add(caller);
  return [...listed].sort();
}

async function assumeInto(
  opts: CollectAwsOptions,
  config: AwsClientConfig,
  account: string,
  gaps: CollectionGap[],
): Promise<AwsCredentials | undefined> {
  const sts = new STSClient(config);
  const roleArn = `arn:${partitionOf(config.region)}:iam::${account}:role/${opts.roleName ?? DEFAULT_ROLE_NAME}`;
  try {
    const out = await sts.send(
      new AssumeRoleCommand({
        RoleArn: roleArn,
        RoleSessionName: 'patchwarden-collect',
        DurationSeconds: 3600,
        ...(opts.externalId !== undefined && { ExternalId: opts.externalId }),
      }),
    );
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey) {
      throw new AppError('CLOUD_API', {
        provider: 'aws',
        account,
        operation: 'AssumeRole',
        reason: 'no credentials',
      });
    }
    return {
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
      ...(c.SessionToken !== undefined && { sessionToken: c.SessionToken }),
      ...(c.Expiration !== undefined && { expiration: c.Expiration }),
    };
  } catch (err) {
    if (err instanceof AppError) throw err;
    const where = { account, region: config.region, service: 'sts', operation: 'AssumeRole' };
    const outcome = classifyAwsError(err, where);
    if (outcome !== 'gap') throw outcome;
    const reason = `AssumeRole ${roleArn}: ${err instanceof Error ? err.name : 'AccessDenied'} (account not collected)`;
    gaps.push({ provider: 'aws', account, region: GLOBAL_REGION, service: 'sts', reason });
    return undefined;
  } finally {
    sts.destroy();
  }
}

async function forEachLimited<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}

// Multi-region trails and global resources can be reported by several units: one row per id.
function dedupe(resources: CloudResource[]): CloudResource[] {
  const sorted = [...resources].sort(
    (a, b) =>
      a.account.localeCompare(b.account) ||
      a.type.localeCompare(b.type) ||
      a.id.localeCompare(b.id) ||
      a.region.localeCompare(b.region),
  );
  return sorted.filter((r, i) => i === 0 || sorted[i - 1]?.id !== r.id || sorted[i - 1]?.type !== r.type);
}

function gapKey(g: CollectionGap): string {
  return `${g.account}\u0000${g.region}\u0000${g.service}\u0000${g.reason}`;
}
