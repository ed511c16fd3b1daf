/**
 * Pieces both readers share: boundary patterns, the INPUT_SCHEMA error for rules a zod schema
 * cannot express, CWE and reference helpers.
 */
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import { jsonPointer } from '../../core/structured-input.js';

/** CVE ids: NVD API schema `^CVE-[0-9]{4}-[0-9]{4,}$`, the same as CVE JSON 5 `cveId`. */
export const CveId = z.string().regex(/^CVE-\d{4}-\d{4,}$/, 'expected a CVE id (CVE-YYYY-NNNN…)');

/**
 * RFC 3339 date-time with the zone optional: NVD writes UTC times without a designator
 * (`2023-09-12T15:15:24.327`, API docs "all times are in UTC"), CVE 5 and CISA write `Z`.
 */
export const Timestamp = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/,
    'expected an ISO 8601 date-time',
  );

/** A calendar date (KEV `dateAdded` / `dueDate`, NVD `cisaExploitAdd` / `cisaActionDue`). */
export const CalendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

/** CVSS base scores are 0.0–10.0 in every version. */
export const BaseScore = z.number().min(0).max(10);

/** INPUT_SCHEMA for a rule checked after the zod schema; `path` is relative to `base`. */
export function schemaError(file: string, base: string, path: ReadonlyArray<PropertyKey>, reason: string) {
  return new AppError('INPUT_SCHEMA', { file, pointer: base + jsonPointer(path), reason });
}

const CWE = /^CWE-[1-9]\d*$/;

/** Distinct CWE ids in first-seen order; anything that is not `CWE-<n>` (NVD-CWE-noinfo, n/a) is left out. */
export function distinctCwes(values: Iterable<string>): string[] {
  const seen = new Set<string>();
  for (const v of values) if (CWE.test(v)) seen.add(v);
  return [...seen];
}

/** Number of distinct reference URLs (CVE 5 ADP "CVE Program Container" repeats the CNA's). */
export function countDistinctUrls(refs: Iterable<{ url: string }>): number {
  return new Set([...refs].map((r) => r.url)).size;
}
