import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activeExceptions, type ExceptionWindow, pausedMs, pauses } from './clock-pause.js';

const D = 86_400_000;
const start = new Date('2026-11-01T00:00:00.000Z');
const day = (n: number) => new Date(start.getTime() + n * D).toISOString();
const w = (id: number, from: number | null, to: number, revoked?: number): ExceptionWindow => ({
  id,
  approvedAt: from === null ? null : day(from),
  expiresAt: day(to),
  revokedAt: revoked === undefined ? null : day(revoked),
  controls: [],
});

describe('clock pauses', () => {
  it('an approved exception pauses from approval to expiry; unapproved ones do not', () => {
    expect(pauses([w(1, 2, 32), w(2, null, 40)], start)).toEqual([
      { exceptions: [1], from: day(2), to: day(32), days: 30 },
    ]);
  });

  it('revocation ends the pause early; overlapping exceptions pause once', () => {
    const p = pauses([w(1, 2, 32, 12), w(2, 10, 20), w(3, 40, 45)], start);
    expect(p.map((x) => [x.exceptions, x.days])).toEqual([
      [[1, 2], 18],
      [[3], 5],
    ]);
    expect(pausedMs(p)).toBe(23 * D);
  });

  it('time before the clock started is no pause', () => {
    expect(pauses([w(1, -10, 5)], start)).toEqual([{ exceptions: [1], from: day(0), to: day(5), days: 5 }]);
  });

  it('in force only between approval and the earlier of expiry and revocation', () => {
    const ws = [w(1, 2, 32, 12)];
    expect(activeExceptions(ws, new Date(day(1)))).toEqual([]);
    expect(activeExceptions(ws, new Date(day(5)))).toHaveLength(1);
    expect(activeExceptions(ws, new Date(day(12)))).toEqual([]);
  });

  it('the pause never exceeds the sum of the windows, nor the union of their spans', () => {
    const win = fc.record({ from: fc.integer({ min: -20, max: 60 }), len: fc.integer({ min: 1, max: 40 }) });
    fc.assert(
      fc.property(fc.array(win, { maxLength: 8 }), (xs) => {
        const ws = xs.map((x, i) => w(i + 1, x.from, x.from + x.len));
        const total = pausedMs(pauses(ws, start));
        expect(total).toBeLessThanOrEqual(xs.reduce((n, x) => n + x.len * D, 0));
        expect(total).toBeGreaterThanOrEqual(
          Math.max(0, ...xs.map((x) => (x.from + x.len - Math.max(x.from, 0)) * D)),
        );
      }),
    );
  });
});
