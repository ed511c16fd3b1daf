import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../params.js';
import { az, EMPTY, PHI, snap } from '../_shared/fixtures.test-helpers.js';
import { check } from './index.js';

const run = (encryption: Record<string, unknown>, tags: Record<string, string> = PHI) =>
  check.evaluate(
    snap([az('microsoft.storage/storageaccounts', 'sa', { encryption }, { tags })]),
    DEFAULT_PARAMS,
  );

describe(check.id, () => {
  it('passes with Microsoft.Keyvault', () =>
    expect(run({ keySource: 'Microsoft.Keyvault' })[0]?.status).toBe('pass'));
  it('fails (medium) with Microsoft.Storage, citing the risk analysis', () => {
    const [r] = run({ keySource: 'Microsoft.Storage' });
    expect(check.severity).toBe('medium');
    expect(r?.status).toBe('fail');
    expect(r?.message).toMatch(/where required by your risk analysis/);
  });
  it('is manual when keySource is absent', () => expect(run({})[0]?.status).toBe('manual'));
  it('ignores non-PHI accounts and empty snapshots', () => {
    expect(run({ keySource: 'Microsoft.Storage' }, {})).toEqual([]);
    expect(check.evaluate(EMPTY, DEFAULT_PARAMS)).toEqual([]);
  });
});
