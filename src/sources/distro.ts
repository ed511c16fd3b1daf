/**
 * Operating-system distributions as OSV names them. OS package advisories are per release: the
 * OSV ecosystem string carries it after a colon (`Debian:12`, `Ubuntu:22.04:LTS`, `Alpine:v3.20`,
 * `AlmaLinux:8`, `Rocky Linux:9`). Inputs name the release in many ways — a purl `distro`
 * qualifier (`debian-12`, `bookworm`, `alpine-3.15.4`, Trivy's bare `3.16.0`) or a CycloneDX
 * `operating-system` component (`ubuntu` / `22.04.2`) — and this file maps them all to OSV's form.
 */

/** Purl namespace (the distro vendor) → OSV ecosystem, per OS package purl type (PURL-TYPES.rst). */
export const OS_PURL_NAMESPACES = {
  deb: { debian: 'Debian', ubuntu: 'Ubuntu' },
  rpm: {
    redhat: 'Red Hat',
    almalinux: 'AlmaLinux',
    rocky: 'Rocky Linux',
    opensuse: 'openSUSE',
    suse: 'SUSE',
    mageia: 'Mageia',
    openeuler: 'openEuler',
    azurelinux: 'Azure Linux',
    // centos, fedora, amzn and ol have no OSV ecosystem: their packages keep ecosystem null
    // rather than borrowing Red Hat's advisories, whose package streams differ.
  },
  apk: { alpine: 'Alpine', wolfi: 'Wolfi', chainguard: 'Chainguard' },
} as const satisfies Record<string, Record<string, string>>;

export type OsPurlType = keyof typeof OS_PURL_NAMESPACES;

/** Whether a purl type is an OS package type whose namespace names the distro. */
export function isOsPurlType(type: string): type is OsPurlType {
  return Object.hasOwn(OS_PURL_NAMESPACES, type);
}

/** OSV ecosystem for an OS package purl namespace, or null when OSV has none for that distro. */
export function osPurlEcosystem(type: OsPurlType, namespace: string | undefined): string | null {
  if (namespace === undefined) return null;
  const table: Record<string, string> = OS_PURL_NAMESPACES[type];
  return table[namespace.toLowerCase()] ?? null;
}

// Aliases an operating-system component or a distro prefix may use for the same distro
// (os-release ID values: `rhel`, `rocky`, `almalinux`, `opensuse-leap`, `sles`).
const OS_NAME_ALIASES: Record<string, string> = {
  rhel: 'Red Hat',
  'opensuse-leap': 'openSUSE',
  'opensuse-tumbleweed': 'openSUSE',
  sles: 'SUSE',
};

/** OSV ecosystem for an operating-system name (CycloneDX OS component name, os-release ID). */
export function osEcosystem(osName: string): string | null {
  const key = osName.trim().toLowerCase();
  for (const table of Object.values(OS_PURL_NAMESPACES) as Record<string, string>[]) {
    const hit = table[key];
    if (hit !== undefined) return hit;
  }
  return OS_NAME_ALIASES[key] ?? null;
}

// Release code names as they appear in purl `distro` qualifiers (the purl spec's own deb
// example is `distro=jessie`). Debian: debian.org/releases; Ubuntu: wiki.ubuntu.com/Releases.
const CODENAMES: Record<string, Record<string, string>> = {
  Debian: {
    jessie: '8',
    stretch: '9',
    buster: '10',
    bullseye: '11',
    bookworm: '12',
    trixie: '13',
    forky: '14',
  },
  Ubuntu: {
    trusty: '14.04',
    xenial: '16.04',
    bionic: '18.04',
    focal: '20.04',
    jammy: '22.04',
    noble: '24.04',
    oracular: '24.10',
    plucky: '25.04',
  },
};

/**
 * OSV ecosystem-with-release for a distro string (`debian-10.2` → `Debian:10`), or undefined when
 * the string does not name a release of `ecosystem` or OSV keys that ecosystem differently.
 */
export function osvRelease(ecosystem: string, distro: string): string | undefined {
  let rest = distro.trim().toLowerCase();
  // `debian-12`, `alpine-3.20`, `rocky-9.1`: a distro ID prefix, which must name the same distro.
  const prefixed = /^([a-z][a-z-]*?)-(?=\d|[a-z]+$)/.exec(rest);
  if (prefixed?.[1] !== undefined) {
    if (osEcosystem(prefixed[1]) !== ecosystem) return undefined;
    rest = rest.slice(prefixed[0].length);
  }
  rest = CODENAMES[ecosystem]?.[rest] ?? rest;
  const m = /^(\d+)(?:\.(\d+))?/.exec(rest);
  const major = m?.[1];
  const minor = m?.[2];
  if (major === undefined) return undefined;
  switch (ecosystem) {
    case 'Debian':
    case 'AlmaLinux':
    case 'Rocky Linux':
    case 'Mageia':
      // OSV keys these by major release only (Debian's point releases share one archive).
      return `${ecosystem}:${Number(major)}`;
    case 'Ubuntu': {
      if (minor === undefined) return undefined;
      const release = `${major}.${minor.padStart(2, '0')}`;
      // OSV marks long-term-support releases (even years, April) with a `:LTS` suffix.
      const lts = minor === '04' && Number(major) % 2 === 0;
      return lts ? `Ubuntu:${release}:LTS` : `Ubuntu:${release}`;
    }
    case 'Alpine':
      // Alpine secdb branches are `v<major>.<minor>`; patch releases share the branch.
      return minor === undefined ? undefined : `Alpine:v${Number(major)}.${Number(minor)}`;
    default:
      // Red Hat keys releases by product stream (`Red Hat:enterprise_linux:9::appstream`),
      // SUSE by product name; neither is derivable from a version number.
      return undefined;
  }
}

/**
 * Ecosystem → release from the operating systems an SBOM lists (`debian` 10.2 → `Debian:10`),
 * for OS packages whose purl has no `distro` qualifier. A document listing two different releases
 * of one distro (a KBOM of several nodes) gives no context for it rather than a guess.
 */
export function releaseContext(oses: Iterable<{ name: string; version: string }>): Map<string, string> {
  const found = new Map<string, Set<string>>();
  for (const os of oses) {
    const ecosystem = osEcosystem(os.name);
    const release = ecosystem ? osvRelease(ecosystem, os.version) : undefined;
    if (ecosystem && release) found.set(ecosystem, (found.get(ecosystem) ?? new Set()).add(release));
  }
  const context = new Map<string, string>();
  for (const [ecosystem, releases] of found) {
    const [only] = releases;
    if (releases.size === 1 && only !== undefined) context.set(ecosystem, only);
  }
  return context;
}
