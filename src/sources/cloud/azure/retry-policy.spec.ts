import { describe, expect, it } from 'vitest';
import {
  isRetryableStatus,
  parseQuotaReset,
  parseRetryAfter,
  retryDelay,
  retrySettings,
} from './retry-policy.js';

const NOW = Date.parse('2026-07-02T00:00:00Z');

describe('retry policy helpers', () => {
  it('retries throttling and transient server errors only', () => {
    expect([429, 408, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([200, 400, 401, 403, 404, 501, 505].some(isRetryableStatus)).toBe(false);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('3', NOW)).toBe(3000);
    expect(parseRetryAfter('Thu, 02 Jul 2026 00:00:05 GMT', NOW)).toBe(5000);
    expect(parseRetryAfter('soon', NOW)).toBeUndefined();
    expect(parseRetryAfter(undefined, NOW)).toBeUndefined();
  });

  it("reads Resource Graph's quota reset (hh:mm:ss)", () => {
    expect(parseQuotaReset('00:00:05')).toBe(5000);
    expect(parseQuotaReset('01:02:03')).toBe(3_723_000);
    expect(parseQuotaReset('5s')).toBeUndefined();
  });

  it('prefers the named delay, else backs off exponentially, always capped', () => {
    const s = retrySettings({ baseDelayMs: 100, maxDelayMs: 4000 });
    const headers =
      (h: Record<string, string>) =>
      (name: string): string | undefined =>
        h[name];
    expect(retryDelay(headers({ 'retry-after': '2' }), 0, s, NOW)).toBe(2000);
    expect(retryDelay(headers({ 'x-ms-user-quota-resets-after': '00:00:03' }), 0, s, NOW)).toBe(3000);
    expect(retryDelay(headers({ 'retry-after': '60' }), 0, s, NOW)).toBe(4000);
    expect([0, 1, 2].map((a) => retryDelay(headers({}), a, s, NOW))).toEqual([100, 200, 400]);
    expect(retrySettings()).toEqual({ maxRetries: 4, baseDelayMs: 1000, maxDelayMs: 60_000 });
  });
});
