/**
 * Which versions of a CSAF product an advisory names (CSAF 2.0 §3.1.2.2 branch categories
 * `product_version` and `product_version_range`), and whether a device's version is one of them.
 * `product_version_range` SHOULD be a vers range (§3.1.2.2, purl-spec VERSION-RANGE-SPEC); CISA
 * writes `vers:all/*` and `vers:all/<V4.2`, but mostly a bare shorthand of the same constraints
 * (`<= 9.33`, `>= 1.0.0 | <= 1.3.1`). Both are read with the same constraint grammar; versions are
 * compared with the generic comparator (generic-version.ts). Anything else is `unparsed` with the
 * reason, and the matcher reports the model with confidence `model-only`, never a guessed order.
 */
import { compareGeneric, type GenericVersion, parseGeneric } from './generic-version.js';

/** A vers comparator (VERSION-RANGE-SPEC "Version constraint"). */
export type Comparator = '<' | '<=' | '>' | '>=' | '=' | '!=';

/** One constraint: comparator and version as written. */
export interface Constraint {
  op: Comparator;
  version: string;
}

/** The versions a product covers, as parsed; `text` is always what the document wrote. */
export type VersionSpec =
  | { kind: 'all'; text: string }
  | { kind: 'exact'; versions: string[]; text: string }
  /** `12.x`, `14.1.x`: every version whose leading segments are `prefix`'s. */
  | { kind: 'prefix'; prefix: string; text: string }
  | { kind: 'range'; constraints: Constraint[]; text: string }
  | { kind: 'unparsed'; text: string; reason: string };

/** Whether a version is in a spec: in (how surely), out, or unknown (and why). */
export type Containment =
  | { kind: 'in'; confidence: 'exact' | 'range' }
  | { kind: 'out' }
  | { kind: 'unknown'; reason: string };

// vers schemes whose order is the generic one. CISA writes `all` as a scheme (`vers:all/<V4.2`);
// purl-type schemes (npm, deb, …) have their own orders, which this module does not claim.
const GENERIC_SCHEMES = new Set(['generic', 'all']);
const CONSTRAINT = /^(<=|>=|!=|<|>|=)?\s*(.+)$/;

/** Parse a `product_version_range` name: a vers string, or CISA's bare `op version | …` shorthand. */
export function parseVersionRange(text: string): VersionSpec {
  const t = text.trim();
  if (/^vers:/i.test(t)) return parseVers(t);
  return constraintsSpec(t, t.split('|'));
}

/** Parse a `product_version` name: `vers:…/*`, one version, `a | b | c` (each exact) or `12.x`. */
export function parseExactVersion(text: string): VersionSpec {
  const t = text.trim();
  if (/^vers:/i.test(t)) return parseVers(t);
  const prefix = /^(.*[0-9])(?:\.[xX])+$/.exec(t)?.[1];
  if (prefix !== undefined && parseGeneric(prefix)) return { kind: 'prefix', prefix, text: t };
  const versions = t.split('|').map((v) => v.trim());
  const bad = versions.find((v) => !parseGeneric(v));
  if (bad !== undefined)
    return { kind: 'unparsed', text: t, reason: `${JSON.stringify(bad)} is not a version` };
  return { kind: 'exact', versions, text: t };
}

/** Parse a vers string `vers:<scheme>/<constraints>` (VERSION-RANGE-SPEC) with a generic scheme. */
export function parseVers(text: string): VersionSpec {
  const m = /^vers:([^/]+)\/(.*)$/i.exec(text.trim());
  if (!m) return { kind: 'unparsed', text, reason: 'not vers:<scheme>/<constraints>' };
  const [, scheme = '', body = ''] = m;
  if (!GENERIC_SCHEMES.has(scheme.toLowerCase())) {
    return { kind: 'unparsed', text, reason: `vers scheme "${scheme}" is not compared here (generic only)` };
  }
  if (body.trim() === '*') return { kind: 'all', text };
  let parts: string[];
  try {
    // vers percent-encodes a version's reserved characters.
    parts = body.split('|').map((p) => decodeURIComponent(p));
  } catch {
    return { kind: 'unparsed', text, reason: 'bad percent-encoding' };
  }
  return constraintsSpec(text, parts);
}

function constraintsSpec(text: string, parts: string[]): VersionSpec {
  const constraints: Array<Constraint & { parsed: GenericVersion }> = [];
  for (const part of parts) {
    const m = CONSTRAINT.exec(part.trim());
    // A constraint without a comparator is an equality (VERSION-RANGE-SPEC).
    const c = m ? unwildcard((m[1] as Comparator | undefined) ?? '=', m[2]?.trim() ?? '') : undefined;
    const parsed = c && parseGeneric(c.version);
    if (!c || !parsed) {
      return {
        kind: 'unparsed',
        text,
        reason: `${JSON.stringify(part.trim())} is not a comparator and version`,
      };
    }
    constraints.push({ ...c, parsed });
  }
  const problem = orderProblem(constraints);
  if (problem) return { kind: 'unparsed', text, reason: problem };
  const sorted = [...constraints].sort((a, b) => compareGeneric(a.parsed, b.parsed) ?? 0);
  if (sorted.every((c) => c.op === '='))
    return { kind: 'exact', versions: sorted.map((c) => c.version), text };
  return { kind: 'range', constraints: sorted.map(({ op, version }) => ({ op, version })), text };
}

/**
 * CISA writes wildcard bounds: `<= 12.2.x.x` (ICSMA-20-343-01) is every 12.2.* and below, i.e.
 * `< 12.3`; `>= 3.x` is `>= 3`. `< 3.x` (below 3.0, or below 3.9?) has no single reading and is
 * left as written, which parseGeneric rejects. The increment is exact on digit strings.
 */
function unwildcard(op: Comparator, version: string): Constraint {
  const prefix = /^(.*?)(?:\.[xX])+$/.exec(version)?.[1];
  if (prefix === undefined) return { op, version };
  if (op === '>=') return { op, version: prefix };
  const last = /^(.*?)([0-9]+)$/.exec(prefix);
  if (op === '<=' && last) return { op: '<', version: `${last[1]}${BigInt(last[2] ?? '0') + 1n}` };
  return { op, version };
}

// VERSION-RANGE-SPEC validation: constraints must be mutually comparable, and once sorted the
// range comparators must alternate lower bound / upper bound. `<= U61 | <= L81` (two product
// lines, ICSMA-20-296-02) fails this: the union is not one vers range.
function orderProblem(cs: ReadonlyArray<Constraint & { parsed: GenericVersion }>): string | undefined {
  for (const [i, a] of cs.entries()) {
    for (const b of cs.slice(i + 1)) {
      if (compareGeneric(a.parsed, b.parsed) === null)
        return `${a.version} and ${b.version} are not comparable`;
    }
  }
  const bounds = [...cs]
    .sort((a, b) => compareGeneric(a.parsed, b.parsed) ?? 0)
    .filter((c) => c.op !== '=' && c.op !== '!=');
  for (let i = 1; i < bounds.length; i++) {
    const prev = bounds[i - 1]?.op.startsWith('>');
    if (prev === bounds[i]?.op.startsWith('>')) return 'range bounds do not alternate (not one vers range)';
  }
  return undefined;
}

/** Whether `version` is in `spec`; never guesses: an order it cannot establish is `unknown`. */
export function containsVersion(spec: VersionSpec, version: string | undefined): Containment {
  if (spec.kind === 'all') return { kind: 'in', confidence: 'range' };
  if (spec.kind === 'unparsed')
    return { kind: 'unknown', reason: `advisory version ${JSON.stringify(spec.text)}: ${spec.reason}` };
  if (version === undefined || version.trim() === '')
    return { kind: 'unknown', reason: 'the device has no version' };
  const v = parseGeneric(version);
  if (v === null)
    return { kind: 'unknown', reason: `device version ${JSON.stringify(version)} is not a version` };
  const cmp = (other: string) => {
    const o = parseGeneric(other);
    return o === null ? null : compareGeneric(v, o);
  };
  const incomparable = (other: string): Containment => ({
    kind: 'unknown',
    reason: `device version ${JSON.stringify(version)} and ${JSON.stringify(other)} are not comparable`,
  });
  switch (spec.kind) {
    case 'exact': {
      const results = spec.versions.map((e) => ({ e, c: cmp(e) }));
      if (results.some((r) => r.c === 0)) return { kind: 'in', confidence: 'exact' };
      const unknown = results.find((r) => r.c === null);
      return unknown ? incomparable(unknown.e) : { kind: 'out' };
    }
    case 'prefix': {
      const p = parseGeneric(spec.prefix);
      if (p === null) return incomparable(spec.prefix);
      const head = { text: version, segments: v.segments.slice(0, p.segments.length) };
      if (head.segments.length < p.segments.length) return incomparable(spec.text);
      const c = compareGeneric(head, p);
      return c === null
        ? incomparable(spec.text)
        : c === 0
          ? { kind: 'in', confidence: 'range' }
          : { kind: 'out' };
    }
    case 'range':
      return inRange(spec.constraints, cmp, incomparable);
  }
}

// VERSION-RANGE-SPEC "Checking if a version is contained within a range", over sorted, validated
// constraints: `=` / `!=` decide on equality; otherwise below the first upper bound, above the
// last lower bound, or between a lower bound and the upper bound that follows it.
function inRange(
  cs: readonly Constraint[],
  cmp: (other: string) => -1 | 0 | 1 | null,
  incomparable: (other: string) => Containment,
): Containment {
  const order = new Map<Constraint, -1 | 0 | 1>();
  for (const c of cs) {
    const r = cmp(c.version);
    if (r === null) return incomparable(c.version);
    order.set(c, r);
  }
  const sat = (c: Constraint): boolean => {
    const r = order.get(c) ?? 0;
    switch (c.op) {
      case '<':
        return r < 0;
      case '<=':
        return r <= 0;
      case '>':
        return r > 0;
      case '>=':
        return r >= 0;
      case '=':
        return r === 0;
      case '!=':
        return r !== 0;
    }
  };
  const IN = { kind: 'in', confidence: 'range' } as const;
  for (const c of cs) {
    if (c.op === '=' && sat(c)) return { kind: 'in', confidence: 'exact' };
    if (c.op === '!=' && !sat(c)) return { kind: 'out' };
  }
  const bounds = cs.filter((c) => c.op !== '=' && c.op !== '!=');
  const first = bounds[0];
  const last = bounds[bounds.length - 1];
  if (first?.op.startsWith('<') && sat(first)) return IN;
  if (last?.op.startsWith('>') && sat(last)) return IN;
  for (let i = 0; i + 1 < bounds.length; i++) {
    const lo = bounds[i];
    const hi = bounds[i + 1];
    if (lo && hi && lo.op.startsWith('>') && hi.op.startsWith('<') && sat(lo) && sat(hi)) return IN;
  }
  return { kind: 'out' };
}

/** The spec as one line for reasons and reports: `all`, the exact versions, or the constraints. */
export function describeSpec(spec: VersionSpec): string {
  switch (spec.kind) {
    case 'all':
      return 'all versions';
    case 'exact':
      return spec.versions.join(' | ');
    case 'prefix':
      return `${spec.prefix}.*`;
    case 'range':
      return spec.constraints.map((c) => `${c.op}${c.version}`).join(' | ');
    case 'unparsed':
      return spec.text;
  }
}
