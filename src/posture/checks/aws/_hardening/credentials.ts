/**
 * How long a credential from the IAM credential report has gone unused (IAM User Guide, "Getting
 * credential reports for your AWS account"). The collector turns `N/A` into `null`; a credential
 * never used (`N/A`, or `no_information` where IAM has no record) counts from when it was set —
 * the key's `access_key_N_last_rotated`, the password's `password_last_changed`, or the user's
 * creation — so a key issued long ago and never used is as stale as one abandoned (AWS Config
 * IAM_USER_UNUSED_CREDENTIALS_CHECK; Prowler passes never-used keys, we do not).
 */
import { daysBetween } from '../_shared/util.js';

export type Unused =
  | { kind: 'age'; days: number; since: string; basis: 'last used' | 'set, never used' }
  /** The report does not carry the column: not read. */
  | { kind: 'missing'; column: string }
  /** Neither a last-use nor a set date can be read. */
  | { kind: 'unknown'; reason: string };

const NEVER = new Set(['no_information', 'N/A']);

function dateOf(v: unknown): string | undefined {
  return typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? v : undefined;
}

/**
 * Days since `lastUsedColumn` (or, never used, since the first readable of `setColumns`) up to
 * `now` (the snapshot's collection time).
 */
export function unusedFor(
  row: Record<string, unknown>,
  lastUsedColumn: string,
  setColumns: readonly string[],
  now: string,
): Unused {
  if (!Object.hasOwn(row, lastUsedColumn)) return { kind: 'missing', column: lastUsedColumn };
  const raw = row[lastUsedColumn];
  const used = dateOf(raw);
  if (used !== undefined)
    return { kind: 'age', days: Math.floor(daysBetween(used, now)), since: used, basis: 'last used' };
  if (raw !== null && !(typeof raw === 'string' && NEVER.has(raw)))
    return { kind: 'unknown', reason: `${lastUsedColumn} is ${JSON.stringify(raw)}` };
  for (const c of setColumns) {
    const set = dateOf(row[c]);
    if (set !== undefined)
      return { kind: 'age', days: Math.floor(daysBetween(set, now)), since: set, basis: 'set, never used' };
  }
  return { kind: 'unknown', reason: `never used and no readable ${setColumns.join(' / ')}` };
}
