/**
 * Conditions in plain English for the written policy and `findings explain`: the document reads
 * the same tree the evaluator runs, so the written procedure cannot say something else.
 * Total by construction — any tree, even one no pack could hold, yields a sentence.
 */
import type { Condition, Test } from './condition.js';
import { type FieldSpec, fieldSpec } from './fields.js';

/** One sentence fragment describing when the condition holds ("any other finding" for the default). */
export function conditionToEnglish(c: Condition | null): string {
  return c === null ? 'any other finding' : phrase(c, false);
}

function phrase(c: Condition, nested: boolean): string {
  switch (c.type) {
    case 'predicate':
      return predicate(c.field, c.tests);
    case 'not':
      return negate(c.of);
    case 'all':
    case 'any': {
      if (c.of.length === 0) return c.type === 'all' ? 'always' : 'never';
      if (c.of.length === 1) return phrase(c.of[0]!, nested);
      // Parentheses rather than "all of:" lists: a table cell holds one line, and brackets are
      // unambiguous where "A and B or C" is not.
      const joined = join(
        c.of.map((sub) => phrase(sub, true)),
        c.type === 'all' ? 'and' : 'or',
      );
      return nested ? `(${joined})` : joined;
    }
  }
}

function negate(c: Condition): string {
  // A yes/no predicate has its own negative sentence; anything else reads as "not (…)".
  if (c.type === 'predicate' && c.tests.length === 1) {
    const spec = fieldSpec(c.field);
    const t = c.tests[0]!;
    if (spec?.kind === 'boolean' && t.op === 'eq') return t.value ? spec.whenFalse : spec.whenTrue;
    if (t.op === 'is')
      return predicate(c.field, [{ op: 'is', value: t.value === 'known' ? 'unknown' : 'known' }]);
  }
  if (c.type === 'not') return phrase(c.of, true);
  return `it is not the case that ${phrase(c, true)}`;
}

function predicate(field: string, tests: readonly Test[]): string {
  const spec = fieldSpec(field);
  const noun = spec?.noun ?? field;
  const parts = tests.map((t) => test(spec, noun, t));
  return parts.length === 0 ? `${noun} is anything` : join(parts, 'and');
}

function test(spec: FieldSpec | undefined, noun: string, t: Test): string {
  switch (t.op) {
    case 'is':
      return t.value === 'unknown' ? `${noun} is not known` : `${noun} is known`;
    case 'eq':
      if (spec?.kind === 'boolean') return t.value ? spec.whenTrue : spec.whenFalse;
      return `${noun} is ${String(t.value)}`;
    case 'in':
      return `${noun} is ${join(t.values.map(quote), 'or')}`;
    case 'has':
      return `${noun} includes ${join(t.values.map(quote), 'and')}`;
    case '>=':
      return `${noun} is at least ${number(spec, t.value)}`;
    case '>':
      return `${noun} is above ${number(spec, t.value)}`;
    case '<=':
      return `${noun} is at most ${number(spec, t.value)}`;
    case '<':
      return `${noun} is below ${number(spec, t.value)}`;
  }
}

// Words a reader might take for prose ("3 days") are quoted; plain ids (`critical`) are not.
const quote = (w: string) => (/^[a-z][a-z0-9-]*$/.test(w) ? w : `“${w}”`);

function number(spec: FieldSpec | undefined, n: number): string {
  // EPSS is a probability; percentiles read better as "the 90th percentile" for a document.
  if (spec?.noun.startsWith('the EPSS percentile'))
    return `${n} (the ${ordinal(Math.round(n * 100))} percentile)`;
  if (spec?.noun.startsWith('the EPSS probability')) return `${n} (${+(n * 100).toFixed(2)} %)`;
  return String(n);
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

function join(items: readonly string[], word: 'and' | 'or'): string {
  if (items.length <= 1) return items[0] ?? '';
  if (items.length === 2) return `${items[0]} ${word} ${items[1]}`;
  return `${items.slice(0, -1).join(', ')}, ${word} ${items.at(-1)}`;
}
