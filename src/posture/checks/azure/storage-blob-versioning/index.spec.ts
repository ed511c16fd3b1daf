import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../params.js';
import { az, EMPTY, SUB, snap } from '../_shared/fixtures.test-helpers.js';
import { check } from './index.js';

const run = (supplementary: Record<string, unknown>, gaps = []) =>
  check.evaluate(
    snap([az('microsoft.storage/storageaccounts', 'sa', {}, { supplementary })], gaps),
    DEFAULT_PARAMS,
  );

describe(check.id, () => {
  it('passes when versioning is on', () =>
    expect(run({ blobServiceProperties: { isVersioningEnabled: true } })[0]?.status).toBe('pass'));
  it('fails when off or absent', () => {
    expect(run({ blobServiceProperties: { isVersioningEnabled: false } })[0]?.status).toBe('fail');
    expect(run({ blobServiceProperties: {} })[0]?.status).toBe('fail');
  });
  it('is an error with the gap when not read', () => {
    const gap = {
      provider: 'azure' as const,
      account: SUB,
      region: 'eastus',
      service: 'Microsoft.Storage',
      reason: 'GET blobServiceProperties sa: Forbidden',
    };
    expect(run({}, [gap] as never)[0]).toMatchObject({
      status: 'error',
      message: expect.stringContaining('Forbidden'),
    });
  });
  it('empty → nothing', () => expect(check.evaluate(EMPTY, DEFAULT_PARAMS)).toEqual([]));
});
