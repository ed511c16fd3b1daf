/**
 * Components × advisory index → matches. Pure: no I/O, so the CLI's `scan`, the import services
 * and (later) worker threads share it.
 */
import type { Advisory, AffectedPackage } from '../core/advisory.js';
import { isAppError } from '../core/errors.js';
import { baseEcosystem, schemeForEcosystem } from '../versioning/api.js';
import { semver } from '../versioning/semver/index.js';
import type { VersionScheme } from '../versioning/types.js';
import type { AdvisoryIndex } from './advisory-index.js';
import { DEFAULT_EPOCH_STRATEGY, evaluateAffected, type MissingEpochStrategy } from './evaluate.js';

export interface MatchableComponent {
  purl: string;
  ecosystem: string | null;
  name: string;
  version: string | null;
  /** OS packages: the source package advisories are filed under (dpkg Source:, SOURCERPM, apk origin). */
  sourceName?: string | null | undefined;
  /** OS packages: the source package's version (differs from the binary's on binNMUs, `+b1`). */
  sourceVersion?: string | null | undefined;
  /** OS packages: the OSV ecosystem with release, e.g. `Debian:12`, `Ubuntu:22.04:LTS`. */
  distroRelease?: string | null | undefined;
}

/**
 * Distributions whose OSV records are per release (`Debian:12`): an advisory for one release says
 * nothing about another, so a package with no known release is not matched at all.
 */
const RELEASED_DISTROS = new Set([
  'AlmaLinux',
  'Alpaquita',
  'Alpine',
  'Azure Linux',
  'Debian',
  'Mageia',
  'openEuler',
  'openSUSE',
  'Photon OS',
  'Red Hat',
  'Rocky Linux',
  'SUSE',
  'Ubuntu',
]);

// Debian-family and apk-family advisories name the SOURCE package (one DSA covers every binary
// built from openssl; apk's origin). The RPM distributions' OSV data (ALSA, RLSA, RHSA, SUSE)
// names BINARY rpms with binary EVRs: looking those up by SRPM name misses python3 (source
// python3.9) and compares against the wrong epoch (nginx-core 2:1.20.1 vs source 1.20.1).
const SOURCE_KEYED = new Set([
  'Debian',
  'Ubuntu',
  'Echo',
  'Alpine',
  'Alpaquita',
  'Wolfi',
  'Chainguard',
  'MinimOS',
  'BellSoft Hardened Containers',
]);

/** The package name and version a component is matched under in its ecosystem's advisories. */
export function matchKey(c: MatchableComponent): { name: string; version: string | null } {
  if (c.ecosystem && SOURCE_KEYED.has(baseEcosystem(c.ecosystem))) {
    return { name: c.sourceName ?? c.name, version: c.sourceVersion ?? c.version };
  }
  return { name: c.name, version: c.version };
}

export interface Match<C extends MatchableComponent> {
  component: C;
  advisory: Advisory;
  /** The `affected[]` entry that matched (its severity may override the record's). */
  affected: AffectedPackage;
  /** First fixed version after the installed one, or null when no fix is published. */
  fixed: string | null;
  /** The installed version had no epoch and the advisory's was assumed (missing-epoch `auto`). */
  epochAssumed?: true;
}

/** A candidate advisory whose verdict cannot be decided: reported, never silently dropped. */
export interface UnknownMatch<C extends MatchableComponent> {
  component: C;
  advisory: Advisory;
  affected: AffectedPackage;
  reason: string;
}

export interface MatchResult<C extends MatchableComponent> {
  matches: Match<C>[];
  unknown: UnknownMatch<C>[];
  /** Components that could not be looked up at all, by cause. */
  skipped: {
    noEcosystem: number;
    noVersion: number;
    unsupportedEcosystem: Record<string, number>;
    /** OS packages whose distro release is unknown: never matched against every release. */
    unknownRelease: number;
  };
  /** The OS packages counted in `skipped.unknownRelease`, so they can be reported by name. */
  unknownRelease: C[];
}

// SEMVER ranges are SemVer 2.0 whatever the ecosystem (OSV schema, "SEMVER"): strict SemVer
// precedence, exact beyond 2^53 (node-semver rounds numeric pre-release identifiers). Go's own
// scheme is SemVer with Go's spelling (`v`, `+incompatible`), so Go keeps it.
function semverFor(ecosystem: string, scheme: VersionScheme): VersionScheme {
  return baseEcosystem(ecosystem) === 'Go' ? scheme : semver;
}

/** Match every component against the index. */
export function matchComponents<C extends MatchableComponent>(
  components: readonly C[],
  index: AdvisoryIndex,
  options: { missingEpoch?: MissingEpochStrategy } = {},
): MatchResult<C> {
  const result: MatchResult<C> = {
    matches: [],
    unknown: [],
    skipped: { noEcosystem: 0, noVersion: 0, unsupportedEcosystem: {}, unknownRelease: 0 },
    unknownRelease: [],
  };
  for (const component of components) {
    if (!component.ecosystem) {
      result.skipped.noEcosystem++;
      continue;
    }
    if (component.version === null || component.version === '') {
      result.skipped.noVersion++;
      continue;
    }
    const scheme = schemeForEcosystem(component.ecosystem);
    if (!scheme) {
      const base = baseEcosystem(component.ecosystem);
      result.skipped.unsupportedEcosystem[base] = (result.skipped.unsupportedEcosystem[base] ?? 0) + 1;
      continue;
    }
    const semver = semverFor(component.ecosystem, scheme);
    const base = baseEcosystem(component.ecosystem);
    const released = RELEASED_DISTROS.has(base);
    if (released && !component.distroRelease) {
      result.skipped.unknownRelease++;
      result.unknownRelease.push(component);
      continue;
    }
    // Distro advisories are filed under the source package (one DSA covers every binary built
    // from openssl), and per release.
    // Source-keyed distros: a binNMU (`1.2-3+b1`) of a fixed source (`1.2-3`) is fixed, which
    // its binary version alone would not show.
    const { name: lookupName, version: keyed } = matchKey(component);
    const version = keyed ?? component.version;
    // One advisory may name the package in several affected[] entries (log4shell has three):
    // every entry is evaluated, so the verdict does not depend on their order — affected if any
    // entry says so, unknown only if none does and some could not be ordered.
    const byAdvisory = new Map<Advisory, AffectedPackage[]>();
    for (const { advisory, affected } of index.lookup(component.ecosystem, lookupName)) {
      if (released && affected.ecosystem !== component.distroRelease) continue;
      const list = byAdvisory.get(advisory);
      if (list) list.push(affected);
      else byAdvisory.set(advisory, [affected]);
    }
    for (const [advisory, entries] of byAdvisory) {
      const hits: { affected: AffectedPackage; fixed: string | null; epochAssumed: boolean }[] = [];
      let failure: { affected: AffectedPackage; reason: string } | undefined;
      for (const affected of entries) {
        try {
          const verdict = evaluateAffected(
            affected,
            version,
            scheme,
            semver,
            options.missingEpoch ?? DEFAULT_EPOCH_STRATEGY[scheme.id] ?? 'zero',
          );
          if (verdict.affected) {
            hits.push({ affected, fixed: verdict.fixed, epochAssumed: verdict.epochAssumed === true });
          }
        } catch (err) {
          if (!isAppError(err, 'VERSION_INVALID')) throw err;
          failure ??= { affected, reason: `${String(err.details.version)}: ${String(err.details.reason)}` };
        }
      }
      if (hits.length > 0) {
        result.matches.push({
          component,
          advisory,
          affected: hits[0]!.affected,
          fixed: highestFix(
            hits.map((h) => h.fixed),
            scheme,
          ),
          ...(hits.some((h) => h.epochAssumed) ? { epochAssumed: true as const } : {}),
        });
      } else if (failure) {
        result.unknown.push({ component, advisory, affected: failure.affected, reason: failure.reason });
      }
    }
  }
  return result;
}

/**
 * The fix that clears every verdict: the highest fix any of them names. A verdict with no fix
 * (versions[] only, last_affected) says nothing about fixes, so it does not veto the others.
 */
export function highestFix(
  fixes: readonly (string | null)[],
  scheme: VersionScheme | undefined,
): string | null {
  let best: string | null = null;
  let bestParsed: unknown = null;
  for (const f of fixes) {
    if (f === null) continue;
    const parsed = scheme?.parse(f) ?? null;
    if (
      best === null ||
      (parsed !== null && bestParsed !== null && scheme!.compare(parsed, bestParsed) > 0)
    ) {
      best = f;
      bestParsed = parsed;
    }
  }
  return best;
}
