/**
 * Boundary schemas for SSVC decision points and decision tables as CERT/CC publishes them in
 * CERTCC/SSVC `data/json/` (JSON schema "schemaVersion 2.0.0": a decision point is
 * `{ namespace, key, version, name, definition, values[] }`; a decision table embeds its decision
 * points by id `namespace:key:version`, names the outcome point by id and lists `mapping` rows as
 * `{ <decision point id>: <value key> }`). Only the fields we use are declared; unknown members pass.
 */
import { z } from 'zod';

// Schema 1.x documents used another shape (decision point groups, no `mapping`); reading one as 2.x
// would silently produce an empty table, so the major version is checked at the boundary.
const SchemaVersion = z.string().regex(/^2\.\d+\.\d+$/, 'expected SSVC schemaVersion 2.x');
const Text = z.string().min(1, 'expected a non-empty string');
// SSVC decision point versions are semantic versions (SSVC docs, "Decision Point Versioning").
const SemVer = z.string().regex(/^\d+\.\d+\.\d+$/, 'expected a semantic version MAJOR.MINOR.PATCH');

// Value keys are joined with NUL into lookup keys (comboKey), so a NUL inside one would be ambiguous.
const ValueKey = Text.refine((s) => !s.includes('\u0000'), 'value key must not contain NUL');
const ValueSchema = z.object({ key: ValueKey, name: Text, definition: z.string() });

/** One decision point document (e.g. `exploitation_1_1_0.json`). */
export const DecisionPointSchema = z.object({
  namespace: Text,
  key: Text,
  version: SemVer,
  name: Text,
  definition: z.string(),
  schemaVersion: SchemaVersion,
  values: z.array(ValueSchema).min(1, 'expected at least one value'),
});

/** One decision table document (e.g. `cisa_coordinator_2_0_3.json`). */
export const DecisionTableSchema = z.object({
  namespace: Text,
  key: Text,
  version: SemVer,
  name: Text,
  definition: z.string(),
  schemaVersion: SchemaVersion,
  decision_points: z.record(z.string(), DecisionPointSchema),
  outcome: Text,
  mapping: z.array(z.record(z.string(), z.string())).min(1, 'expected at least one mapping row'),
});

export type DecisionPointDocument = z.infer<typeof DecisionPointSchema>;
export type DecisionTableDocument = z.infer<typeof DecisionTableSchema>;

/** One value of a decision point: `key` is what mapping rows and inputs use. */
export interface DecisionValue {
  readonly key: string;
  readonly name: string;
  readonly definition: string;
}

/** A validated decision point; `id` is SSVC's `namespace:key:version`. Values keep document order (ordinal). */
export interface DecisionPoint {
  readonly id: string;
  readonly namespace: string;
  readonly key: string;
  readonly version: string;
  readonly name: string;
  readonly definition: string;
  readonly values: readonly DecisionValue[];
}

/** One mapping row: `index` is its position in the document (`/mapping/<index>`). */
export interface MappingRow {
  readonly index: number;
  /** Decision point id → value key, for every input decision point. */
  readonly inputs: Readonly<Record<string, string>>;
  readonly outcome: string;
}

/** A validated, total decision table ready for lookup. */
export interface DecisionTable {
  readonly id: string;
  readonly namespace: string;
  readonly key: string;
  readonly version: string;
  readonly name: string;
  readonly definition: string;
  /** Where it was read from; error details name it. */
  readonly file: string;
  /** The decision points other than the outcome, in document order. */
  readonly inputs: readonly DecisionPoint[];
  readonly outcome: DecisionPoint;
  readonly rows: readonly MappingRow[];
  /** Exact lookup: `comboKey(inputs' value keys in `inputs` order)` → row. */
  readonly index: ReadonlyMap<string, MappingRow>;
}

/** Inputs to a table: decision point id (or its short key when unambiguous) → value key. */
export type Inputs = Readonly<Record<string, string>>;

/** The lookup key of one combination of input value keys (ValueKey rejects NUL). */
export function comboKey(valueKeys: readonly string[]): string {
  return valueKeys.join('\u0000');
}
