/**
 * Package URLs (github.com/package-url/purl-spec) → the coordinates OSV advisories use: the OSV
 * ecosystem name and the package name spelt as that ecosystem's advisories spell it. Parsing and
 * validation are packageurl-js's; the mapping follows PURL-TYPES.rst and the OSV schema's
 * "affected[].package" section. A purl type with no OSV ecosystem yields `ecosystem: null`: the
 * package stays in the inventory but cannot be matched against OSV.
 */
import { PackageURL } from 'packageurl-js';
import { AppError } from '../core/errors.js';
import { normalizePypiName } from '../versioning/pypi/index.js';
import { isOsPurlType, osPurlEcosystem, osvRelease } from './distro.js';

/** What a purl says, in OSV's terms. */
export interface PurlInfo {
  /** Purl type as parsed (lower case): `npm`, `deb`, `generic`, … */
  type: string;
  /** OSV ecosystem (`npm`, `PyPI`, `Debian`, …) or null when OSV has none for this type. */
  ecosystem: string | null;
  /** Package name as the ecosystem's advisories spell it. */
  name: string;
  /** Version exactly as the purl gives it (no epoch added), or null. */
  version: string | null;
  qualifiers: Readonly<Record<string, string>>;
  /** Source package of an OS binary package (`upstream` qualifier). */
  sourceName?: string;
  sourceVersion?: string;
  /** Package epoch (`epoch` qualifier, rpm and Trivy's deb purls). */
  epoch?: string;
  /** Ecosystem with release, e.g. `Debian:12`, from the `distro` qualifier. */
  distroRelease?: string;
}

/** Language purl types whose OSV name is the purl name, with or without `namespace/` in front. */
const PLAIN: Record<string, { ecosystem: string; withNamespace: boolean }> = {
  nuget: { ecosystem: 'NuGet', withNamespace: false },
  gem: { ecosystem: 'RubyGems', withNamespace: false },
  cargo: { ecosystem: 'crates.io', withNamespace: false },
  // Hex's namespace is a private organisation; public advisories name the package alone.
  hex: { ecosystem: 'Hex', withNamespace: false },
  pub: { ecosystem: 'Pub', withNamespace: false },
  cran: { ecosystem: 'CRAN', withNamespace: false },
  hackage: { ecosystem: 'Hackage', withNamespace: false },
  // ConanCenter recipes are named without the conan user/channel namespace.
  conan: { ecosystem: 'ConanCenter', withNamespace: false },
  bitnami: { ecosystem: 'Bitnami', withNamespace: false },
  // OSV's SwiftURL names are the repository path: `github.com/apple/swift-nio`.
  swift: { ecosystem: 'SwiftURL', withNamespace: true },
  githubactions: { ecosystem: 'GitHub Actions', withNamespace: true },
};

/**
 * Parse a purl and map it to OSV coordinates; an invalid purl throws AppError INPUT_SCHEMA with
 * the parser's reason (callers add the file and pointer, or reject the one component).
 */
export function parsePurl(purl: string): PurlInfo {
  let parsed: PackageURL;
  let raw: ReturnType<typeof PackageURL.parseString>;
  const text = protectPlus(purl);
  try {
    parsed = PackageURL.fromString(text);
    // fromString applies the per-type normalisation (lower-casing npm names, `_`→`-` for PyPI);
    // parseString keeps the components as written, which we need where case is significant.
    raw = PackageURL.parseString(text);
  } catch (err) {
    throw new AppError('INPUT_SCHEMA', { reason: invalidReason(err) }, { cause: err });
  }
  const type = parsed.type;
  const namespace = raw[1] ?? undefined;
  const rawName = raw[2] ?? parsed.name;
  const qualifiers: Record<string, string> = { ...(parsed.qualifiers ?? {}) };
  const info: PurlInfo = {
    type,
    ...osvCoordinates(type, namespace, rawName, parsed),
    version: parsed.version ?? null,
    qualifiers,
  };
  const epoch = qualifiers.epoch;
  if (epoch) info.epoch = epoch;
  if (isOsPurlType(type) || type === 'alpine') {
    Object.assign(info, upstream(type, qualifiers.upstream));
    const distro = qualifiers.distro;
    const release = distro && info.ecosystem ? osvRelease(info.ecosystem, distro) : undefined;
    if (release !== undefined) info.distroRelease = release;
  }
  return info;
}

function osvCoordinates(
  type: string,
  namespace: string | undefined,
  name: string,
  parsed: PackageURL,
): { ecosystem: string | null; name: string } {
  const joined = namespace ? `${namespace}/${name}` : name;
  switch (type) {
    case 'npm': {
      // The scope is the namespace; it is percent-encoded as `%40scope` in canonical purls and
      // decoded here. npm names keep their case: legacy packages such as `JSONStream` exist.
      if (!namespace) return { ecosystem: 'npm', name };
      const scope = namespace.startsWith('@') ? namespace : `@${namespace}`;
      return { ecosystem: 'npm', name: `${scope}/${name}` };
    }
    case 'pypi':
      // PEP 503 normalisation: PyPI treats `Foo_Bar.baz` and `foo-bar-baz` as one project.
      return { ecosystem: 'PyPI', name: normalizePypiName(name) };
    case 'golang':
      // The Go module path is namespace + '/' + name; paths are case-sensitive (go.mod).
      return { ecosystem: 'Go', name: joined };
    case 'maven':
      return { ecosystem: 'Maven', name: namespace ? `${namespace}:${name}` : name };
    case 'composer':
      // Packagist names are `vendor/package`, always lower case (Composer normalises them).
      return { ecosystem: 'Packagist', name: joined.toLowerCase() };
    case 'deb':
    case 'rpm':
    case 'apk':
      return { ecosystem: osPurlEcosystem(type, namespace), name: parsed.name };
    case 'alpine':
      // Not a registered purl type: Syft before 0.40 wrote `pkg:alpine/<name>` for apk packages
      // (grype's alpine.cdx.att.json fixture does). Read it as `pkg:apk/alpine/<name>`.
      return { ecosystem: 'Alpine', name: parsed.name };
    default: {
      const plain = PLAIN[type];
      if (plain === undefined) return { ecosystem: null, name: joined };
      return { ecosystem: plain.ecosystem, name: plain.withNamespace ? joined : name };
    }
  }
}

/**
 * Source package from Syft's `upstream` qualifier: `glibc`, `glibc@2.31-0ubuntu9` (deb, when
 * the source version differs) or the SRPM file name `openssl-1.0.2k-16.el7.src.rpm` (rpm).
 */
function upstream(type: string, value: string | undefined): { sourceName?: string; sourceVersion?: string } {
  if (!value) return {};
  if (type === 'rpm') {
    // SRPM file name is <name>-<version>-<release>.src.rpm; name may contain '-'.
    const srpm = /^(.+)-([^-]+)-([^-]+)\.src\.rpm$/.exec(value);
    if (srpm?.[1] && srpm[2] && srpm[3])
      return { sourceName: srpm[1], sourceVersion: `${srpm[2]}-${srpm[3]}` };
    return { sourceName: value };
  }
  const at = value.indexOf('@');
  if (at > 0 && at < value.length - 1)
    return { sourceName: value.slice(0, at), sourceVersion: value.slice(at + 1) };
  return { sourceName: value };
}

/**
 * The version an advisory compares against: the purl version with its `epoch` qualifier in front
 * (`1:1.0.2k-16.el7`), as rpm and dpkg order versions by epoch first. Epoch 0 is the default and
 * is left out; a version that already carries an epoch is kept as is.
 */
export function versionWithEpoch(info: Pick<PurlInfo, 'version' | 'epoch'>): string | null {
  const { version, epoch } = info;
  if (version === null || epoch === undefined || /^0+$/.test(epoch) || version.includes(':')) return version;
  return `${epoch}:${version}`;
}

/**
 * packageurl-js reads qualifiers with URLSearchParams, which decodes `+` as a space (HTML form
 * encoding). In a purl `+` is a literal plus (purl-spec "Character encoding"), common in deb
 * versions inside `upstream=` (`2.34+dfsg-1`), so encode it before the library sees it.
 */
function protectPlus(purl: string): string {
  const q = purl.indexOf('?');
  if (q < 0 || !purl.includes('+', q)) return purl;
  const hash = purl.indexOf('#', q);
  const end = hash < 0 ? purl.length : hash;
  return purl.slice(0, q) + purl.slice(q, end).replaceAll('+', '%2B') + purl.slice(end);
}

function invalidReason(err: unknown): string {
  // PurlError does not set `name`; its messages all start with "Invalid purl: ".
  if (err instanceof Error && err.message.startsWith('Invalid purl: ')) {
    return `invalid purl: ${err.message.slice('Invalid purl: '.length)}`;
  }
  // packageurl-js 2.0.1 throws a ReferenceError (`throws is not defined`) from its golang
  // validator for a `v`-prefixed version that is not semver; report it as an invalid purl.
  return 'invalid purl: rejected by the type-specific validation';
}
