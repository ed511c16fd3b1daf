/**
 * The advisory index: OSV `affected[]` entries keyed by (ecosystem base name, normalised package
 * name), built once per scan so each component costs one map lookup.
 */
import type { Advisory, AffectedPackage } from '../core/advisory.js';
import { baseEcosystem } from '../versioning/api.js';
import { normalizePypiName } from '../versioning/pypi/index.js';

export interface IndexEntry {
  advisory: Advisory;
  affected: AffectedPackage;
}

export interface AdvisoryIndex {
  /** Entries naming this package; empty when none. */
  lookup(ecosystem: string, name: string): readonly IndexEntry[];
  /** Advisories indexed (withdrawn ones are left out). */
  readonly size: number;
  readonly withdrawn: number;
}

/** Name as the ecosystem compares it: PyPI per PEP 503; every other ecosystem is exact. */
export function normalizePackageName(ecosystem: string, name: string): string {
  return baseEcosystem(ecosystem) === 'PyPI' ? normalizePypiName(name) : name;
}

/** The indexed form of a package: base ecosystem (release suffix dropped) and normalised name. */
export function packageKeyParts(ecosystem: string, name: string): { ecosystem: string; name: string } {
  return { ecosystem: baseEcosystem(ecosystem), name: normalizePackageName(ecosystem, name) };
}

/** The key for one package, as a single string for maps. */
export function packageKey(ecosystem: string, name: string): string {
  const p = packageKeyParts(ecosystem, name);
  return `${p.ecosystem}\u0000${p.name}`;
}

/** Build the index. Withdrawn advisories never produce findings, so they are not indexed. */
export function buildAdvisoryIndex(advisories: Iterable<Advisory>): AdvisoryIndex {
  const map = new Map<string, IndexEntry[]>();
  let size = 0;
  let withdrawn = 0;
  for (const advisory of advisories) {
    if (advisory.withdrawn) {
      withdrawn++;
      continue;
    }
    size++;
    for (const affected of advisory.affected) {
      // Records without a package (GIT-only, e.g. PSF) cannot be matched by name.
      if (!affected.ecosystem || !affected.name) continue;
      const key = packageKey(affected.ecosystem, affected.name);
      const list = map.get(key);
      if (list) list.push({ advisory, affected });
      else map.set(key, [{ advisory, affected }]);
    }
  }
  return {
    lookup: (ecosystem, name) => map.get(packageKey(ecosystem, name)) ?? [],
    size,
    withdrawn,
  };
}
