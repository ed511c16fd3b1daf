/**
 * Systems Manager collector (regional): every managed node (EC2 instances and hybrid `mi-…`
 * nodes alike) as an `AWS::SSM::ManagedInstanceInventory` item with its `AWS:Application`
 * inventory, and its patch state as an `AWS::SSM::PatchCompliance` item listing the individual
 * non-compliant patches (AWS Systems Manager API Reference: DescribeInstanceInformation,
 * DescribeInstancePatchStates, DescribeInstancePatches, ListInventoryEntries). Merging with the
 * EC2 instance happens later, in snapshot-assets.ts.
 *
 * Ids: Config names both items by the node (`resourceId` of a PatchCompliance item is
 * `AWS::SSM::ManagedInstanceInventory/<id>`) and documents no ARN for PatchCompliance, so we use
 * `arn:…:ssm:<region>:<account>:managed-instance-inventory/<id>` and
 * `arn:…:ssm:<region>:<account>:patch-compliance/<id>`; the resource name is the node id.
 */
import {
  type InstanceInformation,
  type InstancePatchState,
  ListInventoryEntriesCommand,
  type PatchComplianceData,
  paginateDescribeInstanceInformation,
  paginateDescribeInstancePatches,
  paginateDescribeInstancePatchStates,
  SSMClient,
} from '@aws-sdk/client-ssm';
import type { CloudResource } from '../../../../core/cloud.js';
import type { AwsContext, AwsServiceCollector } from '../context.js';
import { allPages, batches, cloudResource, configShape, regionalArn } from './compute-resource.js';
import {
  type ApplicationInventory,
  managedInstanceInventory,
  NON_COMPLIANT_STATES,
  nonCompliantCount,
  patchCompliance,
} from './ssm-config-items.js';

type Managed = InstanceInformation & { InstanceId: string };

export const ssmCollector: AwsServiceCollector = {
  service: 'ssm',
  scope: 'regional',
  async collect(ctx) {
    const ssm = new SSMClient(ctx.client);
    try {
      return await collectRegion(ssm, ctx);
    } finally {
      ssm.destroy();
    }
  },
};

async function collectRegion(ssm: SSMClient, ctx: AwsContext): Promise<CloudResource[]> {
  // DescribeInstanceInformation MaxResults 5–50.
  const infos = await ctx.guarded('ssm', 'DescribeInstanceInformation', () =>
    allPages(
      paginateDescribeInstanceInformation({ client: ssm, pageSize: 50 }, {}),
      (p) => p.InstanceInformationList,
    ),
  );
  if (infos === undefined) return [];
  const managed = infos.filter((i): i is Managed => Boolean(i.InstanceId));
  const ids = managed.map((m) => m.InstanceId);

  const states = await ctx.guarded('ssm', 'DescribeInstancePatchStates', () => patchStates(ssm, ids));
  const patches = new Map<string, PatchComplianceData[]>();
  // Only nodes whose summary counts non-compliant patches have any to list. Stop at the first
  // denial: the same policy denies every node (the gap says so once).
  await ctx.guarded('ssm', 'DescribeInstancePatches', async () => {
    for (const s of states ?? []) {
      if (s.InstanceId && nonCompliantCount(s) > 0)
        patches.set(s.InstanceId, await nonCompliant(ssm, s.InstanceId));
    }
  });
  const applications = new Map<string, ApplicationInventory>();
  await ctx.guarded('ssm', 'ListInventoryEntries', async () => {
    for (const id of ids) applications.set(id, await listApplications(ssm, id));
  });

  const out: CloudResource[] = managed.map((info) => {
    const id = info.InstanceId;
    const apps = applications.get(id);
    return cloudResource(ctx, {
      type: 'AWS::SSM::ManagedInstanceInventory',
      id: regionalArn(ctx, 'ssm', `managed-instance-inventory/${id}`),
      name: id,
      configuration: managedInstanceInventory(info, apps),
      supplementary: {
        instanceInformation: configShape(info),
        ...(apps?.captureTime !== undefined && { applicationsCaptureTime: apps.captureTime }),
      },
    });
  });
  for (const s of states ?? []) {
    if (!s.InstanceId) continue;
    out.push(
      cloudResource(ctx, {
        type: 'AWS::SSM::PatchCompliance',
        id: regionalArn(ctx, 'ssm', `patch-compliance/${s.InstanceId}`),
        name: s.InstanceId,
        configuration: patchCompliance(s, patches.get(s.InstanceId) ?? []),
        // The state counts (installed, missing, failed, pending reboot…) as the API gives them.
        supplementary: { patchState: configShape(s) },
      }),
    );
  }
  return out;
}

async function patchStates(ssm: SSMClient, ids: string[]): Promise<InstancePatchState[]> {
  const out: InstancePatchState[] = [];
  // InstanceIds: at most 50 per request; MaxResults 10–100 (DescribeInstancePatchStates).
  for (const InstanceIds of batches(ids, 50)) {
    const pages = paginateDescribeInstancePatchStates({ client: ssm, pageSize: 100 }, { InstanceIds });
    out.push(...(await allPages(pages, (p) => p.InstancePatchStates)));
  }
  return out;
}

// Filter values of one key are alternatives; MaxResults 10–100 (DescribeInstancePatches).
async function nonCompliant(ssm: SSMClient, InstanceId: string): Promise<PatchComplianceData[]> {
  const input = { InstanceId, Filters: [{ Key: 'State', Values: [...NON_COMPLIANT_STATES] }] };
  return allPages(paginateDescribeInstancePatches({ client: ssm, pageSize: 100 }, input), (p) => p.Patches);
}

async function listApplications(ssm: SSMClient, instanceId: string): Promise<ApplicationInventory> {
  const entries: Record<string, string>[] = [];
  let schemaVersion = '';
  let captureTime: string | undefined;
  let NextToken: string | undefined;
  // The SDK has no paginator for ListInventoryEntries (MaxResults 1–50): follow NextToken.
  do {
    const page = await ssm.send(
      new ListInventoryEntriesCommand({
        InstanceId: instanceId,
        TypeName: 'AWS:Application',
        MaxResults: 50,
        ...(NextToken !== undefined && { NextToken }),
      }),
    );
    entries.push(...(page.Entries ?? []));
    schemaVersion = page.SchemaVersion ?? schemaVersion;
    captureTime = page.CaptureTime ?? captureTime;
    NextToken = page.NextToken || undefined;
  } while (NextToken !== undefined);
  return { schemaVersion, entries, ...(captureTime !== undefined && { captureTime }) };
}
