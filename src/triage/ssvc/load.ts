/**
 * Reading SSVC decision point and decision table documents (CERTCC/SSVC `data/json/`, schema 2.0.0).
 * Shape errors are INPUT_SCHEMA (via validateShape); a table that parses but cannot be used as a
 * lookup — an unknown value, a missing column, two rows for one combination, a combination with no
 * row — is POLICY_INVALID. Every error names the file and the JSON pointer. Pure: callers read bytes.
 */
import { AppError } from '../../core/errors.js';
import { jsonPointer, parseJsonText, validateShape } from '../../core/structured-input.js';
import {
  comboKey,
  type DecisionPoint,
  type DecisionPointDocument,
  DecisionPointSchema,
  type DecisionTable,
  DecisionTableSchema,
  type MappingRow,
} from './schema.js';

/** SSVC's identifier of a decision point or table: `namespace:key:version`. */
export function ssvcId(doc: { namespace: string; key: string; version: string }): string {
  return `${doc.namespace}:${doc.key}:${doc.version}`;
}

/** Validate a parsed decision point document; errors name the file and JSON pointer. */
export function parseDecisionPoint(value: unknown, file: string, base = ''): DecisionPoint {
  return toDecisionPoint(validateShape(DecisionPointSchema, value, file, base), file, base);
}

/** Validate a parsed decision table document and index its mapping; errors name the file and JSON pointer. */
export function parseDecisionTable(value: unknown, file: string): DecisionTable {
  const doc = validateShape(DecisionTableSchema, value, file);
  const points = new Map<string, DecisionPoint>();
  for (const [id, dp] of Object.entries(doc.decision_points)) {
    const pointer = jsonPointer(['decision_points', id]);
    const point = toDecisionPoint(dp, file, pointer);
    // The object key is how mapping rows refer to the point; SSVC derives it from the point itself.
    if (id !== point.id) invalid(file, pointer, `key must be the decision point id ${point.id}`);
    points.set(id, point);
  }
  const outcome = points.get(doc.outcome);
  if (!outcome) invalid(file, '/outcome', 'not a key of decision_points');
  const inputs = [...points.values()].filter((p) => p !== outcome);
  if (inputs.length === 0) invalid(file, '/decision_points', 'expected at least one input decision point');

  const rows = doc.mapping.map((row, index) => toRow(row, index, points, outcome, inputs, file));
  const index = new Map<string, MappingRow>();
  for (const row of rows) {
    const combo = comboKey(inputs.map((p) => row.inputs[p.id]!));
    const earlier = index.get(combo);
    // Two rows for one combination make the outcome depend on row order; SSVC tables are functions.
    if (earlier) invalid(file, `/mapping/${row.index}`, `same inputs as /mapping/${earlier.index}`);
    index.set(combo, row);
  }
  checkTotal(inputs, index, file);
  return {
    id: ssvcId(doc),
    namespace: doc.namespace,
    key: doc.key,
    version: doc.version,
    name: doc.name,
    definition: doc.definition,
    file,
    inputs,
    outcome,
    rows,
    index,
  };
}

/** Parse and validate decision table JSON text (syntax errors carry line and column). */
export function parseDecisionTableText(text: string, file: string): DecisionTable {
  return parseDecisionTable(parseJsonText(text, file), file);
}

/** Parse and validate decision point JSON text (syntax errors carry line and column). */
export function parseDecisionPointText(text: string, file: string): DecisionPoint {
  return parseDecisionPoint(parseJsonText(text, file), file);
}

function toDecisionPoint(dp: DecisionPointDocument, file: string, base: string): DecisionPoint {
  const seen = new Set<string>();
  dp.values.forEach((v, i) => {
    if (seen.has(v.key)) invalid(file, `${base}/values/${i}/key`, `duplicate value key ${v.key}`);
    seen.add(v.key);
  });
  return {
    id: ssvcId(dp),
    namespace: dp.namespace,
    key: dp.key,
    version: dp.version,
    name: dp.name,
    definition: dp.definition,
    values: dp.values.map((v) => ({ key: v.key, name: v.name, definition: v.definition })),
  };
}

function toRow(
  row: Readonly<Record<string, string>>,
  index: number,
  points: ReadonlyMap<string, DecisionPoint>,
  outcome: DecisionPoint,
  inputs: readonly DecisionPoint[],
  file: string,
): MappingRow {
  for (const [id, valueKey] of Object.entries(row)) {
    const point = points.get(id);
    const pointer = `/mapping/${index}${jsonPointer([id])}`;
    if (!point) invalid(file, pointer, 'not a decision point of this table');
    if (!point.values.some((v) => v.key === valueKey)) {
      invalid(file, pointer, `${valueKey} is not a value of ${id}`);
    }
  }
  for (const point of [...inputs, outcome]) {
    if (!(point.id in row)) invalid(file, `/mapping/${index}`, `missing ${point.id}`);
  }
  const values: Record<string, string> = {};
  for (const p of inputs) values[p.id] = row[p.id]!;
  return { index, inputs: values, outcome: row[outcome.id]! };
}

// SSVC decision tables are meant to be complete: every combination of input values has an
// outcome (SSVC docs, "Decision Tables": the mapping covers the Cartesian product of the inputs).
// With no duplicates and only known values, completeness is a count; the first gap is named.
function checkTotal(
  inputs: readonly DecisionPoint[],
  index: ReadonlyMap<string, MappingRow>,
  file: string,
): void {
  const expected = inputs.reduce((n, p) => n * p.values.length, 1);
  if (index.size === expected) return;
  for (const combo of combinations(inputs)) {
    if (!index.has(comboKey(combo))) {
      const named = inputs.map((p, i) => `${p.id}=${combo[i]}`).join(', ');
      invalid(file, '/mapping', `covers ${index.size} of ${expected} combinations; missing ${named}`);
    }
  }
}

/** Every combination of the points' value keys, the first point varying slowest. */
export function* combinations(points: readonly DecisionPoint[]): Generator<string[]> {
  const [first, ...rest] = points;
  if (!first) {
    yield [];
    return;
  }
  for (const v of first.values) for (const tail of combinations(rest)) yield [v.key, ...tail];
}

function invalid(file: string, pointer: string, reason: string): never {
  throw new AppError('POLICY_INVALID', { file, pointer, reason });
}
