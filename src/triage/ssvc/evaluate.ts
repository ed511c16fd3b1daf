/**
 * Evaluating a decision table: exact lookup for complete inputs, the set of reachable outcomes for
 * partial ones. SSVC expects decisions under uncertainty (SSVC docs, "Guidance on Communicating
 * Results" § Partial or Incomplete Information: "If the analyst knows nothing, all states are
 * possible"), so a missing input is not an error for `possibleOutcomes` — only for `evaluate`.
 * A wrong key or value always is.
 */
import { AppError } from '../../core/errors.js';
import { jsonPointer } from '../../core/structured-input.js';
import {
  comboKey,
  type DecisionPoint,
  type DecisionTable,
  type DecisionValue,
  type Inputs,
  type MappingRow,
} from './schema.js';

/** The outcome of a complete set of inputs and the mapping row that decided it. */
export interface Evaluation {
  readonly outcome: DecisionValue;
  readonly row: MappingRow;
}

/** What partial inputs still allow: outcomes in the outcome point's value order (least to most urgent). */
export interface PossibleOutcomes {
  readonly outcomes: readonly DecisionValue[];
  readonly rows: readonly MappingRow[];
  /** The input decision points that were not given. */
  readonly missing: readonly DecisionPoint[];
}

/** Look up the outcome for a value of every input decision point; throws INPUT_SCHEMA naming what is wrong. */
export function evaluate(table: DecisionTable, inputs: Inputs): Evaluation {
  const given = resolveInputs(table, inputs);
  const missing = table.inputs.filter((p) => !given.has(p));
  if (missing.length > 0) {
    throw inputError(table, '', 'missing decision points', { missing: missing.map((p) => p.id) });
  }
  const row = table.index.get(comboKey(table.inputs.map((p) => given.get(p)!)));
  // parseDecisionTable proved the table total, so a miss here means the table object was forged.
  if (!row) throw new AppError('INTERNAL', { table: table.id, reason: 'decision table is not total' });
  return { outcome: outcomeValue(table, row), row };
}

/** Every outcome some completion of the given inputs reaches; empty inputs give every outcome in the table. */
export function possibleOutcomes(table: DecisionTable, inputs: Inputs): PossibleOutcomes {
  const given = resolveInputs(table, inputs);
  const rows = table.rows.filter((row) => [...given].every(([p, v]) => row.inputs[p.id] === v));
  const reached = new Set(rows.map((r) => r.outcome));
  return {
    outcomes: table.outcome.values.filter((v) => reached.has(v.key)),
    rows,
    missing: table.inputs.filter((p) => !given.has(p)),
  };
}

/** Keep only the entries naming one of the table's input decision points (to reuse one input set across tables). */
export function pickInputs(table: DecisionTable, inputs: Inputs): Inputs {
  return Object.fromEntries(Object.entries(inputs).filter(([k]) => findPoint(table, k) !== undefined));
}

// Inputs may name a point by its full id or, for hand-written calls, by its short key when no
// other input point of the table shares it (`{ E: 'A' }` instead of `{ 'ssvc:E:1.1.0': 'A' }`).
function resolveInputs(table: DecisionTable, inputs: Inputs): Map<DecisionPoint, string> {
  const given = new Map<DecisionPoint, string>();
  for (const [name, value] of Object.entries(inputs)) {
    const point = findPoint(table, name);
    if (!point) {
      const reason =
        name === table.outcome.id || name === table.outcome.key
          ? 'is the outcome, not an input'
          : 'unknown decision point';
      throw inputError(table, jsonPointer([name]), reason, { expected: table.inputs.map((p) => p.id) });
    }
    if (given.has(point)) throw inputError(table, jsonPointer([name]), `${point.id} given twice`);
    if (!point.values.some((v) => v.key === value)) {
      throw inputError(table, jsonPointer([name]), `${value} is not a value of ${point.id}`, {
        expected: point.values.map((v) => v.key),
      });
    }
    given.set(point, value);
  }
  return given;
}

function findPoint(table: DecisionTable, name: string): DecisionPoint | undefined {
  const byId = table.inputs.find((p) => p.id === name);
  if (byId) return byId;
  const byKey = table.inputs.filter((p) => p.key === name);
  return byKey.length === 1 ? byKey[0] : undefined;
}

function outcomeValue(table: DecisionTable, row: MappingRow): DecisionValue {
  return table.outcome.values.find((v) => v.key === row.outcome)!;
}

function inputError(
  table: DecisionTable,
  pointer: string,
  reason: string,
  extra: Record<string, unknown> = {},
): AppError {
  return new AppError('INPUT_SCHEMA', { table: table.id, pointer, reason, ...extra });
}
