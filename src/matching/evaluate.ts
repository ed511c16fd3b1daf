/**
 * OSV affected-package evaluation, following the schema's "Evaluation" section
 * (https://ossf.github.io/osv-schema/#evaluation): a version is affected when it is listed in
 * `versions[]`, or when a SEMVER/ECOSYSTEM range includes it — events sorted by version,
 * `introduced` opens, `fixed` closes exclusively, `last_affected` closes inclusively, and a
 * `limit` caps the range. GIT ranges are matched only through the `versions[]` tags OSV
 * enumerates for them.
 */
import type { AffectedPackage, AffectedRange, RangeEvent } from '../core/advisory.js';
import { AppError } from '../core/errors.js';
import type { VersionScheme } from '../versioning/types.js';

export type Verdict =
  | { affected: true; fixed: string | null; via: 'versions' | 'range'; epochAssumed?: true }
  | { affected: false; epochAssumed?: true };

/**
 * What to do when the installed version has no epoch but an advisory's version has one
 * (MATCHING-NOTES.md, grype's `missing-epoch-strategy`): `zero` reads the missing epoch as 0, the
 * package manager's own rule; `auto` assumes the package carries the advisory's epoch — RPM
 * inventories (rpm -qa, many SBOMs) routinely drop `0:`/`1:` epochs that the distro's advisory
 * keeps, and reading them as 0 would call every `1:`-epoch fix unfixed.
 */
export type MissingEpochStrategy = 'zero' | 'auto';

/** Defaults as grype: rpm auto, dpkg (and everything else) zero. */
export const DEFAULT_EPOCH_STRATEGY: Readonly<Record<string, MissingEpochStrategy>> = { rpm: 'auto' };

interface EpochAware {
  epoch: string | null;
}

// The comparison used for one evaluation; records whether an epoch had to be assumed.
function comparerFor(s: VersionScheme, strategy: MissingEpochStrategy, note: { assumed: boolean }) {
  if (strategy !== 'auto') return (a: unknown, b: unknown) => s.compare(a, b);
  return (installed: unknown, event: unknown) => {
    const i = installed as EpochAware;
    const e = event as EpochAware;
    if (i && e && typeof i === 'object' && i.epoch === null && e.epoch !== null && e.epoch !== undefined) {
      note.assumed = true;
      return s.compare({ ...i, epoch: e.epoch }, event);
    }
    return s.compare(installed, event);
  };
}

interface ParsedEvent {
  kind: 'introduced' | 'fixed' | 'last_affected' | 'limit';
  raw: string;
  /** null for `introduced: "0"`, which sorts below every version. */
  v: unknown | null;
}

/**
 * Decide whether `version` of a package is affected by one OSV `affected[]` entry. Throws
 * VERSION_INVALID when the installed version or an event version cannot be ordered: the caller
 * reports the package as *unknown*, never as not affected.
 */
export function evaluateAffected(
  pkg: AffectedPackage,
  version: string,
  scheme: VersionScheme,
  semverScheme: VersionScheme,
  epochStrategy: MissingEpochStrategy = DEFAULT_EPOCH_STRATEGY[scheme.id] ?? 'zero',
): Verdict {
  const note = { assumed: false };
  const exact = pkg.versions.includes(version);
  let affected = exact;
  let fixed: string | null = null;
  for (const range of pkg.ranges) {
    if (range.type === 'GIT') continue;
    const s = range.type === 'SEMVER' ? semverScheme : scheme;
    let result: { affected: boolean; fixed: string | null };
    try {
      const v = parseInstalled(s, version, pkg.ecosystem);
      const cmp = comparerFor(s, s === scheme ? epochStrategy : 'zero', note);
      result = evaluateRange(prepareRange(range, s, pkg.ecosystem), v, cmp);
    } catch (err) {
      // An exact versions[] hit is affected whatever the ranges say (OSV "Evaluation": versions
      // are checked first); only without one does an unorderable version make the verdict unknown.
      if (exact && err instanceof AppError) continue;
      throw err;
    }
    if (result.affected) {
      affected = true;
      fixed = lowestFixed(fixed, result.fixed, s);
    }
  }
  const epoch = note.assumed ? { epochAssumed: true as const } : {};
  if (!affected) return { affected: false, ...epoch };
  return { affected: true, fixed, via: exact && fixed === null ? 'versions' : 'range', ...epoch };
}

interface PreparedRange {
  limits: ParsedEvent[];
  sorted: ParsedEvent[];
}

// A fleet matches the same few thousand ranges millions of times: parse and sort each range's
// events once per scheme. A range whose events do not parse caches the error and rethrows it.
const prepared = new WeakMap<AffectedRange, Map<VersionScheme, PreparedRange | AppError>>();

function prepareRange(range: AffectedRange, s: VersionScheme, ecosystem: string): PreparedRange {
  let byScheme = prepared.get(range);
  if (!byScheme) {
    byScheme = new Map();
    prepared.set(range, byScheme);
  }
  let entry = byScheme.get(s);
  if (!entry) {
    try {
      const events = range.events.map((e) => parseEvent(e, s, ecosystem));
      entry = {
        limits: events.filter((e) => e.kind === 'limit'),
        sorted: events.filter((e) => e.kind !== 'limit').sort((a, b) => orderEvents(a, b, s)),
      };
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      entry = err;
    }
    byScheme.set(s, entry);
  }
  if (entry instanceof AppError) throw entry;
  return entry;
}

// Installed versions repeat across a fleet (every host runs the same openssl): a bounded cache
// per scheme avoids re-parsing them; it is cleared when full rather than tracking recency.
const installedCache = new Map<VersionScheme, Map<string, unknown>>();
const INSTALLED_CACHE_LIMIT = 100_000;

function parseInstalled(s: VersionScheme, version: string, ecosystem: string): unknown {
  let cache = installedCache.get(s);
  if (!cache) {
    cache = new Map();
    installedCache.set(s, cache);
  }
  const hit = cache.get(version);
  if (hit !== undefined) return hit;
  const v = parseOrThrow(s, version, ecosystem, 'installed version');
  if (cache.size >= INSTALLED_CACHE_LIMIT) cache.clear();
  cache.set(version, v);
  return v;
}

function evaluateRange(
  range: PreparedRange,
  v: unknown,
  compare: (installed: unknown, event: unknown) => number,
): { affected: boolean; fixed: string | null } {
  const { limits, sorted } = range;
  // OSV "BeforeLimits": with limits, a version counts only if it is below some limit; a limit
  // containing `*` is infinity.
  if (limits.length > 0 && !limits.some((l) => l.v === null || compare(v, l.v) < 0)) {
    return { affected: false, fixed: null };
  }
  let affected = false;
  let fixed: string | null = null;
  for (const e of sorted) {
    if (e.kind === 'introduced') {
      if (e.v === null || compare(v, e.v) >= 0) {
        affected = true;
        fixed = null;
      }
    } else if (e.kind === 'fixed') {
      if (compare(v, e.v) >= 0) affected = false;
      else if (affected && fixed === null) fixed = e.raw;
    } else if (e.kind === 'last_affected') {
      if (compare(v, e.v) > 0) affected = false;
    }
  }
  return { affected, fixed: affected ? fixed : null };
}

function parseEvent(e: RangeEvent, s: VersionScheme, ecosystem: string): ParsedEvent {
  if ('introduced' in e) {
    return {
      kind: 'introduced',
      raw: e.introduced,
      v: e.introduced === '0' ? null : parseOrThrow(s, e.introduced, ecosystem, 'introduced'),
    };
  }
  if ('fixed' in e) return { kind: 'fixed', raw: e.fixed, v: parseOrThrow(s, e.fixed, ecosystem, 'fixed') };
  if ('last_affected' in e) {
    return {
      kind: 'last_affected',
      raw: e.last_affected,
      v: parseOrThrow(s, e.last_affected, ecosystem, 'last_affected'),
    };
  }
  // A limit containing `*` is infinity (OSV schema, "limit" event).
  return {
    kind: 'limit',
    raw: e.limit,
    v: e.limit.includes('*') ? null : parseOrThrow(s, e.limit, ecosystem, 'limit'),
  };
}

// Sort by version, "0" first. Events at the same version keep their order in the record (the
// schema's pseudocode sorts stably): `introduced 1, fixed 2, introduced 2, fixed 3` keeps 2 in
// the second branch, and `introduced X, fixed X` stays an empty range.
function orderEvents(a: ParsedEvent, b: ParsedEvent, s: VersionScheme): number {
  if (a.v === null || b.v === null) return a.v === b.v ? 0 : a.v === null ? -1 : 1;
  return s.compare(a.v, b.v);
}

function lowestFixed(current: string | null, candidate: string | null, s: VersionScheme): string | null {
  if (candidate === null) return current;
  if (current === null) return candidate;
  const a = s.parse(current);
  const b = s.parse(candidate);
  return a !== null && b !== null && s.compare(b, a) < 0 ? candidate : current;
}

function parseOrThrow(s: VersionScheme, raw: string, ecosystem: string, role: string): unknown {
  const v = s.parse(raw);
  if (v === null) {
    throw new AppError('VERSION_INVALID', {
      ecosystem,
      version: raw,
      reason: `${role} is not valid for ${s.reference}`,
    });
  }
  return v;
}
