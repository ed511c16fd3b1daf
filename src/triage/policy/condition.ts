/**
 * The condition language of a pack's `when`: `all` / `any` / `not` over predicates, each a
 * one-key mapping from an input name (fields.ts) to a test. Parsed by hand rather than with a
 * zod union so that every refusal names the exact JSON pointer and a specific reason
 * ("unknown predicate cvs.severity", "'production' is not one of …").
 */
import { type FieldSpec, fieldSpec } from './fields.js';

/** Comparison operators of number predicates, as written in the YAML (quoted). */
export const COMPARATORS = ['>=', '>', '<=', '<'] as const;
export type Comparator = (typeof COMPARATORS)[number];

/** One test on one input. */
export type Test =
  | { op: 'eq'; value: boolean }
  | { op: 'in'; values: readonly string[] }
  | { op: Comparator; value: number }
  | { op: 'has'; values: readonly string[] }
  | { op: 'is'; value: 'known' | 'unknown' };

/** A parsed `when` tree. */
export type Condition =
  | { type: 'all'; of: readonly Condition[] }
  | { type: 'any'; of: readonly Condition[] }
  | { type: 'not'; of: Condition }
  | { type: 'predicate'; field: string; tests: readonly Test[] };

/** A refusal inside a pack, located by its path from the document root. */
export class PackIssue extends Error {
  constructor(
    readonly path: readonly (string | number)[],
    readonly reason: string,
  ) {
    super(reason);
  }
}

type Path = readonly (string | number)[];

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parse a `when` value found at `path`; throws PackIssue on the first problem. */
export function parseCondition(value: unknown, path: Path): Condition {
  if (!isRecord(value))
    throw new PackIssue(path, 'a condition is a mapping: all, any, not, or one predicate');
  const keys = Object.keys(value);
  if (keys.length !== 1) {
    throw new PackIssue(path, `a condition has exactly one key, found ${keys.length} (${keys.join(', ')})`);
  }
  const key = keys[0]!;
  const body = value[key];
  const at = [...path, key];
  if (key === 'all' || key === 'any') {
    if (!Array.isArray(body) || body.length === 0) throw new PackIssue(at, `${key} takes a non-empty list`);
    return { type: key, of: body.map((c, n) => parseCondition(c, [...at, n])) };
  }
  if (key === 'not') return { type: 'not', of: parseCondition(body, at) };
  const spec = fieldSpec(key);
  if (!spec) throw new PackIssue(at, `unknown predicate ${key}; see the pack format in readme.md`);
  return { type: 'predicate', field: key, tests: parseTests(spec, body, at) };
}

function parseTests(spec: FieldSpec, body: unknown, at: Path): Test[] {
  // Shorthands: `kev: true`, `ssvc.technicalImpact: total`, `cvss.severity: [critical, high]`.
  if (!isRecord(body)) {
    if (spec.kind === 'boolean') {
      if (typeof body !== 'boolean') throw new PackIssue(at, 'expected true or false');
      return [{ op: 'eq', value: body }];
    }
    if (spec.kind === 'enum') {
      return [
        { op: 'in', values: Array.isArray(body) ? words(spec, body, at) : words(spec, [body], at, true) },
      ];
    }
    throw new PackIssue(at, shapeHint(spec));
  }
  const ops = Object.keys(body);
  if (ops.length === 0) throw new PackIssue(at, shapeHint(spec));
  if (ops.includes('is') && ops.length > 1)
    throw new PackIssue(at, '`is` cannot be combined with other tests');
  return ops.map((op) => parseTest(spec, op, body[op], [...at, op]));
}

function parseTest(spec: FieldSpec, op: string, arg: unknown, at: Path): Test {
  if (op === 'is') {
    if (arg !== 'known' && arg !== 'unknown') throw new PackIssue(at, 'expected known or unknown');
    return { op, value: arg };
  }
  if (op === 'in' && spec.kind === 'enum') {
    if (!Array.isArray(arg) || arg.length === 0) throw new PackIssue(at, 'in takes a non-empty list');
    return { op, values: words(spec, arg, at) };
  }
  if (op === 'has' && spec.kind === 'set') {
    if (!Array.isArray(arg) || arg.length === 0) throw new PackIssue(at, 'has takes a non-empty list');
    return { op, values: arg.map((w, n) => word(w, [...at, n])) };
  }
  if ((COMPARATORS as readonly string[]).includes(op) && spec.kind === 'number') {
    if (typeof arg !== 'number' || !Number.isFinite(arg) || arg < spec.min || arg > spec.max) {
      throw new PackIssue(at, `expected a number from ${spec.min} to ${spec.max}`);
    }
    return { op: op as Comparator, value: arg };
  }
  throw new PackIssue(at, `test ${op} does not apply here; ${shapeHint(spec)}`);
}

function shapeHint(spec: FieldSpec): string {
  switch (spec.kind) {
    case 'boolean':
      return 'expected true, false or { is: unknown }';
    case 'enum':
      return 'expected a value, a list, { in: [...] } or { is: unknown }';
    case 'number':
      return "expected { '>=': n } (or '>', '<=', '<') or { is: unknown }";
    case 'set':
      return 'expected { has: [...] } or { is: unknown }';
  }
}

function word(w: unknown, at: Path): string {
  // YAML reads 3.1 as a number; a silent String() would turn `4.0` into "4".
  if (typeof w !== 'string' || w === '')
    throw new PackIssue(at, 'expected a word; quote numbers such as "3.1"');
  return w;
}

function words(
  spec: FieldSpec & { kind: 'enum' },
  list: readonly unknown[],
  at: Path,
  scalar = false,
): string[] {
  if (list.length === 0) throw new PackIssue(at, 'expected a non-empty list');
  return list.map((w, n) => {
    const here = scalar ? at : [...at, n];
    const s = word(w, here);
    if (spec.values && !spec.values.includes(s)) {
      throw new PackIssue(here, `'${s}' is not one of ${spec.values.join(', ')}`);
    }
    return s;
  });
}

/** Every input name a condition reads, in first-seen order. */
export function fieldsOf(c: Condition, into: string[] = []): string[] {
  if (c.type === 'predicate') {
    if (!into.includes(c.field)) into.push(c.field);
  } else if (c.type === 'not') fieldsOf(c.of, into);
  else for (const sub of c.of) fieldsOf(sub, into);
  return into;
}
