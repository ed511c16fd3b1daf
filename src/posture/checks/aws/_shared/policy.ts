/**
 * IAM and resource-policy documents (IAM User Guide, "IAM JSON policy elements reference"):
 * normalise `Statement`, `Action`, `Resource`, `Principal` (string or list), and decide the two
 * questions the checks ask — does a statement open a resource to anyone, and does it grant a
 * wildcard over every resource. Best effort: `NotAction`/`NotResource` and Deny statements that
 * would cancel an Allow are not evaluated (the IAM policy simulator is the authority).
 */
import { arr, obj } from './util.js';

export interface Statement {
  Sid?: string;
  Effect?: string;
  Principal?: unknown;
  Action?: unknown;
  Resource?: unknown;
  Condition?: unknown;
}

/** The statements of a policy document given as JSON text or parsed; `undefined` when unparsable. */
export function statements(doc: unknown): Statement[] | undefined {
  let d = doc;
  if (typeof d === 'string') {
    try {
      d = JSON.parse(d);
    } catch {
      try {
        d = JSON.parse(decodeURIComponent(d as string));
      } catch {
        return undefined;
      }
    }
  }
  const o = obj(d);
  if (o === undefined) return undefined;
  return arr(o.Statement).flatMap((s) => {
    const so = obj(s);
    return so ? [so as Statement] : [];
  });
}

const strings = (v: unknown): string[] => arr(v).filter((x): x is string => typeof x === 'string');

/** Whether a Principal is everyone: `*` or `{"AWS": "*"}` (or a list containing `*`). */
export function isPublicPrincipal(p: unknown): boolean {
  if (p === '*') return true;
  const o = obj(p);
  return o !== undefined && strings(o.AWS).includes('*');
}

// Condition keys that narrow "anyone" to a network, an organisation or an account (IAM User
// Guide, "AWS global condition context keys"). Case-insensitive, as IAM treats key names.
const RESTRICTING_KEYS = new Set([
  'aws:sourcevpce',
  'aws:sourcevpc',
  'aws:sourceip',
  'aws:principalorgid',
  'aws:principalorgpaths',
  'aws:principalaccount',
  'aws:principalarn',
  'aws:sourceaccount',
  'aws:sourcearn',
  'aws:sourceorgid',
]);
const OPEN_CIDRS = new Set(['0.0.0.0/0', '::/0']);

/** Whether a statement's Condition narrows its principal (an open CIDR does not). */
export function hasRestrictingCondition(condition: unknown): boolean {
  const ops = obj(condition);
  if (ops === undefined) return false;
  for (const block of Object.values(ops)) {
    for (const [key, value] of Object.entries(obj(block) ?? {})) {
      const k = key.toLowerCase();
      if (!RESTRICTING_KEYS.has(k)) continue;
      const values = strings(value);
      if (k === 'aws:sourceip' && values.every((v) => OPEN_CIDRS.has(v))) continue;
      if (values.includes('*')) continue;
      return true;
    }
  }
  return false;
}

/** Allow statements that open the resource to anyone without a narrowing condition. */
export function publicStatements(doc: unknown): Statement[] | undefined {
  return statements(doc)?.filter(
    (s) => s.Effect === 'Allow' && isPublicPrincipal(s.Principal) && !hasRestrictingCondition(s.Condition),
  );
}

/** Allow statements granting `*` or `s3:*` on Resource `*`. */
export function wildcardStatements(doc: unknown, actions: readonly string[] = ['*', 's3:*']): Statement[] {
  const wanted = new Set(actions.map((a) => a.toLowerCase()));
  return (statements(doc) ?? []).filter(
    (s) =>
      s.Effect === 'Allow' &&
      strings(s.Action).some((a) => wanted.has(a.toLowerCase())) &&
      strings(s.Resource).includes('*'),
  );
}
