import { describe, expect, it } from 'vitest';
import { byArmId, phiOf, sqlSettingMissing } from './arm.js';
import { az, PHI, SUB, snap } from './fixtures.test-helpers.js';

describe('arm helpers', () => {
  it('classifies PHI from tags and says why', () => {
    expect(phiOf({ tags: PHI })).toEqual({ phi: true, phiSource: 'tag:PHI=true' });
    expect(phiOf({ tags: { DataClassification: 'ePHI' } }).phi).toBe(true);
    expect(phiOf({ tags: {} })).toEqual({ phi: false, phiSource: 'none' });
  });

  it('indexes by case-insensitive ARM id', () => {
    const r = az(
      'microsoft.network/networkinterfaces',
      'nic',
      {},
      { id: '/subscriptions/X/resourceGroups/RG/n' },
    );
    expect(byArmId(snap([r])).get('/subscriptions/x/resourcegroups/rg/n')).toBe(r);
  });

  it('prefers the resource’s own SQL gap, then any Microsoft.Sql gap, then the known reasons', () => {
    const r = az('microsoft.sql/servers', 'sql-ehr', {});
    const own = { provider: 'azure' as const, account: SUB, region: 'eastus', service: 'Microsoft.Sql' };
    expect(
      sqlSettingMissing(
        snap(
          [r],
          [
            { ...own, reason: 'GET auditingSettings other: AuthorizationFailed' },
            { ...own, reason: 'GET auditingSettings sql-ehr: AuthorizationFailed' },
          ],
        ),
        r,
        'auditingSettings',
      ),
    ).toBe('GET auditingSettings sql-ehr: AuthorizationFailed');
    expect(
      sqlSettingMissing(snap([r], [{ ...own, reason: 'GET x y: Forbidden' }]), r, 'auditingSettings'),
    ).toBe('GET x y: Forbidden');
    expect(sqlSettingMissing(snap([r]), r, 'auditingSettings')).toMatch(/not read/);
  });
});
