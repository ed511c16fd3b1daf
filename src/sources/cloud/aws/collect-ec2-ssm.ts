/**
 * AWS EC2 + Systems Manager inventory collector (issue 4, source 3), using the AWS SDK for
 * JavaScript v3 clients. Per region: EC2 DescribeInstances (EC2 API Reference), then SSM
 * DescribeInstanceInformation, DescribeInstancePatchStates and ListInventoryEntries with
 * TypeName `AWS:Application` (AWS Systems Manager API Reference). Sightings of one instance are
 * merged into one asset by map-instance.ts.
 *
 * Credentials come from the SDK's default provider chain unless the caller passes some (tests
 * do); this file never reads environment variables. Throttling is retried by the SDK's standard
 * retry strategy (`maxAttempts`). Access denied on one service becomes a `gap` and collection
 * goes on with what the other services returned; any other failure is thrown.
 */
import {
  EC2Client,
  type EC2ClientConfig,
  type Instance,
  paginateDescribeInstances,
} from '@aws-sdk/client-ec2';
import {
  type InstanceInformation,
  type InstancePatchState,
  ListInventoryEntriesCommand,
  paginateDescribeInstanceInformation,
  paginateDescribeInstancePatchStates,
  SSMClient,
} from '@aws-sdk/client-ssm';
import { AppError } from '../../../core/errors.js';
import type { Extraction } from '../../../core/inventory.js';
import { type InstanceSighting, toExtraction } from './map-instance.js';

export interface CollectAwsOptions {
  regions: string[];
  /** Static credentials or a provider; omitted → the SDK's default provider chain. */
  credentials?: NonNullable<EC2ClientConfig['credentials']>;
  /** Override of the service endpoint, for the wire-level tests only. */
  endpoint?: string;
  /** Account id for ARNs; otherwise the EC2 reservation `ownerId`. */
  accountId?: string;
  /** SDK attempts per request, throttling retries included (SDK default 3). */
  maxAttempts?: number;
}

/** A part of the estate that could not be seen, and why: reported, never passed over. */
export interface CollectionGap {
  service: string;
  region: string;
  reason: string;
}

export interface AwsInventory {
  assets: Extraction[];
  gaps: CollectionGap[];
}

// Error names meaning "this principal may not call this API": EC2 answers UnauthorizedOperation
// (EC2 API Reference, "Error codes"), JSON 1.1 services AccessDeniedException.
const ACCESS_DENIED = new Set(['AccessDeniedException', 'AccessDenied', 'UnauthorizedOperation']);

/** Collect EC2 instances and their SSM inventory in every region, one asset per instance. */
export async function collectAwsInventory(opts: CollectAwsOptions): Promise<AwsInventory> {
  const assets: Extraction[] = [];
  const gaps: CollectionGap[] = [];
  for (const region of opts.regions) {
    const config = {
      region,
      ...(opts.credentials !== undefined && { credentials: opts.credentials }),
      ...(opts.endpoint !== undefined && { endpoint: opts.endpoint }),
      ...(opts.maxAttempts !== undefined && { maxAttempts: opts.maxAttempts }),
    };
    const ec2 = new EC2Client(config);
    const ssm = new SSMClient(config);
    try {
      const sightings = await collectRegion(ec2, ssm, region, opts.accountId, gaps);
      for (const s of sightings) assets.push(toExtraction(s));
    } finally {
      ec2.destroy();
      ssm.destroy();
    }
  }
  return { assets, gaps };
}

async function collectRegion(
  ec2: EC2Client,
  ssm: SSMClient,
  region: string,
  accountId: string | undefined,
  gaps: CollectionGap[],
): Promise<InstanceSighting[]> {
  // Runs one call; access denied is recorded as a gap (then `undefined`), anything else thrown.
  const guarded = async <T>(service: string, operation: string, call: () => Promise<T>) => {
    try {
      return await call();
    } catch (err) {
      const name = err instanceof Error ? err.name : 'UnknownError';
      if (ACCESS_DENIED.has(name)) {
        gaps.push({ service, region, reason: `${operation}: ${name}` });
        return undefined;
      }
      throw new AppError('INTERNAL', { service, region, operation, reason: name }, { cause: err });
    }
  };

  const instances = (await guarded('ec2', 'DescribeInstances', () => describeInstances(ec2))) ?? [];
  const owners = new Set(instances.map((i) => i.owner));
  const account = accountId ?? (owners.size === 1 ? [...owners][0] : undefined);
  const byId = new Map<string, InstanceSighting>();
  for (const { instance, owner } of instances) {
    if (instance.InstanceId === undefined) continue;
    byId.set(instance.InstanceId, {
      instanceId: instance.InstanceId,
      region,
      account: accountId ?? owner,
      ec2: instance,
    });
  }

  const infos = await guarded('ssm', 'DescribeInstanceInformation', () => describeInstanceInformation(ssm));
  if (infos === undefined) return [...byId.values()];
  const managed: InstanceSighting[] = [];
  let unplaced = 0;
  for (const info of infos) {
    if (info.InstanceId === undefined) continue;
    let s = byId.get(info.InstanceId);
    if (s === undefined && account !== undefined) {
      s = { instanceId: info.InstanceId, region, account };
      byId.set(info.InstanceId, s);
    }
    if (s === undefined) unplaced += 1;
    else managed.push(Object.assign(s, { info }));
  }
  if (unplaced > 0) {
    const reason = `${unplaced} managed instance(s) not seen by EC2 and account id unknown (pass accountId)`;
    gaps.push({ service: 'ssm', region, reason });
  }

  const ids = managed.map((s) => s.instanceId);
  const states = await guarded('ssm', 'DescribeInstancePatchStates', () => describePatchStates(ssm, ids));
  for (const state of states ?? []) {
    const s = state.InstanceId !== undefined ? byId.get(state.InstanceId) : undefined;
    if (s) s.patch = state;
  }
  // Stop after the first denial: the same policy denies every instance's inventory.
  await guarded('ssm', 'ListInventoryEntries', async () => {
    for (const s of managed) s.applications = await listApplications(ssm, s.instanceId);
  });
  return [...byId.values()];
}

async function describeInstances(ec2: EC2Client): Promise<{ instance: Instance; owner: string }[]> {
  const out: { instance: Instance; owner: string }[] = [];
  // MaxResults 5–1000 (EC2 API Reference, DescribeInstances); the paginator follows NextToken.
  for await (const page of paginateDescribeInstances({ client: ec2, pageSize: 1000 }, {})) {
    for (const r of page.Reservations ?? [])
      for (const instance of r.Instances ?? []) out.push({ instance, owner: r.OwnerId ?? '' });
  }
  return out;
}

async function describeInstanceInformation(ssm: SSMClient): Promise<InstanceInformation[]> {
  const out: InstanceInformation[] = [];
  // MaxResults 5–50 (SSM API Reference, DescribeInstanceInformation).
  for await (const page of paginateDescribeInstanceInformation({ client: ssm, pageSize: 50 }, {})) {
    out.push(...(page.InstanceInformationList ?? []));
  }
  return out;
}

async function describePatchStates(ssm: SSMClient, ids: string[]): Promise<InstancePatchState[]> {
  const out: InstancePatchState[] = [];
  // InstanceIds: at most 50 per request (SSM API Reference, DescribeInstancePatchStates).
  for (let i = 0; i < ids.length; i += 50) {
    const InstanceIds = ids.slice(i, i + 50);
    for await (const page of paginateDescribeInstancePatchStates(
      { client: ssm, pageSize: 50 },
      { InstanceIds },
    )) {
      out.push(...(page.InstancePatchStates ?? []));
    }
  }
  return out;
}

async function listApplications(ssm: SSMClient, instanceId: string): Promise<Record<string, string>[]> {
  const out: Record<string, string>[] = [];
  let NextToken: string | undefined;
  // The SDK has no paginator for ListInventoryEntries: follow NextToken until it is absent.
  do {
    const page = await ssm.send(
      new ListInventoryEntriesCommand({
        InstanceId: instanceId,
        TypeName: 'AWS:Application',
        MaxResults: 50,
        ...(NextToken !== undefined && { NextToken }),
      }),
    );
    out.push(...(page.Entries ?? []));
    NextToken = page.NextToken || undefined;
  } while (NextToken !== undefined);
  return out;
}
