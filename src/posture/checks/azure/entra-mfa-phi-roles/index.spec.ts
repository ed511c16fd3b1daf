import { describe, expect, it } from 'vitest';
import type { CloudResource } from '../../../../core/cloud.js';
import { DEFAULT_PARAMS } from '../../../params.js';
import { az, EMPTY, PHI, SUB, snap } from '../_shared/fixtures.test-helpers.js';
import { check } from './index.js';

const TENANT = 't-1';
const GA = '62e90394-69f5-4237-9190-012177145e10';
const policy = (users: Record<string, unknown>, o: Record<string, unknown> = {}) => ({
  displayName: 'p',
  state: 'enabled',
  conditions: {
    clientAppTypes: ['all'],
    applications: { includeApplications: ['All'], excludeApplications: [] },
    users: { includeUsers: [], includeRoles: [], includeGroups: [], excludeRoles: [], ...users },
  },
  grantControls: { operator: 'OR', builtInControls: ['mfa'] },
  ...o,
});
const tenant = (
  configuration: Record<string, unknown>,
  supplementary: Record<string, unknown> = {},
): CloudResource => ({
  ...az('microsoft.graph/conditionalaccess', 'conditionalAccess', configuration, {
    supplementary,
    id: `/tenants/${TENANT}/identity/conditionalAccess`,
  }),
  account: TENANT,
  region: 'global',
});
const subscription = az(
  'microsoft.resources/subscriptions',
  'Prod',
  {},
  { id: `/subscriptions/${SUB}`, supplementary: { tenantId: TENANT } },
);
const phiStore = az('microsoft.storage/storageaccounts', 'phi', {}, { tags: PHI });
const run = (ca: CloudResource | undefined, gaps = []) =>
  check.evaluate(snap([subscription, phiStore, ...(ca ? [ca] : [])], gaps), DEFAULT_PARAMS);

describe(check.id, () => {
  it('passes with an all-users MFA policy on Azure management', () => {
    const [r] = run(tenant({ policies: [policy({ includeUsers: ['All'], excludeUsers: ['break-glass'] })] }));
    expect(r).toMatchObject({
      status: 'pass',
      resourceId: `/subscriptions/${SUB}`,
      evidence: { excluded: { users: 1, groups: 0 } },
    });
  });
  it('passes with security defaults on', () =>
    expect(run(tenant({ policies: [] }, { securityDefaults: { isEnabled: true } }))[0]?.status).toBe('pass'));
  it('fails when only report-only, disabled, non-MFA or partial-role policies exist', () => {
    const [r] = run(
      tenant(
        {
          policies: [
            policy({ includeUsers: ['All'] }, { state: 'enabledForReportingButNotEnforced' }),
            policy(
              { includeUsers: ['All'] },
              { grantControls: { operator: 'OR', builtInControls: ['mfa', 'compliantDevice'] } },
            ),
            policy({ includeRoles: [GA] }),
          ],
        },
        { securityDefaults: { isEnabled: false } },
      ),
    );
    expect(r?.status).toBe('fail');
    expect(r?.message).toMatch(/Privileged Role Administrator/);
    expect(r?.message).not.toMatch(/Global Administrator/);
  });
  it('is manual when MFA targets groups, whose members are not collected', () =>
    expect(run(tenant({ policies: [policy({ includeGroups: ['g-admins'] })] }))[0]?.status).toBe('manual'));
  it('is manual with the reason when Graph refused, never pass or fail', () => {
    const gap = {
      provider: 'azure' as const,
      account: TENANT,
      region: 'global',
      service: 'Microsoft.Graph',
      reason: 'GET identity/conditionalAccess/policies: Authorization_RequestDenied',
    };
    const [r] = run(undefined, [gap] as never);
    expect(r).toMatchObject({
      status: 'manual',
      message: expect.stringContaining('Authorization_RequestDenied'),
    });
    expect(run(undefined)[0]?.message).toMatch(/not in the snapshot/);
  });
  it('ignores subscriptions without PHI; empty → nothing', () => {
    expect(check.evaluate(snap([subscription]), DEFAULT_PARAMS)).toEqual([]);
    expect(check.evaluate(EMPTY, DEFAULT_PARAMS)).toEqual([]);
  });
});
