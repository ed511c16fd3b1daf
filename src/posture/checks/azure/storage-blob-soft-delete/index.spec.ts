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
  it('passes when soft delete is on', () =>
    expect(
      run({ blobServiceProperties: { deleteRetentionPolicy: { enabled: true, days: 30 } } })[0],
    ).toMatchObject({
      status: 'pass',
      evidence: { 'deleteRetentionPolicy.days': 30 },
    }));
  it('fails when off or absent', () => {
    expect(run({ blobServiceProperties: { deleteRetentionPolicy: { enabled: false } } })[0]?.status).toBe(
      'fail',
    );
    expect(run({ blobServiceProperties: {} })[0]?.status).toBe('fail');
  });
  it('is an error with the gap when not read, and skips FileStorage accounts', () => {
    const gap = {
      provider: 'azure' as const,
      account: SUB,
      region: 'eastus',
      service: 'Microsoft.Storage',
      reason: 'GET blobServiceProperties sa: AuthorizationFailed',
    };
    const [r] = check.evaluate(
      snap([az('microsoft.storage/storageaccounts', 'sa', {})], [gap]),
      DEFAULT_PARAMS,
    );
    expect(r).toMatchObject({ status: 'error', message: expect.stringContaining('AuthorizationFailed') });
    expect(run({ kind: 'FileStorage' })).toEqual([]);
  });
  it('empty → nothing', () => expect(check.evaluate(EMPTY, DEFAULT_PARAMS)).toEqual([]));
});
