/**
 * SLA clock pauses (issue 5): an approved exception stops the clock from its approval until it
 * ends — at expiry, or at revocation when that comes first — and the deadline moves by that much.
 * The whole approved window counts from approval (not only the part already elapsed), so a
 * deadline is stable between refreshes; revoking early shortens the pause to what really ran.
 * Overlapping exceptions pause once, and time before the clock started is not a pause.
 */
import { DAY_MS } from '../core/time.js';

export interface ExceptionWindow {
  id: number;
  approvedAt: string | null;
  expiresAt: string;
  revokedAt: string | null;
  controls: readonly string[];
}

export interface Pause {
  exceptions: number[];
  from: string;
  to: string;
  days: number;
}

/** The merged pause intervals of the approved exceptions, clipped to start at `clockStart`. */
export function pauses(windows: readonly ExceptionWindow[], clockStart: Date): Pause[] {
  const spans = windows
    .filter((w) => w.approvedAt !== null)
    .map((w) => {
      const end = Math.min(
        Date.parse(w.expiresAt),
        w.revokedAt ? Date.parse(w.revokedAt) : Number.POSITIVE_INFINITY,
      );
      return { ids: [w.id], from: Math.max(Date.parse(w.approvedAt!), clockStart.getTime()), to: end };
    })
    .filter((s) => s.to > s.from)
    .sort((a, b) => a.from - b.from);
  const merged: typeof spans = [];
  for (const s of spans) {
    const last = merged.at(-1);
    if (last && s.from <= last.to) {
      last.to = Math.max(last.to, s.to);
      last.ids.push(...s.ids);
    } else merged.push({ ...s, ids: [...s.ids] });
  }
  return merged.map((s) => ({
    exceptions: s.ids,
    from: new Date(s.from).toISOString(),
    to: new Date(s.to).toISOString(),
    days: Math.round(((s.to - s.from) / DAY_MS) * 100) / 100,
  }));
}

/** Total paused milliseconds. */
export function pausedMs(p: readonly Pause[]): number {
  return p.reduce((n, x) => n + (Date.parse(x.to) - Date.parse(x.from)), 0);
}

/** Approved exceptions in force at `at` (approved, not yet expired or revoked). */
export function activeExceptions(windows: readonly ExceptionWindow[], at: Date): ExceptionWindow[] {
  const t = at.getTime();
  return windows.filter(
    (w) =>
      w.approvedAt !== null &&
      Date.parse(w.approvedAt) <= t &&
      t < Date.parse(w.expiresAt) &&
      (w.revokedAt === null || t < Date.parse(w.revokedAt)),
  );
}
