import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../params.js';
import { az, EMPTY, PHI, snap } from '../_shared/fixtures.test-helpers.js';
import { check } from './index.js';

const run = (supplementary: Record<string, unknown>, tags: Record<string, string> = PHI) =>
  check.evaluate(
    snap([az('microsoft.storage/storageaccounts', 'sa', {}, { tags, supplementary })]),
    DEFAULT_PARAMS,
  );

describe(check.id, () => {
  it('passes on GRS, RA-GRS, GZRS and RA-GZRS', () => {
    for (const name of ['Standard_GRS', 'Standard_RAGRS', 'Standard_GZRS', 'Standard_RAGZRS'])
      expect(run({ sku: { name } })[0]?.status).toBe('pass');
  });
  it('fails on single-region SKUs', () => {
    for (const name of ['Standard_LRS', 'Standard_ZRS', 'Premium_LRS'])
      expect(run({ sku: { name } })[0]?.status).toBe('fail');
  });
  it('is an error without the SKU', () => expect(run({})[0]?.status).toBe('error'));
  it('ignores accounts not tagged PHI; empty → nothing', () => {
    expect(run({ sku: { name: 'Standard_LRS' } }, {})).toEqual([]);
    expect(check.evaluate(EMPTY, DEFAULT_PARAMS)).toEqual([]);
  });
});
