import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../params.js';
import { az, EMPTY, snap } from '../_shared/fixtures.test-helpers.js';
import { check } from './index.js';

const run = (p: Record<string, unknown>) =>
  check.evaluate(snap([az('microsoft.keyvault/vaults', 'kv', p)]), DEFAULT_PARAMS)[0];

describe(check.id, () => {
  it('passes when enabled or unset (API default true)', () => {
    expect(run({ enableSoftDelete: true, softDeleteRetentionInDays: 90 })).toMatchObject({
      status: 'pass',
      evidence: { softDeleteRetentionInDays: 90 },
    });
    expect(run({})?.status).toBe('pass');
  });
  it('fails when explicitly disabled', () => expect(run({ enableSoftDelete: false })?.status).toBe('fail'));
  it('empty → nothing', () => expect(check.evaluate(EMPTY, DEFAULT_PARAMS)).toEqual([]));
});
