/**
 * Pure mapping from what EC2 and Systems Manager report about one instance to the inventory model
 * (core/inventory.ts). No SDK calls here: collect-ec2-ssm.ts gathers the sightings, this file
 * merges them into one Extraction per instance (issue 4: "an EC2 instance seen by EC2 and SSM is
 * one asset"). Field names follow the EC2 `Instance` and SSM `InstanceInformation`,
 * `InstancePatchState` and `AWS:Application` inventory shapes of the AWS API references.
 */
import type { Instance } from '@aws-sdk/client-ec2';
import type { InstanceInformation, InstancePatchState } from '@aws-sdk/client-ssm';
import { PackageURL } from 'packageurl-js';
import type { ComponentRecord, Extraction, Rejected } from '../../../core/inventory.js';
import { parsePurl } from '../../purl.js';

/** Everything seen about one instance in one region; any part may be missing. */
export interface InstanceSighting {
  instanceId: string;
  region: string;
  account: string;
  ec2?: Instance;
  info?: InstanceInformation;
  patch?: InstancePatchState;
  /** `AWS:Application` inventory entries (ListInventoryEntries `Entries`), when collected. */
  applications?: Record<string, string>[];
}

/** How installed applications of a platform are spelt as purls: type and distro namespace. */
export interface PackageFlavour {
  type: 'rpm' | 'deb' | 'generic';
  namespace?: string;
  /** Purl `distro` qualifier prefix (`amzn` → `amzn-2023`), so parsePurl can fix the release. */
  distroPrefix?: string;
}

// SSM `PlatformName` values as the agent reports them (DescribeInstanceInformation examples:
// "Amazon Linux", "Ubuntu", "Microsoft Windows Server 2019 Datacenter"); namespaces per
// PURL-TYPES.rst (rpm: amzn, redhat, centos, rocky, almalinux, suse; deb: debian, ubuntu).
const LINUX_FLAVOURS: [RegExp, PackageFlavour][] = [
  [/^amazon linux/i, { type: 'rpm', namespace: 'amzn', distroPrefix: 'amzn' }],
  [/^red hat/i, { type: 'rpm', namespace: 'redhat', distroPrefix: 'rhel' }],
  [/^centos/i, { type: 'rpm', namespace: 'centos', distroPrefix: 'centos' }],
  [/^rocky/i, { type: 'rpm', namespace: 'rocky', distroPrefix: 'rocky' }],
  [/^almalinux/i, { type: 'rpm', namespace: 'almalinux', distroPrefix: 'almalinux' }],
  [/^suse|^sles/i, { type: 'rpm', namespace: 'suse', distroPrefix: 'sles' }],
  [/^ubuntu/i, { type: 'deb', namespace: 'ubuntu', distroPrefix: 'ubuntu' }],
  [/^debian/i, { type: 'deb', namespace: 'debian', distroPrefix: 'debian' }],
];

/** The package flavour a platform implies, or undefined when the platform does not tell. */
export function packageFlavour(info: InstanceInformation | undefined): PackageFlavour | undefined {
  if (info === undefined) return undefined;
  if (info.PlatformType === 'Windows') return { type: 'generic' };
  const name = info.PlatformName ?? '';
  return LINUX_FLAVOURS.find(([re]) => re.test(name))?.[1];
}

/** One `AWS:Application` entry → a component, or the reason it could not be one. */
export function applicationComponent(
  entry: Record<string, string>,
  flavour: PackageFlavour,
  platformVersion: string | undefined,
  ref: string,
): ComponentRecord | Rejected {
  const name = entry.Name?.trim();
  if (!name) return { ref, reason: 'AWS:Application entry has no Name' };
  // rpm and deb versions: the inventory splits version and release as `rpm -q` does.
  const version = entry.Version
    ? entry.Release
      ? `${entry.Version}-${entry.Release}`
      : entry.Version
    : null;
  const qualifiers: Record<string, string> = {};
  if (flavour.type !== 'generic') {
    if (entry.Architecture) qualifiers.arch = entry.Architecture;
    if (entry.Epoch && !/^0*$/.test(entry.Epoch)) qualifiers.epoch = entry.Epoch;
    if (flavour.distroPrefix && platformVersion)
      qualifiers.distro = `${flavour.distroPrefix}-${platformVersion}`;
  }
  let purl: string;
  try {
    purl = new PackageURL(
      flavour.type,
      flavour.namespace,
      name,
      version ?? undefined,
      Object.keys(qualifiers).length > 0 ? qualifiers : undefined,
      undefined,
    ).toString();
  } catch {
    return { ref, reason: 'AWS:Application entry does not form a valid package URL' };
  }
  try {
    const info = parsePurl(purl);
    const component: ComponentRecord = { purl, ecosystem: info.ecosystem, name: info.name, version, ref };
    if (info.distroRelease !== undefined) component.distroRelease = info.distroRelease;
    return component;
  } catch (err) {
    return { ref, reason: err instanceof Error ? err.message : 'invalid package URL' };
  }
}

/** ARN partition of a region (ARN format: docs "Amazon Resource Names (ARNs)"). */
export function partitionOf(region: string): string {
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('cn-')) return 'aws-cn';
  return 'aws';
}

/** Merge the EC2 and SSM sightings of one instance into one asset with its components. */
export function toExtraction(s: InstanceSighting): Extraction {
  const tags: Record<string, string> = {};
  for (const t of s.ec2?.Tags ?? []) if (t.Key !== undefined) tags[t.Key] = t.Value ?? '';
  const ec2 = s.ec2;
  if (ec2?.ImageId) tags['ec2:amiId'] = ec2.ImageId;
  if (ec2?.LaunchTime) tags['ec2:launchTime'] = ec2.LaunchTime.toISOString();
  if (ec2?.PlatformDetails) tags['ec2:platform'] = ec2.PlatformDetails;
  if (ec2?.State?.Name) tags['ec2:state'] = ec2.State.Name;
  // IMDSv2 is enforced only when HttpTokens is `required` (EC2 InstanceMetadataOptionsResponse).
  if (ec2) tags['ec2:imdsv2'] = ec2.MetadataOptions?.HttpTokens === 'required' ? 'required' : 'optional';
  const info = s.info;
  if (info?.PlatformName) tags['os:name'] = info.PlatformName;
  if (info?.PlatformVersion) tags['os:version'] = info.PlatformVersion;
  if (info?.PlatformType) tags['os:type'] = info.PlatformType;
  if (info) tags['ssm:managed'] = 'true';
  if (s.patch) {
    tags['ssm:patch:installed'] = String(s.patch.InstalledCount ?? 0);
    tags['ssm:patch:missing'] = String(s.patch.MissingCount ?? 0);
    tags['ssm:patch:failed'] = String(s.patch.FailedCount ?? 0);
  }

  const components: ComponentRecord[] = [];
  const rejected: Rejected[] = [];
  const flavour = packageFlavour(info);
  s.applications?.forEach((entry, i) => {
    const ref = `${s.instanceId}/AWS:Application/${i}`;
    if (flavour === undefined) {
      rejected.push({
        ref,
        reason: `platform ${info?.PlatformName ?? 'unknown'} does not tell the package type`,
      });
      return;
    }
    const r = applicationComponent(entry, flavour, info?.PlatformVersion, ref);
    if ('purl' in r) components.push(r);
    else rejected.push(r);
  });

  // Hybrid managed instances (`mi-…`) are SSM resources, not EC2 ones (SSM ARN formats).
  const externalId = s.instanceId.startsWith('mi-')
    ? `arn:${partitionOf(s.region)}:ssm:${s.region}:${s.account}:managed-instance/${s.instanceId}`
    : `arn:${partitionOf(s.region)}:ec2:${s.region}:${s.account}:instance/${s.instanceId}`;
  const asset: Extraction['asset'] = {
    externalId,
    name: tags.Name || info?.ComputerName || s.instanceId,
    kind: 'host',
    provider: 'aws',
    account: s.account,
    region: s.region,
    tags,
  };
  // A public IPv4 address makes the host reachable from the internet (subject to its SGs/NACLs).
  if (ec2) asset.internetExposed = Boolean(ec2.PublicIpAddress);
  return { asset, components, rejected };
}
