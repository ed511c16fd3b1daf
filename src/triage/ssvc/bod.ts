/**
 * CISA BOD 26-04 (2026-06-10, supersedes BOD 22-01): Table 1 maps four facts about a vulnerable
 * asset — listed in KEV, publicly exposed, automatable, technical impact — to a remediation
 * timeline. The days come from the timelines decision point's value names in the CERT/CC data
 * ("60 days", "3 days & forensic investigation", "Fix on system upgrade"), not from constants here,
 * so a revised data file changes the clocks without a code change.
 */
import { AppError } from '../../core/errors.js';
import type { DecisionPoint, DecisionValue, Inputs } from './schema.js';
import { BOD_26_04, BOD_26_04_TIMELINES } from './tables.js';

/** A BOD 26-04 remediation timeline: `days` null means no clock ("fix on system upgrade"). */
export interface BodTimeline {
  /** The outcome value key, e.g. `3DF`. */
  readonly key: string;
  readonly days: number | null;
  /** The data file's name for it, e.g. `3 days & forensic investigation`. */
  readonly label: string;
  /** The directive also requires a forensic triage of the asset (its definition says so). */
  readonly forensic: boolean;
  readonly definition: string;
}

/** The four Table 1 facts; null or absent = not known (the input is left out, see possibleOutcomes). */
export interface Bod2604Facts {
  readonly inKev?: boolean | null;
  readonly publiclyExposed?: boolean | null;
  readonly automatable?: boolean | null;
  readonly totalTechnicalImpact?: boolean | null;
}

/** Timeline of one value of a timelines decision point, read from its name and definition. */
export function timelineOf(value: DecisionValue): BodTimeline {
  // "N days" (optionally followed by "& …") is the only form with a clock in BOD 26-04 Table 1;
  // anything else (today only "Fix on system upgrade") is tied to an upgrade event, not a date.
  const days = /^(\d+) days?\b/i.exec(value.name)?.[1];
  return {
    key: value.key,
    days: days === undefined ? null : Number(days),
    label: value.name,
    forensic: /\bforensic\b/i.test(`${value.name} ${value.definition}`),
    definition: value.definition,
  };
}

const TIMELINES: ReadonlyMap<string, BodTimeline> = new Map(
  BOD_26_04_TIMELINES.values.map((v) => [v.key, timelineOf(v)]),
);

/** The remediation timeline of a BOD 26-04 outcome (value key such as `14D`, or the value itself). */
export function bodTimeline(outcome: string | DecisionValue): BodTimeline {
  const key = typeof outcome === 'string' ? outcome : outcome.key;
  const timeline = TIMELINES.get(key);
  if (!timeline) {
    throw new AppError('INPUT_SCHEMA', {
      table: BOD_26_04.id,
      reason: `${key} is not a value of ${BOD_26_04_TIMELINES.id}`,
      expected: [...TIMELINES.keys()],
    });
  }
  return timeline;
}

/** BOD 26-04 table inputs (decision point id → Y/N, P/T) from known facts; unknown facts are left out. */
export function bod2604Inputs(facts: Bod2604Facts): Inputs {
  const inputs: Record<string, string> = {};
  const set = (key: string, value: string | undefined) => {
    if (value !== undefined) inputs[pointByKey(key).id] = value;
  };
  set('KEV', yesNo(facts.inKev));
  set('PE', yesNo(facts.publiclyExposed));
  set('A', yesNo(facts.automatable));
  set('TI', facts.totalTechnicalImpact == null ? undefined : facts.totalTechnicalImpact ? 'T' : 'P');
  return inputs;
}

function yesNo(fact: boolean | null | undefined): string | undefined {
  return fact == null ? undefined : fact ? 'Y' : 'N';
}

// Resolved against the shipped table so the ids follow its decision point versions.
function pointByKey(key: string): DecisionPoint {
  return BOD_26_04.inputs.find((p) => p.key === key)!;
}
