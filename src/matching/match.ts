/**
 * Components × advisory index → matches. Pure: no I/O, so the CLI's `scan`, the import services
 * and (later) worker threads share it.
 */
import type { Advisory, AffectedPackage } from '../core/advisory.js';
import { isAppError } from '../core/errors.js';
import { baseEcosystem, schemeForEcosystem } from '../versioning/api.js';
import { npm } from '../versioning/npm/index.js';
import type { VersionScheme } from '../versioning/types.js';
import type { AdvisoryIndex } from './advisory-index.js';
import { evaluateAffected } from './evaluate.js';

export interface MatchableComponent {
  purl: string;
  ecosystem: string | null;
  name: string;
  version: string | null;
}

export interface Match<C extends MatchableComponent> {
  component: C;
  advisory: Advisory;
  /** The `affected[]` entry that matched (its severity may override the record's). */
  affected: AffectedPackage;
  /** First fixed version after the installed one, or null when no fix is published. */
  fixed: string | null;
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
  skipped: { noEcosystem: number; noVersion: number; unsupportedEcosystem: Record<string, number> };
}

// SEMVER ranges are SemVer 2.0 whatever the ecosystem (OSV schema, "SEMVER"); Go's own scheme
// is SemVer with Go's spelling, every other ecosystem's SEMVER ranges use node-semver's order.
function semverFor(ecosystem: string, scheme: VersionScheme): VersionScheme {
  return baseEcosystem(ecosystem) === 'Go' ? scheme : npm;
}

/** Match every component against the index. */
export function matchComponents<C extends MatchableComponent>(
  components: readonly C[],
  index: AdvisoryIndex,
): MatchResult<C> {
  const result: MatchResult<C> = {
    matches: [],
    unknown: [],
    skipped: { noEcosystem: 0, noVersion: 0, unsupportedEcosystem: {} },
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
    const seen = new Set<string>();
    for (const { advisory, affected } of index.lookup(component.ecosystem, component.name)) {
      // One advisory may list the same package twice (e.g. several affected[] entries); one finding.
      if (seen.has(advisory.id)) continue;
      try {
        const verdict = evaluateAffected(affected, component.version, scheme, semver);
        if (verdict.affected) {
          seen.add(advisory.id);
          result.matches.push({ component, advisory, affected, fixed: verdict.fixed });
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
