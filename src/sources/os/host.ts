/**
 * What the three OS package adapters share: finding the os-release that goes with a package
 * database, and turning a package into a purl and ComponentRecord that purl.ts maps back to the
 * same ecosystem, source package and release. See readme.md "Which distro release".
 */
import { lstat, readFile, readlink, realpath } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { PackageURL } from 'packageurl-js';
import { sha256Hex } from '../../core/digest.js';
import { AppError } from '../../core/errors.js';
import type { AssetRecord, ComponentRecord, Extraction, Rejected } from '../../core/inventory.js';
import { tooLarge } from '../../io/read-bounded.js';
import { type OsPurlType, osPurlEcosystem, osvRelease } from '../distro.js';
import { versionWithEpoch } from '../purl.js';
import type { SourceInput } from '../types.js';
import { type Distro, distroOf, parseOsRelease } from './os-release.js';

/** os-release(5): read /etc/os-release, falling back to /usr/lib/os-release. */
const OS_RELEASE_PATHS = ['etc/os-release', 'usr/lib/os-release'];
const MAX_OS_RELEASE_BYTES = 64 * 1024;

/**
 * The distro of the host a package database came from: when `input.file` is the database at its
 * standard path inside a root filesystem (`<root>/var/lib/dpkg/status`), that root's os-release;
 * otherwise an `os-release` file beside the input. Undefined when there is none — the release is
 * never guessed. Only consulted when the file on disk holds exactly `input.text`, so an upload
 * that merely carries such a name cannot make the server read (and apply) its own os-release.
 */
export async function hostDistro(
  input: SourceInput,
  layouts: readonly string[],
): Promise<Distro | undefined> {
  const path = resolve(input.file);
  if (!(await sameText(path, input.text))) return undefined;
  const suffix = layouts.find((l) => path.endsWith(`${sep}${l}`));
  const found = suffix
    ? await firstInRoot(path.slice(0, path.length - suffix.length), OS_RELEASE_PATHS)
    : await firstInRoot(dirname(path), ['os-release']);
  return found && distroOf(parseOsRelease(found.text, found.file));
}

async function sameText(path: string, text: string): Promise<boolean> {
  try {
    return (await readFile(path, 'utf8')).replace(/^\uFEFF/, '') === text.replace(/^\uFEFF/, '');
  } catch {
    return false;
  }
}

async function firstInRoot(root: string, paths: readonly string[]) {
  for (const p of paths) {
    const found = await readInRoot(root, p);
    if (found) return found;
  }
  return undefined;
}

// Follow symlinks as if `root` were `/`: an extracted image's /etc/os-release is often a link to
// `../usr/lib/os-release`, sometimes an absolute one, which must not resolve to the scanning
// machine's own file. The final real path must stay inside the root.
async function readInRoot(root: string, rel: string): Promise<{ file: string; text: string } | undefined> {
  let path = join(root, rel);
  for (let hops = 0; hops < 16; hops++) {
    const stat = await lstat(path).catch(() => undefined);
    if (stat === undefined) return undefined;
    if (stat.isSymbolicLink()) {
      const target = await readlink(path).catch(() => undefined);
      if (target === undefined) return undefined;
      path = isAbsolute(target) ? join(root, target) : resolve(dirname(path), target);
      continue;
    }
    if (!stat.isFile()) return undefined;
    const [realRoot, realPath] = await Promise.all([realpath(root), realpath(path)]);
    const inside = relative(realRoot, realPath);
    if (inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return undefined;
    if (stat.size > MAX_OS_RELEASE_BYTES) throw tooLarge(path, stat.size, MAX_OS_RELEASE_BYTES);
    const text = await readFile(path, 'utf8').catch((err: unknown) => {
      throw new AppError(
        'INPUT_UNREADABLE',
        { file: path, reason: 'os-release could not be read' },
        { cause: err },
      );
    });
    return { file: path, text };
  }
  return undefined;
}

/**
 * The host asset: `os:<ID>-<VERSION_ID>:<sha256 prefix of the package list>`. A package list
 * names no host, so two snapshots of one host are two assets unless the importer names the host
 * (`--asset-id`); the digest at least makes re-importing the same file land on the same asset.
 */
export function hostAsset(input: SourceInput, distro: Distro | undefined): AssetRecord {
  const digest = sha256Hex(input.text).slice(0, 16);
  const os = distro ? (distro.versionId ? `${distro.id}-${distro.versionId}` : distro.id) : 'unknown';
  return {
    externalId: `os:${os}:${digest}`,
    name: distro ? distro.prettyName : basename(input.file),
    kind: 'host',
    tags: {},
  };
}

// Purl namespace = the vendor (PURL-TYPES.rst); os-release IDs that Trivy and OS_PURL_NAMESPACES
// spell differently. Without an os-release a deb is Debian's and an apk Alpine's format, so the
// packages keep an ecosystem and are reported as "unknown release"; rpm is shared by Red Hat,
// SUSE, Amazon, Oracle… whose advisories do not transfer, so it gets no vendor at all.
const VENDORS: Record<string, string> = {
  rhel: 'redhat',
  ol: 'oracle',
  amzn: 'amazon',
  'opensuse-leap': 'opensuse',
  'opensuse-tumbleweed': 'opensuse',
  sles: 'suse',
  sled: 'suse',
};
const DEFAULT_VENDOR: Record<OsPurlType, string | undefined> = {
  deb: 'debian',
  apk: 'alpine',
  rpm: undefined,
};

/** One installed OS package, as its adapter read it. */
export interface OsPackage {
  type: OsPurlType;
  name: string;
  /** Purl version: dpkg `[epoch:]upstream-revision`, rpm `version-release`, apk `x.y.z-rN`. */
  version: string;
  arch?: string;
  /** rpm EPOCH (a purl qualifier, PURL-TYPES.rst "rpm"). */
  epoch?: string;
  /** Source package: the purl `upstream` qualifier as purl.ts reads it back. */
  upstream?: string;
  sourceName?: string;
  sourceVersion?: string;
  /** Stable identity inside the database (`libc6:amd64`, rpm NEVRA, apk name): the record's ref. */
  ref: string;
  /** Line the package starts on, for rejections. */
  line: number;
}

/** Purl and ComponentRecord for a package on a host of `distro` (undefined: release unknown). */
export function osComponent(pkg: OsPackage, distro: Distro | undefined): ComponentRecord {
  const namespace = distro ? (VENDORS[distro.id] ?? distro.id) : DEFAULT_VENDOR[pkg.type];
  const qualifiers: Record<string, string> = {};
  if (pkg.arch) qualifiers.arch = pkg.arch;
  if (pkg.epoch) qualifiers.epoch = pkg.epoch;
  if (distro?.qualifier) qualifiers.distro = distro.qualifier;
  if (pkg.upstream) qualifiers.upstream = pkg.upstream;
  const purl = new PackageURL(pkg.type, namespace, pkg.name, pkg.version, qualifiers, undefined).toString();
  const ecosystem = osPurlEcosystem(pkg.type, namespace);
  const record: ComponentRecord = {
    purl,
    ecosystem,
    name: pkg.name,
    version: versionWithEpoch({ version: pkg.version, ...(pkg.epoch ? { epoch: pkg.epoch } : {}) }),
    ref: pkg.ref,
  };
  if (pkg.sourceName) record.sourceName = pkg.sourceName;
  if (pkg.sourceVersion) record.sourceVersion = pkg.sourceVersion;
  // The same derivation purl.ts applies to the `distro` qualifier, so the record and its purl agree.
  const release = ecosystem && distro?.qualifier ? osvRelease(ecosystem, distro.qualifier) : undefined;
  if (release) record.distroRelease = release;
  return record;
}

/** Where a record sits in a text input, for `Rejected.ref`: `<name> (line N)` or `line N`. */
export function lineRef(line: number, name?: string): string {
  return name ? `${name} (line ${line})` : `line ${line}`;
}

/**
 * The extraction of one package database: every package a component, in file order, except a
 * repeated purl (one component per package identity), which is rejected as a duplicate.
 */
export function assemble(
  input: SourceInput,
  distro: Distro | undefined,
  read: ReadonlyArray<OsPackage | Rejected>,
): Extraction {
  const components: ComponentRecord[] = [];
  const rejected: Rejected[] = [];
  const seen = new Set<string>();
  for (const r of read) {
    if (!('type' in r)) {
      rejected.push(r);
      continue;
    }
    const component = osComponent(r, distro);
    if (seen.has(component.purl)) {
      rejected.push({ ref: lineRef(r.line, r.ref), reason: 'duplicate' });
      continue;
    }
    seen.add(component.purl);
    components.push(component);
  }
  return { asset: hostAsset(input, distro), components, rejected };
}
