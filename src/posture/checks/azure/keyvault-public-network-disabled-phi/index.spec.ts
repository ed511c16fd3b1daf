import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../params.js';
import { az, EMPTY, PHI, snap } from '../_shared/fixtures.test-helpers.js';
import { check } from './index.js';

const run = (p: Record<string, unknown>, tags: Record<string, string> = PHI) =>
  check.evaluate(snap([az('microsoft.keyvault/vaults', 'kv', p, { tags })]), DEFAULT_PARAMS);

describe(check.id, () => {
  it('passes with public access disabled or a deny-by-default firewall', () => {
    expect(run({ publicNetworkAccess: 'Disabled' })[0]?.status).toBe('pass');
    expect(run({ publicNetworkAccess: 'Enabled', networkAcls: { defaultAction: 'Deny' } })[0]?.status).toBe(
      'pass',
    );
  });
  it('fails when open, including by default', () => {
    expect(run({ publicNetworkAccess: 'Enabled', networkAcls: { defaultAction: 'Allow' } })[0]?.status).toBe(
      'fail',
    );
    expect(run({})[0]).toMatchObject({ status: 'fail', evidence: { publicNetworkAccess: null } });
  });
  it('ignores vaults not tagged PHI; empty → nothing', () => {
    expect(run({ publicNetworkAccess: 'Enabled' }, {})).toEqual([]);
    expect(check.evaluate(EMPTY, DEFAULT_PARAMS)).toEqual([]);
  });
});
