import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../params.js';
import { az, EMPTY, SUB, snap } from '../_shared/fixtures.test-helpers.js';
import { check } from './index.js';

describe(check.id, () => {
  it('is always manual, one result per subscription, with the reason', () => {
    const s = snap([az('microsoft.keyvault/vaults', 'kv', { enablePurgeProtection: true })]);
    const results = check.evaluate({ ...s, accounts: [SUB, 'OTHER-SUB'] }, DEFAULT_PARAMS);
    expect(results.map((r) => [r.resourceId, r.status])).toEqual([
      [`/subscriptions/${SUB}`, 'manual'],
      ['/subscriptions/other-sub', 'manual'],
    ]);
    expect(results[0]?.message).toMatch(/conditional access .* not collected/i);
  });
  it('never passes or fails', () => {
    expect(check.evaluate(snap([]), DEFAULT_PARAMS).every((r) => r.status === 'manual')).toBe(true);
  });
  it('empty → nothing; AWS snapshots → nothing', () => {
    expect(check.evaluate(EMPTY, DEFAULT_PARAMS)).toEqual([]);
    expect(check.evaluate({ ...EMPTY, provider: 'aws', accounts: ['123456789012'] }, DEFAULT_PARAMS)).toEqual(
      [],
    );
  });
});
