import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../params.js';
import { az, EMPTY, PHI, SUB, snap } from '../_shared/fixtures.test-helpers.js';
import { check } from './index.js';

const server = (supplementary: Record<string, unknown>) =>
  az('microsoft.sql/servers', 'sql-ehr', { publicNetworkAccess: 'Enabled' }, { tags: PHI, supplementary });

describe(check.id, () => {
  it('passes when auditing is Enabled (properties or whole ARM body)', () => {
    const a = check.evaluate(snap([server({ auditingSettings: { state: 'Enabled' } })]), DEFAULT_PARAMS);
    const b = check.evaluate(
      snap([server({ auditingSettings: { properties: { state: 'Enabled' } } })]),
      DEFAULT_PARAMS,
    );
    expect(a[0]?.status).toBe('pass');
    expect(b[0]?.status).toBe('pass');
  });
  it('fails when Disabled', () => {
    const [r] = check.evaluate(
      snap([server({ auditingSettings: { state: 'Disabled', retentionDays: 0 } })]),
      DEFAULT_PARAMS,
    );
    expect(r).toMatchObject({ status: 'fail', evidence: { 'auditingSettings.state': 'Disabled' } });
  });
  it('is an error with the gap reason when auditing was not read', () => {
    const gap = {
      provider: 'azure' as const,
      account: SUB,
      region: 'eastus',
      service: 'Microsoft.Sql',
      reason: 'GET auditingSettings sql-ehr: AuthorizationFailed',
    };
    const [r] = check.evaluate(snap([server({})], [gap]), DEFAULT_PARAMS);
    expect(r?.status).toBe('error');
    expect(r?.message).toContain('AuthorizationFailed');
  });
  it('empty → nothing', () => expect(check.evaluate(EMPTY, DEFAULT_PARAMS)).toEqual([]));
});
