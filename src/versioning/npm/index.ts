import type { SemVer } from 'semver';
import semver from 'semver';
import type { Ordering, VersionScheme } from '../types.js';

/**
 * npm versions: node-semver itself, not a re-implementation, so the order is npm's by
 * construction. Strict (non-loose) parsing, the mode npm uses for package.json `version` and
 * the registry's packuments: `v1.2.3` and surrounding whitespace are accepted, `=1.2.3`, `1.2`
 * and `01.2.3` are not. See readme.md for where node-semver departs from semver.org.
 */

export type NpmVersion = SemVer;

/** Parse with node-semver's strict grammar; null exactly where `semver.valid(s)` is null. */
export function parseNpm(version: string): NpmVersion | null {
  // semver.parse never throws with its default `throwErrors = false`: over-long input
  // (> 256 chars) and numbers above Number.MAX_SAFE_INTEGER also come back as null.
  return semver.parse(version, { loose: false });
}

/** node-semver's `compare`: semver.org §11 precedence, build metadata ignored. */
export function compareNpm(a: NpmVersion, b: NpmVersion): Ordering {
  return semver.compare(a, b);
}

/** node-semver's normalised form (`1.2.3-rc.1`): no `v`, no build metadata. */
export function formatNpm(v: NpmVersion): string {
  return v.version;
}

/** The npm scheme, registered in ../api.ts. */
export const npm = {
  id: 'npm',
  reference: 'node-semver',
  parse: parseNpm,
  compare: compareNpm,
} as const satisfies VersionScheme<NpmVersion>;
