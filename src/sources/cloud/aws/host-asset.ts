/**
 * One `host` asset per machine from the snapshot items that describe it: the EC2 instance, its
 * SSM managed-instance inventory and its patch compliance (issue 4: "an EC2 instance seen by EC2
 * and SSM is one asset"). Pure. Items are joined on (account, region, node id), never on their
 * ids: a live collection and an AWS Config snapshot name the SSM items differently.
 *
 * Reads Config's spellings (EC2 items camel-cased; SSM items in the inventory schema), so both
 * sources give the same hosts. A managed node EC2 did not report (a hybrid `mi-…` node, or EC2
 * not readable) is still a host; an instance without SSM is a host without components.
 */
import type { CloudResource } from '../../../core/cloud.js';
import type { Extraction } from '../../../core/inventory.js';
import { partitionOf } from './context.js';
import { applicationEntries } from './services/ssm-config-items.js';
import { applicationComponents, type Platform } from './ssm-applications.js';

type Obj = Record<string, unknown>;

interface Machine {
  nodeId: string;
  account: string;
  region: string;
  ec2?: CloudResource;
  inventory?: CloudResource;
  patch?: CloudResource;
}

const HOST_TYPES = {
  'AWS::EC2::Instance': 'ec2',
  'AWS::SSM::ManagedInstanceInventory': 'inventory',
  'AWS::SSM::PatchCompliance': 'patch',
} as const;

function obj(v: unknown): Obj | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** The EC2 or SSM node id (`i-…`, `mi-…`) an item is about, from its configuration, name or id. */
export function nodeIdOf(r: CloudResource): string | undefined {
  const own = str(r.configuration.instanceId);
  if (own) return own;
  const pattern = /(?:^|[/:])((?:i|mi)-[0-9a-zA-Z]+)$/;
  return pattern.exec(r.name)?.[1] ?? pattern.exec(r.id)?.[1];
}

const key = (account: string, region: string, id: string) => `${account}\u0000${region}\u0000${id}`;

/** Subnet publicity (`supplementary.public`) by account, region and subnet id, where known. */
function subnetPublicity(resources: readonly CloudResource[]): Map<string, boolean> {
  const out = new Map<string, boolean>();
  for (const r of resources) {
    const id = str(r.configuration.subnetId);
    if (r.type === 'AWS::EC2::Subnet' && id && typeof r.supplementary.public === 'boolean') {
      out.set(key(r.account, r.region, id), r.supplementary.public);
    }
  }
  return out;
}

/** Host assets of every machine in the resources, in externalId order. */
export function hostAssets(resources: readonly CloudResource[]): Extraction[] {
  const machines = new Map<string, Machine>();
  for (const r of resources) {
    const slot = HOST_TYPES[r.type as keyof typeof HOST_TYPES];
    const nodeId = slot ? nodeIdOf(r) : undefined;
    if (!slot || !nodeId) continue;
    const k = key(r.account, r.region, nodeId);
    const m = machines.get(k) ?? { nodeId, account: r.account, region: r.region };
    m[slot] = r;
    machines.set(k, m);
  }
  const publicity = subnetPublicity(resources);
  return [...machines.values()]
    .map((m) => hostAsset(m, publicity))
    .sort((a, b) => a.asset.externalId.localeCompare(b.asset.externalId));
}

function ec2Tags(c: Obj, supplementary: Obj, tags: Record<string, string>): void {
  const put = (k: string, v: unknown) => {
    const s = str(v);
    if (s) tags[k] = s;
  };
  put('ec2:amiId', c.imageId);
  put('ec2:amiCreated', obj(supplementary.image)?.creationDate);
  put('ec2:launchTime', c.launchTime);
  put('ec2:platform', c.platformDetails);
  put('ec2:state', obj(c.state)?.name);
  // IMDSv2 is enforced only when HttpTokens is `required` (EC2 InstanceMetadataOptionsResponse).
  tags['ec2:imdsv2'] = obj(c.metadataOptions)?.httpTokens === 'required' ? 'required' : 'optional';
}

function instanceInformation(inventory: CloudResource | undefined, nodeId: string): Obj | undefined {
  const content = obj(obj(inventory?.configuration['AWS:InstanceInformation'])?.Content);
  return obj(content?.[nodeId]) ?? obj(Object.values(content ?? {})[0]);
}

// Counts from the API's patch state when collected live; from the patch items of a Config item.
function patchTags(patch: CloudResource, tags: Record<string, string>): void {
  const items = obj(obj(obj(patch.configuration['AWS:ComplianceItem'])?.Content)?.Patch) ?? {};
  const state = obj(patch.supplementary.patchState);
  const counted = (stateName: string) =>
    Object.entries(items).filter(([k, v]) => k !== 'ComplianceSummary' && obj(v)?.PatchState === stateName)
      .length;
  const count = (field: string, stateName: string) => {
    const n = state?.[field];
    return String(typeof n === 'number' ? n : counted(stateName));
  };
  tags['ssm:patch:installed'] = count('installedCount', 'Installed');
  tags['ssm:patch:missing'] = count('missingCount', 'Missing');
  tags['ssm:patch:failed'] = count('failedCount', 'Failed');
  const status = str(obj(items.ComplianceSummary)?.Status);
  if (status) tags['ssm:patch:status'] = status;
}

function hostAsset(m: Machine, publicity: Map<string, boolean>): Extraction {
  const c = m.ec2?.configuration ?? {};
  const tags: Record<string, string> = { ...(m.ec2?.tags ?? {}) };
  if (m.ec2) ec2Tags(c, m.ec2.supplementary, tags);
  const subnetId = str(c.subnetId);
  const subnetPublic = subnetId ? publicity.get(key(m.account, m.region, subnetId)) : undefined;
  if (subnetPublic !== undefined) tags['ec2:subnetPublic'] = String(subnetPublic);

  const info = instanceInformation(m.inventory, m.nodeId);
  const platform: Platform | undefined = info
    ? {
        PlatformName: str(info.PlatformName),
        PlatformType: str(info.PlatformType),
        PlatformVersion: str(info.PlatformVersion),
      }
    : undefined;
  if (platform?.PlatformName) tags['os:name'] = platform.PlatformName;
  if (platform?.PlatformVersion) tags['os:version'] = platform.PlatformVersion;
  if (platform?.PlatformType) tags['os:type'] = platform.PlatformType;
  if (m.inventory) tags['ssm:managed'] = 'true';
  if (m.patch) patchTags(m.patch, tags);

  const entries = applicationEntries(obj(m.inventory?.configuration['AWS:Application'])?.Content);
  const { components, rejected } = applicationComponents(entries, platform, m.nodeId);

  // Hybrid managed nodes (`mi-…`) are SSM resources, not EC2 ones (SSM ARN formats).
  const partition = partitionOf(m.region);
  const externalId = m.nodeId.startsWith('mi-')
    ? `arn:${partition}:ssm:${m.region}:${m.account}:managed-instance/${m.nodeId}`
    : (m.ec2?.id ?? `arn:${partition}:ec2:${m.region}:${m.account}:instance/${m.nodeId}`);
  const asset: Extraction['asset'] = {
    externalId,
    name: tags.Name || str(info?.ComputerName) || m.nodeId,
    kind: 'host',
    provider: 'aws',
    account: m.account,
    region: m.region,
    tags,
  };
  // A public IPv4 address exposes the host (subject to its SGs/NACLs) unless its subnet is known
  // to have no internet route: then the address cannot be reached from the internet.
  if (m.ec2) asset.internetExposed = Boolean(str(c.publicIpAddress)) && subnetPublic !== false;
  return { asset, components, rejected };
}
