import { describe, expect, it } from 'vitest';
import { ADMIN_ROLES, AZURE_MANAGEMENT_APP, judgeMfa, whyNotEnforcing } from './conditional-access.js';

const base = {
  state: 'enabled',
  conditions: {
    clientAppTypes: ['all'],
    applications: { includeApplications: ['All'] },
    users: { includeUsers: ['All'] },
  },
  grantControls: { operator: 'OR', builtInControls: ['mfa'] },
};
const with_ = (path: 'conditions' | 'grantControls' | 'top', v: Record<string, unknown>) =>
  path === 'top' ? { ...base, ...v } : { ...base, [path]: { ...base[path], ...v } };

describe('whyNotEnforcing', () => {
  it('accepts MFA or an authentication strength, AND-ed with anything', () => {
    expect(whyNotEnforcing(base)).toBeUndefined();
    expect(
      whyNotEnforcing(with_('grantControls', { builtInControls: [], authenticationStrength: { id: 'x' } })),
    ).toBeUndefined();
    expect(
      whyNotEnforcing(
        with_('grantControls', { operator: 'AND', builtInControls: ['mfa', 'compliantDevice'] }),
      ),
    ).toBeUndefined();
    expect(
      whyNotEnforcing(with_('conditions', { applications: { includeApplications: [AZURE_MANAGEMENT_APP] } })),
    ).toBeUndefined();
  });
  it.each([
    [with_('top', { state: 'disabled' }), /state disabled/],
    [with_('top', { state: 'enabledForReportingButNotEnforced' }), /report-only/],
    [with_('grantControls', { builtInControls: ['block'] }), /blocks/],
    [with_('grantControls', { builtInControls: ['compliantDevice'] }), /does not ask/],
    [with_('grantControls', { builtInControls: ['mfa', 'domainJoinedDevice'] }), /one option/],
    [
      with_('conditions', {
        applications: { includeApplications: ['00000003-0000-0ff1-ce00-000000000000'] },
      }),
      /Azure management/,
    ],
    [
      with_('conditions', {
        applications: { includeApplications: ['All'], excludeApplications: [AZURE_MANAGEMENT_APP] },
      }),
      /excludes/,
    ],
    [with_('conditions', { signInRiskLevels: ['high'] }), /risky/],
    [with_('conditions', { clientAppTypes: ['exchangeActiveSync', 'other'] }), /client apps/],
    [with_('conditions', { platforms: { includePlatforms: ['android'] } }), /platforms/],
    [with_('conditions', { locations: { includeLocations: ['loc-1'] } }), /locations/],
  ])('rejects %#', (policy, why) => expect(whyNotEnforcing(policy)).toMatch(why));
});

describe('judgeMfa', () => {
  it('passes when every admin role is covered, fails naming the ones that are not', () => {
    const roles = (ids: string[]) => with_('conditions', { users: { includeRoles: ids } });
    expect(judgeMfa([roles(Object.keys(ADMIN_ROLES))], undefined).status).toBe('pass');
    const v = judgeMfa([roles(Object.keys(ADMIN_ROLES).slice(1))], { isEnabled: false });
    expect(v).toMatchObject({ status: 'fail', evidence: { adminRolesWithoutMfa: ['Global Administrator'] } });
  });
  it('an all-users policy excluding an admin role does not cover that role', () => {
    const [ga] = Object.keys(ADMIN_ROLES);
    const v = judgeMfa(
      [with_('conditions', { users: { includeUsers: ['All'], excludeRoles: [ga] } })],
      undefined,
    );
    expect(v).toMatchObject({ status: 'fail', evidence: { adminRolesWithoutMfa: ['Global Administrator'] } });
  });
  it('no policy at all fails', () => expect(judgeMfa([], undefined).status).toBe('fail'));
});
