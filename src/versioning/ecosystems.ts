/**
 * OSV ecosystem name → version-scheme id (a folder under src/versioning, registered in
 * api.ts). Keys are the base names of the OSV schema's ecosystem list, case as OSV spells
 * them; a `:suffix` (`Debian:12`, `Ubuntu:22.04:LTS`) is stripped before lookup. Adding a
 * scheme for another ecosystem is one line here.
 */
export const ECOSYSTEM_SCHEMES = {
  npm: 'npm',
  PyPI: 'pypi',
  Go: 'go',
  // RPM distributions (rpmvercmp). Amazon Linux and Oracle Linux have no OSV ecosystem.
  AlmaLinux: 'rpm',
  'Azure Linux': 'rpm',
  Mageia: 'rpm',
  openEuler: 'rpm',
  openSUSE: 'rpm',
  'Photon OS': 'rpm',
  'Red Hat': 'rpm',
  'Rocky Linux': 'rpm',
  SUSE: 'rpm',
  RubyGems: 'rubygems',
  Packagist: 'packagist',
  CRAN: 'cran',
  // Strict SemVer 2.0; build metadata ignored as Cargo's matching and OSV do.
  'crates.io': 'semver',
  Hex: 'semver',
  SwiftURL: 'semver',
  Pub: 'pub',
  Hackage: 'hackage',
  Maven: 'maven',
  NuGet: 'nuget',
  // Debian-family (deb-version(7)).
  Debian: 'dpkg',
  Ubuntu: 'dpkg',
  Echo: 'dpkg',
  // apk-tools 2.x order.
  Alpine: 'apk',
  Wolfi: 'apk',
  Chainguard: 'apk',
  MinimOS: 'apk',
  Alpaquita: 'apk',
  'BellSoft Hardened Containers': 'apk',
} as const;

/** An OSV ecosystem base name that has a version scheme. */
export type SupportedEcosystem = keyof typeof ECOSYSTEM_SCHEMES;
