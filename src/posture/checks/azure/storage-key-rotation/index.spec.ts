import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../params.js';
import { az, EMPTY, snap } from '../_shared/fixtures.test-helpers.js';
import { check } from './index.js';

// snap() is collected at 2026-07-01T00:00:00Z.
const keys = (key1: string | null, key2: string | null) => ({ keyCreationTime: { key1, key2 } });
const policy = (days: number) => ({ keyPolicy: { keyExpirationPeriodInDays: days } });
const run = (p: Record<string, unknown>, params = DEFAULT_PARAMS) =>
  check.evaluate(snap([az('microsoft.storage/storageaccounts', 'sa', p)]), params)[0];

describe(check.id, () => {
  it('passes with recent keys and a policy within the period, or with Shared Key disabled', () => {
    expect(run({ ...keys('2026-05-01T00:00:00Z', '2026-06-01T00:00:00Z'), ...policy(90) })).toMatchObject({
      status: 'pass',
      evidence: { keyAgeDays: { key1: 61, key2: 30 } },
    });
    expect(run({ allowSharedKeyAccess: false, ...keys('2020-01-01T00:00:00Z', null) })?.status).toBe('pass');
  });
  it('fails on a key older than the period, and without a policy', () => {
    expect(run({ ...keys('2025-01-10T00:00:00Z', '2026-06-01T00:00:00Z'), ...policy(90) })?.message).toMatch(
      /key1 is 537 days old/,
    );
    expect(run({ ...keys('2026-06-01T00:00:00Z', '2026-06-01T00:00:00Z') })?.message).toMatch(
      /No key expiration/,
    );
    expect(run({ ...keys('2026-06-01T00:00:00Z', '2026-06-01T00:00:00Z'), ...policy(365) })?.status).toBe(
      'fail',
    );
  });
  it('follows params.secretRotationMaxDays', () => {
    const p = { ...keys('2026-05-01T00:00:00Z', '2026-05-01T00:00:00Z'), ...policy(30) };
    expect(run(p)?.status).toBe('pass');
    expect(run(p, { ...DEFAULT_PARAMS, secretRotationMaxDays: 30 })?.status).toBe('fail');
    expect(run({ ...p, ...policy(60) }, { ...DEFAULT_PARAMS, secretRotationMaxDays: 90 })?.status).toBe(
      'pass',
    );
  });
  it('is manual when a key’s creation time is unknown', () =>
    expect(run({ ...keys(null, '2026-06-01T00:00:00Z'), ...policy(90) })?.status).toBe('manual'));
  it('empty → nothing', () => expect(check.evaluate(EMPTY, DEFAULT_PARAMS)).toEqual([]));
});
