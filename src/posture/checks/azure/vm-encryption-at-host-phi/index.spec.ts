import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../params.js';
import { az, EMPTY, PHI, snap } from '../_shared/fixtures.test-helpers.js';
import { check } from './index.js';

const run = (p: Record<string, unknown>, tags: Record<string, string> = PHI) =>
  check.evaluate(snap([az('microsoft.compute/virtualmachines', 'vm', p, { tags })]), DEFAULT_PARAMS);

describe(check.id, () => {
  it('passes with encryption at host, or a confidential VM encrypting guest state', () => {
    expect(run({ securityProfile: { encryptionAtHost: true } })[0]?.status).toBe('pass');
    expect(
      run({
        securityProfile: { securityType: 'ConfidentialVM' },
        storageProfile: {
          osDisk: { managedDisk: { securityProfile: { securityEncryptionType: 'DiskWithVMGuestState' } } },
        },
      })[0]?.status,
    ).toBe('pass');
  });
  it('fails without', () => {
    expect(run({})[0]?.status).toBe('fail');
    expect(run({ securityProfile: { encryptionAtHost: false } })[0]?.status).toBe('fail');
  });
  it('ignores VMs not tagged PHI; empty → nothing', () => {
    expect(run({}, {})).toEqual([]);
    expect(check.evaluate(EMPTY, DEFAULT_PARAMS)).toEqual([]);
  });
});
