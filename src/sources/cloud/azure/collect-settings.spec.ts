/**
 * Wire-level tests of what the collector reads besides Resource Graph: the ARM GETs for settings
 * Resource Graph does not index (SQL, blob service, encryption scopes, diagnostic settings), the
 * RBAC rows resolved onto assignments, and Entra conditional access through Microsoft Graph, all
 * against the HTTPS loopback of fake-arm.test-helpers.ts with a real ClientSecretCredential.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { CloudResource } from '../../../core/cloud.js';
import { isAppError } from '../../../core/errors.js';
import { graphEndpointFor, graphScope } from './clients.js';
import { type CollectAzureOptions, collectAzureSnapshot } from './collect.js';
import { CONDITIONAL_ACCESS_TYPE, tokenTenant } from './entra.js';
import {
  ACCESS_TOKEN,
  type ArmHandler,
  armError,
  type FakeArm,
  fakeCredential,
  GRAPH_TOKEN,
  startFakeArm,
  TENANT_ID,
} from './fake-arm.test-helpers.js';
import { CA_POLICIES, SECURITY_DEFAULTS } from './fake-graph.test-helpers.js';
import { PRINCIPALS } from './fake-rbac.test-helpers.js';
import { IDS, SUB_LAB, SUB_PROD, type TenantOptions, tenant } from './fake-tenant.test-helpers.js';

let fake: FakeArm | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function collect(handler: ArmHandler, extra: Partial<CollectAzureOptions> = {}) {
  fake = await startFakeArm(handler);
  return collectAzureSnapshot({
    credential: fakeCredential(fake),
    endpoint: fake.endpoint,
    graphEndpoint: fake.endpoint,
    ca: fake.ca,
    subscriptions: [SUB_PROD, SUB_LAB],
    retry: { maxRetries: 1, baseDelayMs: 5, maxDelayMs: 50 },
    now: new Date('2026-07-02T00:00:00Z'),
    ...extra,
  });
}
const collectTenant = (o: TenantOptions = {}, extra: Partial<CollectAzureOptions> = {}) =>
  collect(tenant(o), extra);

const gets = () => (fake?.calls ?? []).filter((c) => c.method === 'GET');
const byId = (resources: CloudResource[]) => new Map(resources.map((r) => [r.id, r]));

describe('ARM GETs for settings Resource Graph does not index', () => {
  it('asks each child with its API version and the ARM token, and stores what ARM returns', async () => {
    const snap = await collectTenant();
    const asked = gets()
      .filter((c) => c.path.startsWith('/subscriptions/'))
      .map((c) => [c.path, c.query['api-version'], c.headers.authorization]);
    const diag = 'providers/Microsoft.Insights/diagnosticSettings';
    expect(asked).toEqual(
      expect.arrayContaining([
        [`${IDS.sqlClaims}/administrators`, '2021-11-01', `Bearer ${ACCESS_TOKEN}`],
        [`${IDS.sqlServer}/firewallRules`, '2021-11-01', `Bearer ${ACCESS_TOKEN}`],
        [`${IDS.phiStore}/blobServices/default`, '2023-01-01', `Bearer ${ACCESS_TOKEN}`],
        [`${IDS.phiStore}/encryptionScopes`, '2023-01-01', `Bearer ${ACCESS_TOKEN}`],
        [`${IDS.phiStore}/blobServices/default/${diag}`, '2021-05-01-preview', `Bearer ${ACCESS_TOKEN}`],
        [`${IDS.kvEhr}/${diag}`, '2021-05-01-preview', `Bearer ${ACCESS_TOKEN}`],
        [`${IDS.sqlServer}/databases/master/${diag}`, '2021-05-01-preview', `Bearer ${ACCESS_TOKEN}`],
        [`${IDS.subProd}/${diag}`, '2021-05-01-preview', `Bearer ${ACCESS_TOKEN}`],
      ]),
    );
    // Every lookup is asked once; none for VMs, nor TDE of the system database.
    const paths = asked.map(([p]) => String(p));
    expect(new Set(paths).size).toBe(paths.length);
    expect(
      paths.filter((p) => p.startsWith(IDS.ehrApp) || p.endsWith('master/transparentDataEncryption/current')),
    ).toEqual([]);

    const r = byId(snap.resources);
    const phi = r.get(IDS.phiStore);
    // A single resource keeps its `properties`; a collection keeps its items whole.
    expect(phi?.supplementary.blobServiceProperties).toEqual({
      deleteRetentionPolicy: { enabled: false },
      containerDeleteRetentionPolicy: { enabled: false },
      isVersioningEnabled: false,
    });
    expect(
      (phi?.supplementary.encryptionScopes as { name: string }[] | undefined)?.map((s) => s.name),
    ).toEqual(['imaging', 'claims-cmk', 'legacy']);
    expect(phi?.supplementary.blobDiagnosticSettings).toMatchObject([
      { name: 'blob-writes', properties: { storageAccountId: IDS.auditStore } },
    ]);
    expect(phi?.supplementary).toMatchObject({ sku: { name: 'Standard_LRS' }, kind: 'StorageV2' });
    expect(r.get(IDS.kvEhr)?.supplementary.diagnosticSettings).toEqual([]);
    expect(r.get(IDS.sqlServer)?.supplementary.masterDiagnosticSettings).toEqual([]);
    expect(r.get(IDS.sqlServer)?.supplementary.firewallRules).toHaveLength(3);
    expect(r.get(IDS.sqlClaims)?.supplementary.administrators).toMatchObject([
      { properties: { administratorType: 'ActiveDirectory', azureADOnlyAuthentication: true } },
    ]);
    expect(r.get(IDS.subLab)?.supplementary).toMatchObject({
      tenantId: TENANT_ID,
      diagnosticSettings: [{ name: 'activity-to-law' }],
    });
    expect(snap.gaps).toEqual([]);
  });

  it('reports a refused GET as a gap naming the setting and the resource, and goes on', async () => {
    const snap = await collectTenant({ denyGets: /diagnosticSettings$/ });
    const insights = snap.gaps.filter((g) => g.service === 'Microsoft.Insights').map((g) => g.reason);
    expect(insights).toEqual(
      expect.arrayContaining([
        'GET diagnosticSettings kv-ehr: AuthorizationFailed',
        'GET blobDiagnosticSettings phistore01: AuthorizationFailed',
        'GET masterDiagnosticSettings sql-ehr: AuthorizationFailed',
        'GET diagnosticSettings EHR Production: AuthorizationFailed',
      ]),
    );
    const r = byId(snap.resources);
    expect(r.get(IDS.kvEhr)?.supplementary).not.toHaveProperty('diagnosticSettings');
    expect(r.get(IDS.phiStore)?.supplementary).toHaveProperty('blobServiceProperties');
  });

  it('follows nextLink across pages of a collection', async () => {
    const base = tenant();
    const scope = (name: string) => ({
      id: `${IDS.phiStore}/encryptionScopes/${name}`,
      name,
      properties: {},
    });
    const paged: ArmHandler = (call, calls, endpoint) => {
      if (call.path !== `${IDS.phiStore}/encryptionScopes`) return base(call, calls, endpoint);
      return call.query.$skiptoken === '2'
        ? { body: { value: [scope('b')] } }
        : {
            body: {
              value: [scope('a')],
              nextLink: `${endpoint}${IDS.phiStore}/encryptionScopes?api-version=2023-01-01&$skiptoken=2`,
            },
          };
    };
    const snap = await collect(paged);
    const scopes = byId(snap.resources).get(IDS.phiStore)?.supplementary.encryptionScopes;
    expect((scopes as { name: string }[]).map((s) => s.name)).toEqual(['a', 'b']);
  });

  it('stops with CLOUD_API when a lookup keeps failing on the server', async () => {
    const base = tenant();
    const broken: ArmHandler = (call, calls, endpoint) =>
      call.path.endsWith('/encryptionScopes')
        ? armError(500, 'InternalServerError', 'Encountered an internal server error.')
        : base(call, calls, endpoint);
    const err = await collect(broken).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isAppError(err) && err.code).toBe('CLOUD_API');
  });

  it('skips each family of lookups when told to', async () => {
    await collectTenant(
      {},
      { storageSettings: false, diagnosticSettings: false, sqlSettings: false, entra: false },
    );
    expect(gets().filter((c) => c.path.startsWith('/subscriptions/') || c.path.startsWith('/v1.0/'))).toEqual(
      [],
    );
  });
});

describe('Azure RBAC from authorizationresources', () => {
  it('stores assignments as resources carrying the definition of their role', async () => {
    const snap = await collectTenant();
    const assignments = snap.resources.filter((r) => r.type === 'microsoft.authorization/roleassignments');
    expect(assignments).toHaveLength(12);
    const siem = assignments.find((a) => a.configuration.principalId === PRINCIPALS.siem);
    expect(siem).toMatchObject({
      account: SUB_PROD,
      region: 'global',
      configuration: { scope: IDS.auditStore, principalType: 'ServicePrincipal' },
      supplementary: {
        roleDefinition: {
          roleName: 'Storage Blob Data Reader',
          type: 'BuiltInRole',
          permissions: [
            { dataActions: ['Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read'] },
          ],
        },
      },
    });
    // Definitions are not resources of their own.
    expect(snap.resources.some((r) => r.type === 'microsoft.authorization/roledefinitions')).toBe(false);
  });

  it('passes over assignments at management-group scope without calling them failures', async () => {
    const base = tenant();
    const mgScope = '/providers/Microsoft.Management/managementGroups/phi-workloads';
    const withMg: ArmHandler = (call, calls, endpoint) => {
      const reply = base(call, calls, endpoint);
      if (!String(call.json.query ?? '').includes('roleassignments') || reply === undefined) return reply;
      const body = reply.body as { data: unknown[] };
      const row = {
        id: `${mgScope}/providers/Microsoft.Authorization/roleAssignments/mg-1`,
        type: 'microsoft.authorization/roleassignments',
        properties: { scope: mgScope },
      };
      return { ...reply, body: { ...body, data: [...body.data, row] } };
    };
    const snap = await collect(withMg);
    expect(snap.gaps).toEqual([]);
    expect(snap.resources.some((r) => r.id.startsWith(mgScope))).toBe(false);
  });
});

describe('Entra conditional access through Microsoft Graph', () => {
  it('reads policies (every page) and security defaults with a Graph-audience token', async () => {
    const snap = await collectTenant({ graphPageSize: 1 });
    const graph = gets().filter((c) => c.path.startsWith('/v1.0/'));
    expect(graph.map((c) => c.path)).toEqual([
      ...CA_POLICIES.map(() => '/v1.0/identity/conditionalAccess/policies'),
      '/v1.0/policies/identitySecurityDefaultsEnforcementPolicy',
    ]);
    for (const c of graph) expect(c.headers.authorization).toBe(`Bearer ${GRAPH_TOKEN}`);
    const ca = snap.resources.find((r) => r.type === CONDITIONAL_ACCESS_TYPE);
    expect(ca).toMatchObject({
      account: TENANT_ID,
      region: 'global',
      id: `/tenants/${TENANT_ID}/identity/conditionalAccess`,
      source: 'microsoft-graph',
      configuration: { policies: CA_POLICIES },
      supplementary: { securityDefaults: { isEnabled: false, id: SECURITY_DEFAULTS.id } },
    });
    expect(ca?.supplementary.securityDefaults).not.toHaveProperty('@odata.context');
    // The tenant is not a subscription.
    expect(snap.accounts).toEqual([SUB_PROD, SUB_LAB].sort());
  });

  it('keeps a refusal (no Policy.Read.All) as gaps and collects everything else', async () => {
    const snap = await collectTenant({ denyGraph: true });
    expect(snap.gaps).toEqual([
      {
        provider: 'azure',
        account: TENANT_ID,
        region: 'global',
        service: 'Microsoft.Graph',
        reason: 'GET identity/conditionalAccess/policies: Authorization_RequestDenied',
      },
      {
        provider: 'azure',
        account: TENANT_ID,
        region: 'global',
        service: 'Microsoft.Graph',
        reason: 'GET policies/identitySecurityDefaultsEnforcementPolicy: Authorization_RequestDenied',
      },
    ]);
    expect(snap.resources.some((r) => r.type === CONDITIONAL_ACCESS_TYPE)).toBe(false);
    expect(snap.resources.some((r) => r.id === IDS.kvEhr)).toBe(true);
  });
});

describe('Graph endpoint, scope and tenant', () => {
  it('follows the ARM cloud, and a proxy or loopback asks for public Graph', () => {
    expect(graphEndpointFor('https://management.azure.com/')).toBe('https://graph.microsoft.com');
    expect(graphEndpointFor('https://management.usgovcloudapi.net')).toBe('https://graph.microsoft.us');
    expect(graphEndpointFor('https://127.0.0.1:4443')).toBe('https://graph.microsoft.com');
    expect(graphScope('https://microsoftgraph.chinacloudapi.cn')).toBe(
      'https://microsoftgraph.chinacloudapi.cn/.default',
    );
    expect(graphScope('https://127.0.0.1:4443')).toBe('https://graph.microsoft.com/.default');
  });

  it('reads the tenant from a JWT access token, and nothing from an opaque one', () => {
    expect(tokenTenant(GRAPH_TOKEN)).toBe(TENANT_ID);
    expect(tokenTenant('opaque-token')).toBeUndefined();
    expect(tokenTenant('a.!!!.c')).toBeUndefined();
  });
});
