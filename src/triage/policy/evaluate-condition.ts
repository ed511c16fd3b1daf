/**
 * Evaluation of a condition in three-valued (Kleene) logic: a predicate over an unknown input is
 * unknown, `not unknown` is unknown, `all` is false if any part is false, `any` is true if any
 * part is true. A rule fires only on true. So a null PHI flag satisfies neither `asset.phi: true`
 * nor `not: { asset.phi: true }` — only `asset.phi: { is: unknown }`.
 */
import type { Condition, Test } from './condition.js';
import { type FieldValue, fieldSpec } from './fields.js';
import type { PolicyInputs } from './inputs.js';

/** true, false, or null for unknown. */
export type Truth = boolean | null;

/** Read one input by predicate name; null when unknown or not a predicate. */
export function readField(field: string, inputs: PolicyInputs): FieldValue {
  return fieldSpec(field)?.read(inputs) ?? null;
}

/** Truth of a condition for these inputs. */
export function truthOf(c: Condition, inputs: PolicyInputs): Truth {
  switch (c.type) {
    case 'predicate': {
      const value = readField(c.field, inputs);
      let result: Truth = true;
      for (const t of c.tests) result = and(result, testValue(t, value, c.field));
      return result;
    }
    case 'not': {
      const inner = truthOf(c.of, inputs);
      return inner === null ? null : !inner;
    }
    case 'all': {
      let result: Truth = true;
      for (const sub of c.of) {
        result = and(result, truthOf(sub, inputs));
        if (result === false) return false;
      }
      return result;
    }
    case 'any': {
      let result: Truth = false;
      for (const sub of c.of) {
        const t = truthOf(sub, inputs);
        if (t === true) return true;
        if (t === null) result = null;
      }
      return result;
    }
  }
}

function and(a: Truth, b: Truth): Truth {
  if (a === false || b === false) return false;
  if (a === null || b === null) return null;
  return true;
}

function testValue(t: Test, value: FieldValue, field: string): Truth {
  if (t.op === 'is') return t.value === 'unknown' ? value === null : value !== null;
  if (value === null) return null;
  switch (t.op) {
    case 'eq':
      return value === t.value;
    case 'in': {
      if (typeof value !== 'string') return null;
      // Open enums (SSVC table outcomes) compare case-insensitively; their reader lower-cases the input.
      const spec = fieldSpec(field);
      const open = spec?.kind === 'enum' && spec.values === null;
      return t.values.some((v) => (open ? v.toLowerCase() : v) === value);
    }
    case 'has':
      return Array.isArray(value) ? t.values.every((v) => value.includes(v)) : null;
    case '>=':
      return typeof value === 'number' ? value >= t.value : null;
    case '>':
      return typeof value === 'number' ? value > t.value : null;
    case '<=':
      return typeof value === 'number' ? value <= t.value : null;
    case '<':
      return typeof value === 'number' ? value < t.value : null;
  }
}
