/**
 * Test-only: an independent OSV evaluator, transcribed from the pseudocode of the OSV schema's
 * "Evaluation" section (ossf/osv-schema docs/schema.md, 1.7.x), for judging src/matching:
 *
 *   IsVulnerable     = any affected entry for pkg with IncludedInVersions || IncludedInRanges
 *   IncludedInVersions(v)  = some versions[] string == v
 *   IncludedInRanges(v)    = some range with BeforeLimits(v) whose walk over
 *                            sorted(range.events) ends vulnerable:
 *                              introduced && v >= introduced      → vulnerable = true
 *                              else fixed && v >= fixed           → vulnerable = false
 *                              else last_affected && v > last_aff → vulnerable = false
 *   BeforeLimits(v)  = no limit events (implicit "*"), or v < SOME limit
 *   special values   = introduced "0" sorts before every version; a limit containing "*" is infinity
 *
 * Deliberately shares no code with evaluate.ts. Comparators: `ECOSYSTEM` ranges use the
 * ecosystem's registered version scheme (the comparator is not evaluation logic, and it has its
 * own fixture suites); `SEMVER` ranges use the SemVer 2.0 §11 precedence implemented below.
 *
 * Two readings the pseudocode leaves open are made explicit:
 * - ties in `sorted(range.events)` (an introduced and a closing event at one version): the
 *   pseudocode is Python, whose `sorted` is stable, so ties keep record order. `judge` also
 *   reports whether another tie order would change the answer (`tieSensitive`).
 * - the "fixed version" to report is not defined by the spec; we use the definition of
 *   `Match.fixed` in match.ts ("first fixed version after the installed one"), taken over the
 *   ranges that include v: the lowest `fixed` event above v.
 * GIT ranges need the repository's commit graph; the spec makes `versions[]` carry their
 * answer, so they never include a version here.
 */
import type { AffectedPackage, AffectedRange } from '../core/advisory.js';

/** A total order over parsed versions, as the oracle needs it. */
export interface Comparator {
  parse(version: string): unknown | null;
  compare(a: unknown, b: unknown): number;
}

// ---------------------------------------------------------------------------------------------
// SemVer 2.0.0 (semver.org), written from the specification text.

/** A SemVer 2.0 version: numeric fields as digit strings, pre-release identifiers, build ignored. */
export interface SemVer2 {
  major: string;
  minor: string;
  patch: string;
  pre: string[];
}

// semver.org "Is there a suggested regular expression (RegEx) to check a SemVer string?"
const SEMVER2 =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

export function parseSemVer2(s: string): SemVer2 | null {
  const m = SEMVER2.exec(s);
  if (!m) return null;
  return { major: m[1]!, minor: m[2]!, patch: m[3]!, pre: m[4] === undefined ? [] : m[4].split('.') };
}

const isNumeric = (s: string) => /^\d+$/.test(s);

function compareNumeric(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** semver.org §11 precedence; build metadata plays no part. */
export function compareSemVer2(a: SemVer2, b: SemVer2): number {
  const core =
    compareNumeric(a.major, b.major) || compareNumeric(a.minor, b.minor) || compareNumeric(a.patch, b.patch);
  if (core !== 0) return core;
  // §11.3: a pre-release version has lower precedence than the normal version.
  if (a.pre.length === 0 && b.pre.length === 0) return 0;
  if (a.pre.length === 0) return 1;
  if (b.pre.length === 0) return -1;
  for (let i = 0; i < Math.min(a.pre.length, b.pre.length); i++) {
    const x = a.pre[i]!;
    const y = b.pre[i]!;
    if (x === y) continue;
    const nx = isNumeric(x);
    const ny = isNumeric(y);
    // §11.4.1-3: numeric identifiers compare numerically and have lower precedence than alphanumeric ones.
    if (nx && ny) return compareNumeric(x, y);
    if (nx !== ny) return nx ? -1 : 1;
    return x < y ? -1 : 1;
  }
  // §11.4.4: a larger set of pre-release fields has higher precedence.
  return Math.sign(a.pre.length - b.pre.length);
}

/**
 * The SemVer 2.0 comparator for `SEMVER` ranges. OSV writes SEMVER versions without a `v`; Go
 * modules are installed as `v1.2.3`, so for Go a single leading `v` is dropped first.
 */
export function semverComparator(stripGoV: boolean): Comparator {
  return {
    parse: (s) => parseSemVer2(stripGoV && s.startsWith('v') ? s.slice(1) : s),
    compare: (a, b) => compareSemVer2(a as SemVer2, b as SemVer2),
  };
}

// ---------------------------------------------------------------------------------------------
// The evaluation pseudocode.

export type TieOrder = 'record' | 'introduced-first' | 'closing-first';

type Kind = 'introduced' | 'fixed' | 'last_affected' | 'limit';
const NEG_INF = Symbol('introduced "0"');
const POS_INF = Symbol('limit "*"');
interface Evt {
  kind: Kind;
  raw: string;
  key: unknown;
}

export type RangeJudgement =
  | { kind: 'included'; fix: string | null }
  | { kind: 'excluded' }
  | { kind: 'undecidable'; reason: string };

export type OracleVerdict =
  | {
      status: 'affected';
      /** Lowest fixed event above v over the ranges that include v; null when none. */
      fixed: string | null;
      /** The per-range fixes behind `fixed` (one per including range that has one). */
      fixCandidates: string[];
      viaVersions: boolean;
      tieSensitive: boolean;
    }
  | { status: 'not-affected'; tieSensitive: boolean }
  | { status: 'undecidable'; reason: string };

export interface OracleComparators {
  /** The ecosystem's comparator for ECOSYSTEM ranges; undefined when the ecosystem has none. */
  ecosystem: Comparator | undefined;
  /** SemVer 2.0 for SEMVER ranges. */
  semver: Comparator;
}

function eventOf(e: AffectedRange['events'][number]): { kind: Kind; raw: string } {
  if ('introduced' in e) return { kind: 'introduced', raw: e.introduced };
  if ('fixed' in e) return { kind: 'fixed', raw: e.fixed };
  if ('last_affected' in e) return { kind: 'last_affected', raw: e.last_affected };
  return { kind: 'limit', raw: e.limit };
}

/** The comparator a range's events are ordered with, or null for GIT (commit graph needed). */
export function comparatorFor(range: AffectedRange, c: OracleComparators): Comparator | null | undefined {
  if (range.type === 'GIT') return null;
  return range.type === 'SEMVER' ? c.semver : c.ecosystem;
}

/** Parse a range's events; the raw strings the comparator rejects are returned instead. */
export function parseEvents(range: AffectedRange, cmp: Comparator): Evt[] | { rejected: string[] } {
  const rejected: string[] = [];
  const out: Evt[] = [];
  for (const e of range.events) {
    const { kind, raw } = eventOf(e);
    let key: unknown;
    if (kind === 'introduced' && raw === '0') key = NEG_INF;
    else if (kind === 'limit' && raw.includes('*')) key = POS_INF;
    else {
      key = cmp.parse(raw);
      if (key === null) rejected.push(raw);
    }
    out.push({ kind, raw, key });
  }
  return rejected.length > 0 ? { rejected } : out;
}

function cmpKey(cmp: Comparator, a: unknown, b: unknown): number {
  if (a === b && (a === NEG_INF || a === POS_INF)) return 0;
  if (a === NEG_INF || b === POS_INF) return -1;
  if (a === POS_INF || b === NEG_INF) return 1;
  return cmp.compare(a, b);
}

/** IncludedInRanges for one range (BeforeLimits, then the walk over sorted events). */
export function judgeRange(
  range: AffectedRange,
  version: string,
  c: OracleComparators,
  ties: TieOrder = 'record',
): RangeJudgement {
  const cmp = comparatorFor(range, c);
  if (cmp === null) return { kind: 'excluded' };
  if (cmp === undefined) return { kind: 'undecidable', reason: `no comparator for ${range.type}` };
  const events = parseEvents(range, cmp);
  if (!Array.isArray(events)) return { kind: 'undecidable', reason: `events rejected: ${events.rejected}` };
  const v = cmp.parse(version);
  if (v === null) return { kind: 'undecidable', reason: `version rejected: ${version}` };

  // BeforeLimits: no limit events → implicit "*"; otherwise v must be below SOME limit.
  const limits = events.filter((e) => e.kind === 'limit');
  if (limits.length > 0 && !limits.some((l) => cmpKey(cmp, v, l.key) < 0)) return { kind: 'excluded' };

  const rank = (e: Evt) => (e.kind === 'introduced' ? 0 : 1);
  // Array.prototype.sort is stable (ES2019), like Python's sorted: ties keep record order.
  const sorted = [...events].sort((a, b) => {
    const k = cmpKey(cmp, a.key, b.key);
    if (k !== 0 || ties === 'record') return k;
    return ties === 'introduced-first' ? rank(a) - rank(b) : rank(b) - rank(a);
  });
  let vulnerable = false;
  for (const evt of sorted) {
    if (evt.kind === 'introduced' && cmpKey(cmp, v, evt.key) >= 0) vulnerable = true;
    else if (evt.kind === 'fixed' && cmpKey(cmp, v, evt.key) >= 0) vulnerable = false;
    else if (evt.kind === 'last_affected' && cmpKey(cmp, v, evt.key) > 0) vulnerable = false;
  }
  if (!vulnerable) return { kind: 'excluded' };
  let fix: Evt | null = null;
  for (const e of events) {
    if (e.kind !== 'fixed' || cmpKey(cmp, e.key, v) <= 0) continue;
    if (fix === null || cmpKey(cmp, e.key, fix.key) < 0) fix = e;
  }
  return { kind: 'included', fix: fix?.raw ?? null };
}

function judgeWith(pkg: AffectedPackage, version: string, c: OracleComparators, ties: TieOrder) {
  const viaVersions = pkg.versions.includes(version);
  const ranges = pkg.ranges.map((r) => ({ r, j: judgeRange(r, version, c, ties) }));
  return { viaVersions, ranges };
}

/**
 * IsVulnerable for one `affected[]` entry (the package is assumed to match). Undecidable when no
 * range includes v, v is not listed, and some range cannot be ordered.
 */
export function judge(pkg: AffectedPackage, version: string, c: OracleComparators): OracleVerdict {
  const { viaVersions, ranges } = judgeWith(pkg, version, c, 'record');
  const included = ranges.filter((x) => x.j.kind === 'included');
  const undecidable = ranges.find((x) => x.j.kind === 'undecidable');
  const affected = viaVersions || included.length > 0;
  if (!affected && undecidable && undecidable.j.kind === 'undecidable') {
    return { status: 'undecidable', reason: undecidable.j.reason };
  }
  // Would another order of equal-version events change the answer?
  const alt = (['introduced-first', 'closing-first'] as const).map((t) => {
    const w = judgeWith(pkg, version, c, t);
    return w.viaVersions || w.ranges.some((x) => x.j.kind === 'included');
  });
  const tieSensitive = alt.some((a) => a !== affected);
  if (!affected) return { status: 'not-affected', tieSensitive };
  const fixes: { raw: string; cmp: Comparator }[] = [];
  for (const { r, j } of included) {
    const cmp = comparatorFor(r, c);
    if (j.kind === 'included' && j.fix !== null && cmp) fixes.push({ raw: j.fix, cmp });
  }
  let best: { raw: string; cmp: Comparator } | null = null;
  for (const f of fixes) {
    if (best === null) best = f;
    else {
      const a = f.cmp.parse(f.raw);
      const b = f.cmp.parse(best.raw);
      if (a !== null && b !== null && f.cmp.compare(a, b) < 0) best = f;
    }
  }
  return {
    status: 'affected',
    fixed: best?.raw ?? null,
    fixCandidates: fixes.map((f) => f.raw),
    viaVersions,
    tieSensitive,
  };
}

/** Every event version of the entry's non-GIT ranges that its comparator rejects. */
export function rejectedEventVersions(pkg: AffectedPackage, c: OracleComparators): string[] {
  const out: string[] = [];
  for (const r of pkg.ranges) {
    const cmp = comparatorFor(r, c);
    if (cmp === null) continue;
    if (cmp === undefined) {
      out.push(...r.events.map((e) => eventOf(e).raw));
      continue;
    }
    const parsed = parseEvents(r, cmp);
    if (!Array.isArray(parsed)) out.push(...parsed.rejected);
  }
  return out;
}

/** Every version string an entry names: event versions (not "0"/"*") and versions[]. */
export function recordVersions(pkg: AffectedPackage): { events: string[]; listed: string[] } {
  const events: string[] = [];
  for (const r of pkg.ranges) {
    if (r.type === 'GIT') continue;
    for (const e of r.events) {
      const { kind, raw } = eventOf(e);
      if ((kind === 'introduced' && raw === '0') || (kind === 'limit' && raw.includes('*'))) continue;
      events.push(raw);
    }
  }
  return { events, listed: [...pkg.versions] };
}
