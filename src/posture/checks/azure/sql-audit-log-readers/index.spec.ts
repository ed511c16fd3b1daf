import { describe, expect, it } from 'vitest';
import type { CloudResource } from '../../../../core/cloud.js';
import { DEFAULT_PARAMS } from '../../../params.js';
import { az, EMPTY, PHI, SUB, snap } from '../_shared/fixtures.test-helpers.js';
import { check, MAX_AUDIT_LOG_READERS } from './index.js';

const RG = `/subscriptions/${SUB}/resourceGroups/rg-sec`;
const AUDIT = `${RG}/providers/Microsoft.Storage/storageAccounts/audit01`;
const WS = `${RG}/providers/Microsoft.OperationalInsights/workspaces/law`;
const BLOB_READ = 'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read';
const ROLES = {
  blobReader: {
    roleName: 'Storage Blob Data Reader',
    permissions: [{ actions: [], dataActions: [BLOB_READ] }],
  },
  keys: {
    roleName: 'Reader and Data Access',
    permissions: [{ actions: ['Microsoft.Storage/storageAccounts/listKeys/action'] }],
  },
  reader: { roleName: 'Reader', permissions: [{ actions: ['*/read'] }] },
  owner: { roleName: 'Owner', permissions: [{ actions: ['*'] }] },
};

let n = 0;
function ra(scope: string, role: keyof typeof ROLES | undefined, principalType = 'User'): CloudResource {
  n += 1;
  return az(
    'microsoft.authorization/roleassignments',
    `ra${n}`,
    { scope, principalId: `p${n}`, principalType },
    {
      id: `${scope}/providers/Microsoft.Authorization/roleAssignments/ra${n}`,
      supplementary: role ? { roleDefinition: ROLES[role] } : {},
    },
  );
}
const storage = (allowSharedKeyAccess: boolean) =>
  az('microsoft.storage/storageaccounts', 'audit01', { allowSharedKeyAccess }, { id: AUDIT });
const server = (
  auditingSettings: Record<string, unknown> | undefined,
  supplementary: Record<string, unknown> = {},
) =>
  az(
    'microsoft.sql/servers',
    'sql-ehr',
    {},
    {
      tags: PHI,
      supplementary: { ...(auditingSettings ? { auditingSettings } : {}), ...supplementary },
    },
  );
const toStorage = { state: 'Enabled', storageEndpoint: 'https://audit01.blob.core.windows.net/' };
const run = (resources: CloudResource[], gaps = []) => check.evaluate(snap(resources, gaps), DEFAULT_PARAMS);

describe(check.id, () => {
  it('passes when no standing assignment can read the audit container', () => {
    const [r] = run([
      server(toStorage),
      storage(false),
      ra(`/subscriptions/${SUB}`, 'owner'),
      ra(`/subscriptions/${SUB}`, 'reader'),
      ra(AUDIT, 'keys'), // account keys are useless with Shared Key off
      ra(`${AUDIT}/blobServices/default/containers/exports`, 'blobReader'), // another container
    ]);
    expect(r).toMatchObject({
      status: 'pass',
      evidence: { readers: [], canGrantThemselves: [{ via: `Owner at /subscriptions/${SUB}` }] },
    });
  });
  it('lists a few readers for a person to confirm (manual), keys counting while Shared Key is on', () => {
    const [r] = run([
      server(toStorage),
      storage(true),
      ra(AUDIT, 'keys', 'ServicePrincipal'),
      ra(`${AUDIT}/blobServices/default/containers/sqldbauditlogs`, 'blobReader'),
    ]);
    expect(r).toMatchObject({ status: 'manual' });
    expect(r?.evidence.readers).toHaveLength(2);
  });
  it(`fails when more than ${MAX_AUDIT_LOG_READERS} principals can read, through any scope`, () => {
    const scopes = [`/subscriptions/${SUB}`, RG, AUDIT, `/subscriptions/${SUB}`, RG, AUDIT];
    const [r] = run([server(toStorage), storage(false), ...scopes.map((s) => ra(s, 'blobReader', 'Group'))]);
    expect(r).toMatchObject({ status: 'fail', message: expect.stringContaining('6 principals') });
  });
  it('follows Azure Monitor auditing to the workspace of the master database setting', () => {
    const monitor = { state: 'Enabled', storageEndpoint: '', isAzureMonitorTargetEnabled: true };
    const master = [
      {
        name: 'SQLSecurityAuditEvents_law',
        properties: { workspaceId: WS, logs: [{ category: 'SQLSecurityAuditEvents', enabled: true }] },
      },
    ];
    const [r] = run([
      server(monitor, { masterDiagnosticSettings: master }),
      ra(`/subscriptions/${SUB}`, 'reader'),
    ]);
    expect(r).toMatchObject({
      status: 'manual',
      evidence: { destinations: [{ kind: 'workspace', id: WS }] },
    });
  });
  it('is an error when the destination or the assignments cannot be read', () => {
    expect(run([server(toStorage), ra(RG, 'reader')])[0]?.message).toMatch(/audit01 is not in the snapshot/);
    const gap = {
      provider: 'azure' as const,
      account: SUB,
      region: 'global',
      service: 'Microsoft.Authorization',
      reason: 'Resource Graph role-assignments: AuthorizationFailed',
    };
    expect(run([server(toStorage), storage(false), ra(RG, 'reader')], [gap] as never)[0]?.status).toBe(
      'error',
    );
    expect(run([server(undefined)])[0]?.status).toBe('error');
  });
  it('is manual when an assignment names a role that was not collected', () =>
    expect(run([server(toStorage), storage(false), ra(AUDIT, undefined)])[0]?.status).toBe('manual'));
  it('ignores servers without auditing or PHI; empty → nothing', () => {
    expect(run([server({ state: 'Disabled' })])).toEqual([]);
    expect(
      check.evaluate(
        snap([az('microsoft.sql/servers', 'x', {}, { supplementary: { auditingSettings: toStorage } })]),
        DEFAULT_PARAMS,
      ),
    ).toEqual([]);
    expect(check.evaluate(EMPTY, DEFAULT_PARAMS)).toEqual([]);
  });
});
