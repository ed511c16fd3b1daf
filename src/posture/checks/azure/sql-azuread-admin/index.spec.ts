import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../params.js';
import { az, EMPTY, SUB, snap } from '../_shared/fixtures.test-helpers.js';
import { check } from './index.js';

const admin = {
  name: 'ActiveDirectory',
  properties: { administratorType: 'ActiveDirectory', login: 'dbas', azureADOnlyAuthentication: true },
};
const run = (
  supplementary: Record<string, unknown>,
  configuration: Record<string, unknown> = {},
  gaps = [],
) =>
  check.evaluate(
    snap([az('microsoft.sql/servers', 'sql-ehr', configuration, { supplementary })], gaps),
    DEFAULT_PARAMS,
  )[0];

describe(check.id, () => {
  it('passes with an Entra administrator, listed or on the server', () => {
    expect(run({ administrators: [admin] })).toMatchObject({
      status: 'pass',
      evidence: { administrators: [{ login: 'dbas', azureADOnlyAuthentication: true }] },
    });
    expect(run({}, { administrators: { administratorType: 'ActiveDirectory', login: 'x' } })?.status).toBe(
      'pass',
    );
  });
  it('fails when none is set', () => expect(run({ administrators: [] })?.status).toBe('fail'));
  it('is an error with the gap when the list was refused', () => {
    const gap = {
      provider: 'azure' as const,
      account: SUB,
      region: 'eastus',
      service: 'Microsoft.Sql',
      reason: 'GET administrators sql-ehr: AuthorizationFailed',
    };
    const r = check.evaluate(snap([az('microsoft.sql/servers', 'sql-ehr', {})], [gap]), DEFAULT_PARAMS)[0];
    expect(r).toMatchObject({ status: 'error', message: expect.stringContaining('AuthorizationFailed') });
  });
  it('empty → nothing', () => expect(check.evaluate(EMPTY, DEFAULT_PARAMS)).toEqual([]));
});
