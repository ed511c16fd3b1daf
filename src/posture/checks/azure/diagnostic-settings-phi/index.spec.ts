import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../params.js';
import { az, EMPTY, PHI, snap } from '../_shared/fixtures.test-helpers.js';
import { check } from './index.js';

describe(check.id, () => {
  it('is manual for each PHI resource and silent for the others', () => {
    const results = check.evaluate(
      snap([
        az('microsoft.storage/storageaccounts', 'phistore', {}, { tags: PHI }),
        az('microsoft.keyvault/vaults', 'kv', {}, { tags: { DataClassification: 'ePHI' } }),
        az('microsoft.storage/storageaccounts', 'logs', {}),
      ]),
      DEFAULT_PARAMS,
    );
    expect(results.map((r) => [r.resourceType, r.status])).toEqual([
      ['microsoft.storage/storageaccounts', 'manual'],
      ['microsoft.keyvault/vaults', 'manual'],
    ]);
    expect(results[0]?.message).toMatch(/not collected/);
  });
  it('empty → nothing', () => expect(check.evaluate(EMPTY, DEFAULT_PARAMS)).toEqual([]));
});
