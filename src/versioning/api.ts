import { AppError } from '../core/errors.js';
import { apk } from './apk/index.js';
import { cran } from './cran/index.js';
import { dpkg } from './dpkg/index.js';
import { ECOSYSTEM_SCHEMES } from './ecosystems.js';
import { go } from './go/index.js';
import { hackage } from './hackage/index.js';
import { maven } from './maven/index.js';
import { npm } from './npm/index.js';
import { nuget } from './nuget/index.js';
import { packagist } from './packagist/index.js';
import { pub } from './pub/index.js';
import { pypi } from './pypi/index.js';
import { rpm } from './rpm/index.js';
import { rubygems } from './rubygems/index.js';
import { semver } from './semver/index.js';
import type { Ordering, VersionScheme } from './types.js';

/**
 * The version-scheme registry: scheme id (= folder name, checked by api.spec.ts) → scheme.
 * Callers that hold an OSV ecosystem name use the helpers below; they throw AppError instead
 * of falling back to any default order (STYLE.md: an unknown order makes a package *unknown*,
 * never *not affected*).
 */
export const SCHEMES = {
  apk,
  cran,
  dpkg,
  go,
  hackage,
  maven,
  npm,
  nuget,
  packagist,
  pub,
  pypi,
  rpm,
  rubygems,
  semver,
} as const;

/** A registered scheme id. */
export type SchemeId = keyof typeof SCHEMES;

// Compile-time check that ecosystems.ts only names registered schemes.
const ECOSYSTEM_TABLE: Readonly<Record<string, SchemeId>> = ECOSYSTEM_SCHEMES;

/** The OSV base name of an ecosystem string: everything before the first `:` (`Debian:12` → `Debian`). */
export function baseEcosystem(ecosystem: string): string {
  const colon = ecosystem.indexOf(':');
  return colon === -1 ? ecosystem : ecosystem.slice(0, colon);
}

/** The scheme for an OSV ecosystem string (suffix after `:` ignored), or undefined if none yet. */
export function schemeForEcosystem(ecosystem: string): VersionScheme | undefined {
  const base = baseEcosystem(ecosystem);
  if (!Object.hasOwn(ECOSYSTEM_TABLE, base)) return undefined;
  const id = ECOSYSTEM_TABLE[base];
  return id === undefined ? undefined : SCHEMES[id];
}

/** OSV ecosystem base names that have a scheme, sorted. */
export function supportedEcosystems(): string[] {
  return Object.keys(ECOSYSTEM_TABLE).sort();
}

function requireScheme(ecosystem: string): VersionScheme {
  const scheme = schemeForEcosystem(ecosystem);
  if (scheme === undefined) throw new AppError('ECOSYSTEM_UNSUPPORTED', { ecosystem });
  return scheme;
}

function parseWith(scheme: VersionScheme, ecosystem: string, version: string): unknown {
  const parsed = scheme.parse(version);
  if (parsed === null) {
    throw new AppError('VERSION_INVALID', {
      ecosystem,
      version,
      reason: `not a valid version for ${scheme.reference}`,
    });
  }
  return parsed;
}

/** Parse `version` in the ecosystem's scheme; throws ECOSYSTEM_UNSUPPORTED or VERSION_INVALID. */
export function parseVersion(ecosystem: string, version: string): unknown {
  return parseWith(requireScheme(ecosystem), ecosystem, version);
}

/** Order two version strings of one ecosystem; throws ECOSYSTEM_UNSUPPORTED or VERSION_INVALID. */
export function compareVersions(ecosystem: string, a: string, b: string): Ordering {
  const scheme = requireScheme(ecosystem);
  return scheme.compare(parseWith(scheme, ecosystem, a), parseWith(scheme, ecosystem, b));
}
