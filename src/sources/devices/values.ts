/**
 * One export cell → one typed value, through the mapping's word lists. Every function returns
 * either a value or the reason the cell is unusable; the caller rejects the row with that reason
 * (an unknown word is never guessed into a category).
 */
import {
  CLINICAL_CRITICALITY,
  type ClinicalCriticality,
  SUPPORT_STATUS,
  type SupportStatus,
} from '../../core/inventory.js';
import type { DateFormat, DeviceMapping, PatientProximity } from './mapping.js';
import { PATIENT_PROXIMITY } from './mapping.js';

/** A converted cell: the value, or why the cell could not be used. */
export type Cell<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Cell<T> => ({ ok: true, value });
const bad = <T>(reason: string): Cell<T> => ({ ok: false, reason });

/** Word comparison key: case and repeated whitespace ignored. */
function wordKey(s: string): string {
  return s.trim().replace(/\s+/g, ' ').toLowerCase();
}

// Our own spellings (`life-critical`) are always understood, so an export already in our terms
// needs no word list; the mapping's words come first so that it can redefine one.
function word<T extends string>(
  cell: string,
  words: Record<string, T>,
  canonical: readonly T[],
  what: string,
  column: string,
): Cell<T> {
  const key = wordKey(cell);
  const mapped = Object.entries(words).find(([w]) => wordKey(w) === key)?.[1];
  if (mapped !== undefined) return ok(mapped);
  const own = canonical.find((c) => c === key);
  if (own !== undefined) return ok(own);
  return bad(`unknown ${what} "${cell}" in column "${column}"`);
}

/** Clinical criticality from the export's word (`Life support` → `life-critical`). */
export function criticalityOf(cell: string, m: DeviceMapping, column: string): Cell<ClinicalCriticality> {
  return word(cell, m.values.criticality, CLINICAL_CRITICALITY, 'clinical criticality', column);
}

/** Patient proximity from the export's word (`Patient connected` → `patient-connected`). */
export function proximityOf(cell: string, m: DeviceMapping, column: string): Cell<PatientProximity> {
  return word(cell, m.values.patientProximity, PATIENT_PROXIMITY, 'patient proximity', column);
}

/** Support status from the export's word (`EOL` → `end-of-support`). */
export function supportOf(cell: string, m: DeviceMapping, column: string): Cell<SupportStatus> {
  return word(cell, m.values.supportStatus, SUPPORT_STATUS, 'support status', column);
}

// The usual spreadsheet spellings of a yes/no column; a mapping adds its own (`Contains ePHI`).
const YES_NO: Record<string, boolean> = {
  yes: true,
  y: true,
  true: true,
  1: true,
  no: false,
  n: false,
  false: false,
  0: false,
};

/** PHI yes/no from the export's word. */
export function phiOf(cell: string, m: DeviceMapping, column: string): Cell<boolean> {
  const key = wordKey(cell);
  const mapped = Object.entries(m.values.phi).find(([w]) => wordKey(w) === key)?.[1];
  if (mapped !== undefined) return ok(mapped);
  const own = YES_NO[key];
  return own !== undefined ? ok(own) : bad(`unknown PHI value "${cell}" in column "${column}"`);
}

const LAYOUTS: Record<DateFormat, { re: RegExp; order: [number, number, number] }> = {
  // ISO 8601 calendar date; a time after it (`2025-06-30 00:00:00`, CMDB datetime columns) is ignored.
  'YYYY-MM-DD': { re: /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/, order: [1, 2, 3] },
  'MM/DD/YYYY': { re: /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, order: [3, 1, 2] },
  'DD/MM/YYYY': { re: /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, order: [3, 2, 1] },
};

/** A date cell in the mapping's layout → `YYYY-MM-DD`; impossible dates (Feb 30) are refused. */
export function dateOf(cell: string, format: DateFormat, column: string): Cell<string> {
  const { re, order } = LAYOUTS[format];
  const m = re.exec(cell.trim());
  const [y, mo, d] = order.map((i) => Number(m?.[i]));
  if (!m || y === undefined || mo === undefined || d === undefined) {
    return bad(`date "${cell}" in column "${column}" is not ${format}`);
  }
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    return bad(`date "${cell}" in column "${column}" does not exist`);
  }
  return ok(date.toISOString().slice(0, 10));
}

/**
 * Support status from the status cell and the end-of-support date. Either one saying
 * end-of-support wins: a past date means support has ended whatever the status column still
 * says, and an explicit end-of-support status is not overridden by a date in the future.
 * A future date means supported (until then) unless the status says end-of-support. `today` is `YYYY-MM-DD` (UTC).
 */
export function supportStatus(
  status: SupportStatus | undefined,
  endOfSupport: string | undefined,
  today: string,
): SupportStatus | undefined {
  if (status === 'end-of-support' || (endOfSupport !== undefined && endOfSupport < today))
    return 'end-of-support';
  if (endOfSupport !== undefined) return 'supported';
  return status;
}
