/**
 * Safe readers for the untyped `configuration` / `supplementary` records of a snapshot, shared by
 * every posture check (AWS Config items and ARM properties are JSON whose shape a check must not
 * assume): a wrong type reads as absent, never as a value.
 */

/** A plain object, or undefined. */
export function record(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : undefined;
}

/** An array, or the empty array. */
export function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** A non-empty string, or undefined. */
export function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** A finite number (numeric strings accepted, as Config items sometimes carry them), or undefined. */
export function num(v: unknown): number | undefined {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}
