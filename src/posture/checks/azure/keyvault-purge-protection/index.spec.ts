import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../params.js';
import { az, EMPTY, snap } from '../_shared/fixtures.test-helpers.js';
import { check } from './index.js';

const run = (p: Record<string, unknown>) =>
  check.evaluate(snap([az('microsoft.keyvault/vaults', 'kv', p)]), DEFAULT_PARAMS)[0];

describe(check.id, () => {
  it('passes when enabled', () =>
    expect(run({ enableSoftDelete: true, enablePurgeProtection: true })?.status).toBe('pass'));
  it('fails when absent or false', () => {
    expect(run({ enableSoftDelete: true })).toMatchObject({
      status: 'fail',
      evidence: { enablePurgeProtection: null },
    });
    expect(run({ enablePurgeProtection: false })?.status).toBe('fail');
  });
  it('empty → nothing', () => expect(check.evaluate(EMPTY, DEFAULT_PARAMS)).toEqual([]));
});
