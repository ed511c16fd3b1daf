/**
 * SSM `AWS:Application` inventory entries → components with package URLs. The platform decides
 * the purl type: rpm or deb with the distro namespace and a `distro` qualifier on Linux, generic
 * on Windows, and nothing (the entry is rejected, naming the platform) when the platform does not
 * tell. Pure; used by snapshot-assets.ts for hosts.
 */
import { PackageURL } from 'packageurl-js';
import type { ComponentRecord, Rejected } from '../../../core/inventory.js';
import { parsePurl } from '../../purl.js';

/** How installed applications of a platform are spelt as purls: type and distro namespace. */
export interface PackageFlavour {
  type: 'rpm' | 'deb' | 'generic';
  namespace?: string;
  /** Purl `distro` qualifier prefix (`amzn` → `amzn-2023`), so parsePurl can fix the release. */
  distroPrefix?: string;
}

/** The platform attributes of SSM's AWS:InstanceInformation that decide the flavour. */
export interface Platform {
  PlatformName?: string | undefined;
  PlatformType?: string | undefined;
  PlatformVersion?: string | undefined;
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
export function packageFlavour(platform: Platform | undefined): PackageFlavour | undefined {
  if (platform === undefined) return undefined;
  if (platform.PlatformType === 'Windows') return { type: 'generic' };
  const name = platform.PlatformName ?? '';
  return LINUX_FLAVOURS.find(([re]) => re.test(name))?.[1];
}

// A fleet runs the same packages on many hosts (one AMI, one patch baseline), and building and
// parsing the purl is the costly part: each distinct package is built once, bounded in memory.
const MEMO_LIMIT = 200_000;
const memo = new Map<string, Omit<ComponentRecord, 'ref'> | string>();

/** One `AWS:Application` entry → a component, or the reason it could not be one. */
export function applicationComponent(
  entry: Record<string, string>,
  flavour: PackageFlavour,
  platformVersion: string | undefined,
  ref: string,
): ComponentRecord | Rejected {
  const key = [
    flavour.type,
    flavour.namespace,
    flavour.distroPrefix,
    platformVersion,
    entry.Name,
    entry.Version,
    entry.Release,
    entry.Epoch,
    entry.Architecture,
  ].join('\u0000');
  let hit = memo.get(key);
  if (hit === undefined) {
    const built = buildApplicationComponent(entry, flavour, platformVersion, '');
    hit = 'purl' in built ? (({ ref: _, ...rest }) => rest)(built) : built.reason;
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, hit);
  }
  return typeof hit === 'string' ? { ref, reason: hit } : { ...hit, ref };
}

function buildApplicationComponent(
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

/** Components of one node's applications; `refBase` prefixes each entry's index. */
export function applicationComponents(
  entries: readonly Record<string, string>[],
  platform: Platform | undefined,
  refBase: string,
): { components: ComponentRecord[]; rejected: Rejected[] } {
  const components: ComponentRecord[] = [];
  const rejected: Rejected[] = [];
  const flavour = packageFlavour(platform);
  entries.forEach((entry, i) => {
    const ref = `${refBase}/AWS:Application/${i}`;
    if (flavour === undefined) {
      rejected.push({
        ref,
        reason: `platform ${platform?.PlatformName ?? 'unknown'} does not tell the package type`,
      });
      return;
    }
    const r = applicationComponent(entry, flavour, platform?.PlatformVersion, ref);
    if ('purl' in r) components.push(r);
    else rejected.push(r);
  });
  return { components, rejected };
}
