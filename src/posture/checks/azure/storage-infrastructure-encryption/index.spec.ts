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
  it('passes on PHI accounts with infrastructure encryption', () => {
    expect(run({ requireInfrastructureEncryption: true })[0]?.status).toBe('pass');
  });
  it('fails on PHI accounts without it', () => {
    expect(run({ keySource: 'Microsoft.Storage' })[0]).toMatchObject({
      status: 'fail',
      evidence: { 'encryption.requireInfrastructureEncryption': null, phi: true },
    });
  });
  it('ignores non-PHI accounts and empty snapshots', () => {
    expect(run({}, {})).toEqual([]);
    expect(check.evaluate(EMPTY, DEFAULT_PARAMS)).toEqual([]);
  });
});
