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
import { evaluateAffected } from './evaluate.js';

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
// Rolling distributions publish one stream (OSV ecosystem without a release suffix).
const ROLLING_DISTROS = new Set(['Wolfi', 'Chainguard', 'MinimOS', 'BellSoft Hardened Containers']);

/** Whether the ecosystem is a distribution (matched by source package, per release). */
export function isDistroEcosystem(ecosystem: string): boolean {
  const base = baseEcosystem(ecosystem);
  return RELEASED_DISTROS.has(base) || ROLLING_DISTROS.has(base);
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
    const distro = isDistroEcosystem(base);
    const lookupName = distro ? (component.sourceName ?? component.name) : component.name;
    // Fixed versions in distro advisories are source versions: a binNMU (`1.2-3+b1`) of a fixed
    // source (`1.2-3`) is fixed, which its binary version alone would not show.
    const version = distro ? (component.sourceVersion ?? component.version) : component.version;
    const seen = new Set<string>();
    for (const { advisory, affected } of index.lookup(component.ecosystem, lookupName)) {
      if (released && affected.ecosystem !== component.distroRelease) continue;
      // One advisory may list the same package twice (e.g. several affected[] entries); one finding.
      if (seen.has(advisory.id)) continue;
      try {
        const verdict = evaluateAffected(affected, version, scheme, semver);
        if (verdict.affected) {
          seen.add(advisory.id);
          result.matches.push({
            component,
            advisory,
            affected,
            fixed: verdict.fixed,
            ...(verdict.epochAssumed ? { epochAssumed: true as const } : {}),
          });
        }
      } catch (err) {
        if (!isAppError(err, 'VERSION_INVALID')) throw err;
        seen.add(advisory.id);
        const d = err.details;
        result.unknown.push({
          component,
          advisory,
          affected,
          reason: `${String(d.version)}: ${String(d.reason)}`,
        });
      }
    }
  }
  return result;
}
