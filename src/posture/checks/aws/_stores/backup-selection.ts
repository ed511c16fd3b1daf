/**
 * Whether an AWS Backup selection assigns a resource to its plan (AWS Backup API Reference,
 * BackupSelection; Developer Guide, "Assigning resources to a backup plan"):
 *
 * - `resources`: ARN patterns, any of which may match (OR). `*` matches any run of characters.
 * - `listOfTags`: StringEquals tag conditions, any of which may match (OR), adding to `resources`.
 *   When both are empty, every supported and opted-in resource is assigned.
 * - `notResources`: ARN patterns excluded.
 * - `conditions`: `stringEquals`, `stringNotEquals`, `stringLike`, `stringNotLike` on
 *   `aws:ResourceTag/<key>`, all of which must hold (AND). A missing tag fails the positive
 *   operators and satisfies the negated ones, as IAM conditions do.
 *
 * The answer is three-valued: a tag condition on a resource whose tags could not be read is
 * `unknown`. `byType` says the resource was matched by a pattern naming its resource type
 * (`arn:aws:dynamodb:*:*:table/*`, or its own ARN). Then AWS Backup protects it whatever the
 * region's opt-in says. A match by `*`, by a service-only pattern (`arn:aws:ec2:*`) or by tags
 * alone needs the resource type opted in.
 */
import { list, record, str } from '../../../read.js';

export type Tri = boolean | 'unknown';

export interface BackupSubject {
  arn: string;
  tags: Record<string, string>;
  /** False when the resource's tags could not be read: tag conditions are then `unknown`. */
  tagsReadable: boolean;
}

export interface SelectionMatch {
  match: Tri;
  byType: boolean;
}

const TAG_PREFIX = 'aws:ResourceTag/';

/** `*` matches any run of characters; everything else literally, case-sensitive. */
export function wildcardMatch(pattern: string, value: string): boolean {
  const re = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${re.join('.*')}$`, 's').test(value);
}

/** Whether a `resources` pattern names a resource type: its resource part starts with a literal. */
export function namesResourceType(pattern: string): boolean {
  if (pattern === '*') return false;
  const parts = pattern.split(':');
  const resource = parts.slice(5).join(':');
  return parts.length >= 6 && resource !== '' && !resource.startsWith('*');
}

function and(a: Tri, b: Tri): Tri {
  if (a === false || b === false) return false;
  if (a === 'unknown' || b === 'unknown') return 'unknown';
  return true;
}

function or(a: Tri, b: Tri): Tri {
  if (a === true || b === true) return true;
  if (a === 'unknown' || b === 'unknown') return 'unknown';
  return false;
}

const strings = (v: unknown): string[] => list(v).filter((x): x is string => typeof x === 'string');

/** The tag key a condition names: `aws:ResourceTag/PHI` or, in legacy `listOfTags`, `PHI`. */
export function conditionTagKey(key: string): string {
  return key.startsWith(TAG_PREFIX) ? key.slice(TAG_PREFIX.length) : key;
}

/** One tag condition on the subject. */
function tagCondition(op: string, key: string, expected: string, s: BackupSubject): Tri {
  if (!s.tagsReadable) return 'unknown';
  const actual = s.tags[conditionTagKey(key)];
  switch (op) {
    case 'stringEquals':
      return actual === expected;
    case 'stringNotEquals':
      return actual !== expected;
    case 'stringLike':
      return actual !== undefined && wildcardMatch(expected, actual);
    case 'stringNotLike':
      return actual === undefined || !wildcardMatch(expected, actual);
    default:
      return 'unknown';
  }
}

const CONDITION_OPERATORS = ['stringEquals', 'stringNotEquals', 'stringLike', 'stringNotLike'] as const;

/** The `[operator, key, value]` triples of a selection's `conditions` and `listOfTags`. */
export function selectionConditions(sel: Record<string, unknown>): {
  all: [string, string, string][];
  any: [string, string, string][];
} {
  const triple = (op: string, c: unknown): [string, string, string][] => {
    const o = record(c);
    const key = str(o?.conditionKey);
    const value = typeof o?.conditionValue === 'string' ? o.conditionValue : undefined;
    return key !== undefined && value !== undefined ? [[op, key, value]] : [];
  };
  const conditions = record(sel.conditions) ?? {};
  return {
    all: CONDITION_OPERATORS.flatMap((op) => list(conditions[op]).flatMap((c) => triple(op, c))),
    // ListOfTags supports StringEquals only (ConditionType STRINGEQUALS).
    any: list(sel.listOfTags).flatMap((c) => triple('stringEquals', c)),
  };
}

/** Whether `sel` (a camel-cased BackupSelection) assigns the subject to its plan. */
export function matchSelection(sel: Record<string, unknown>, s: BackupSubject): SelectionMatch {
  const patterns = strings(sel.resources);
  const { all, any } = selectionConditions(sel);
  const matched = patterns.filter((p) => wildcardMatch(p, s.arn));
  const byType = matched.some(namesResourceType);
  let included: Tri;
  if (patterns.length === 0 && any.length === 0) included = true;
  else {
    included = matched.length > 0;
    for (const [op, key, value] of any) included = or(included, tagCondition(op, key, value, s));
  }
  if (strings(sel.notResources).some((p) => wildcardMatch(p, s.arn))) included = false;
  let match = included;
  for (const [op, key, value] of all) match = and(match, tagCondition(op, key, value, s));
  return { match, byType };
}
