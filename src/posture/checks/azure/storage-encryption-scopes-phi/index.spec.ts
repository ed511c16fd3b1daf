import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../params.js';
import { az, EMPTY, PHI, SUB, snap } from '../_shared/fixtures.test-helpers.js';
import { check } from './index.js';

const scope = (name: string, source: string, state = 'Enabled') => ({ name, properties: { source, state } });
const run = (supplementary: Record<string, unknown>, tags: Record<string, string> = PHI, gaps = []) =>
  check.evaluate(
    snap([az('microsoft.storage/storageaccounts', 'sa', {}, { tags, supplementary })], gaps),
    DEFAULT_PARAMS,
  );

describe(check.id, () => {
  it('passes when every enabled scope uses Key Vault, or there is none', () => {
    expect(
      run({
        encryptionScopes: [scope('cmk', 'Microsoft.KeyVault'), scope('old', 'Microsoft.Storage', 'Disabled')],
      })[0]?.status,
    ).toBe('pass');
    expect(run({ encryptionScopes: [] })[0]?.status).toBe('pass');
  });
  it('fails on an enabled Microsoft-managed scope', () => {
    const [r] = run({
      encryptionScopes: [scope('imaging', 'Microsoft.Storage'), scope('cmk', 'Microsoft.KeyVault')],
    });
    expect(r).toMatchObject({
      status: 'fail',
      message: expect.stringContaining('imaging (Microsoft.Storage)'),
    });
  });
  it('is an error with the gap when scopes were not read', () => {
    const gap = {
      provider: 'azure' as const,
      account: SUB,
      region: 'eastus',
      service: 'Microsoft.Storage',
      reason: 'GET encryptionScopes sa: AuthorizationFailed',
    };
    expect(run({}, PHI, [gap] as never)[0]).toMatchObject({
      status: 'error',
      message: expect.stringContaining('AuthorizationFailed'),
    });
  });
  it('ignores accounts not tagged PHI; empty → nothing', () => {
    expect(run({ encryptionScopes: [scope('x', 'Microsoft.Storage')] }, {})).toEqual([]);
    expect(check.evaluate(EMPTY, DEFAULT_PARAMS)).toEqual([]);
  });
});
