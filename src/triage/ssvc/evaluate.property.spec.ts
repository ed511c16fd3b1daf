/**
 * Properties over the shipped tables and over generated ones: tables are total functions (every
 * combination of valid values has exactly one row), and partial inputs give exactly the outcomes
 * their completions reach (a superset would overstate urgency, a subset would hide it).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, possibleOutcomes } from './evaluate.js';
import { combinations, parseDecisionTable } from './load.js';
import type { DecisionTable } from './schema.js';
import { SHIPPED_TABLES } from './tables.js';

/** A full assignment of the table's inputs (id → value key). */
function fullInputs(table: DecisionTable): fc.Arbitrary<Record<string, string>> {
  return fc.record(
    Object.fromEntries(table.inputs.map((p) => [p.id, fc.constantFrom(...p.values.map((v) => v.key))])),
  );
}

/** A full assignment plus which of its points to forget. */
function fullAndPartial(table: DecisionTable) {
  return fc
    .tuple(
      fullInputs(table),
      fc.array(fc.boolean(), { minLength: table.inputs.length, maxLength: table.inputs.length }),
    )
    .map(([full, keep]) => ({
      full,
      partial: Object.fromEntries(table.inputs.filter((_, i) => keep[i]).map((p) => [p.id, full[p.id]!])),
    }));
}

function completions(table: DecisionTable, partial: Record<string, string>): Record<string, string>[] {
  const missing = table.inputs.filter((p) => !(p.id in partial));
  return [...combinations(missing)].map((combo) => ({
    ...partial,
    ...Object.fromEntries(missing.map((p, i) => [p.id, combo[i]!])),
  }));
}

function checkTable(table: DecisionTable): void {
  fc.assert(
    fc.property(fullInputs(table), (inputs) => {
      const matching = table.rows.filter((row) =>
        table.inputs.every((p) => row.inputs[p.id] === inputs[p.id]),
      );
      expect(matching).toHaveLength(1);
      const r = evaluate(table, inputs);
      expect(r.row).toBe(matching[0]);
      expect(possibleOutcomes(table, inputs).outcomes).toEqual([r.outcome]);
    }),
  );
  fc.assert(
    fc.property(fullAndPartial(table), ({ full, partial }) => {
      const possible = possibleOutcomes(table, partial).outcomes.map((o) => o.key);
      expect(possible).toContain(evaluate(table, full).outcome.key);
      const reached = new Set(completions(table, partial).map((c) => evaluate(table, c).outcome.key));
      expect(new Set(possible)).toEqual(reached);
    }),
  );
}

describe.each([...SHIPPED_TABLES.values()])('$id', (table) => {
  it('is total and partial inputs give exactly the outcomes of their completions', () => checkTable(table));
});

// Generated tables exercise the loader and evaluator beyond the four shapes CERT/CC publishes:
// 1–4 inputs with 1–4 values each, an arbitrary outcome per combination, rows in any order.
const generatedTable = fc
  .array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 })
  .chain((sizes) => {
    const rowCount = sizes.reduce((a, b) => a * b, 1);
    return fc.record({
      sizes: fc.constant(sizes),
      outcomes: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: rowCount, maxLength: rowCount }),
      order: fc.shuffledSubarray([...Array(rowCount).keys()], { minLength: rowCount, maxLength: rowCount }),
    });
  })
  .map(({ sizes, outcomes, order }) => {
    const point = (key: string, n: number) => ({
      namespace: 'test',
      key,
      version: '1.0.0',
      name: key,
      definition: '',
      schemaVersion: '2.0.0',
      values: Array.from({ length: n }, (_, i) => ({ key: `v${i}`, name: `value ${i}`, definition: '' })),
    });
    const inputs = sizes.map((n, i) => point(`P${i}`, n));
    const outcome = point('OUT', 3);
    const ids = inputs.map((p) => `test:${p.key}:1.0.0`);
    const cells: Record<string, string>[] = [];
    let i = 0;
    for (const combo of cartesian(sizes)) {
      const row: Record<string, string> = Object.fromEntries(ids.map((id, j) => [id, `v${combo[j]}`]));
      row['test:OUT:1.0.0'] = `v${outcomes[i++]}`;
      cells.push(row);
    }
    const doc = {
      namespace: 'test',
      key: 'DT',
      version: '1.0.0',
      name: 'generated',
      definition: '',
      schemaVersion: '2.0.0',
      decision_points: Object.fromEntries([...inputs, outcome].map((p) => [`test:${p.key}:1.0.0`, p])),
      outcome: 'test:OUT:1.0.0',
      mapping: order.map((k) => cells[k]!),
    };
    return { doc, cells };
  });

function* cartesian(sizes: readonly number[]): Generator<number[]> {
  const [first, ...rest] = sizes;
  if (first === undefined) {
    yield [];
    return;
  }
  for (let v = 0; v < first; v++) for (const tail of cartesian(rest)) yield [v, ...tail];
}

describe('generated tables', () => {
  it('evaluate returns the outcome written for each combination, whatever the row order', () => {
    fc.assert(
      fc.property(generatedTable, ({ doc, cells }) => {
        const table = parseDecisionTable(doc, 'generated.json');
        for (const cell of cells) {
          const { 'test:OUT:1.0.0': outcome, ...inputs } = cell;
          expect(evaluate(table, inputs).outcome.key).toBe(outcome);
        }
        checkTable(table);
      }),
      { numRuns: 50 },
    );
  });

  it('dropping any row makes the table invalid (POLICY_INVALID), since tables must be total', () => {
    fc.assert(
      fc.property(generatedTable, fc.nat(), ({ doc }, k) => {
        const mapping = doc.mapping.filter((_, i) => i !== k % doc.mapping.length);
        expect(() =>
          parseDecisionTable({ ...doc, mapping: mapping.length ? mapping : [{}] }, 'g.json'),
        ).toThrow(expect.objectContaining({ code: 'POLICY_INVALID' }));
      }),
      { numRuns: 50 },
    );
  });
});
