/**
 * Wire-level tests: the real @azure/identity ClientSecretCredential, Resource Graph client and
 * subscription client talk HTTPS to a loopback ARM + Entra ID (fake-arm.test-helpers.ts) serving
 * the fixture tenant (fake-tenant.test-helpers.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { isAppError } from '../../../core/errors.js';
import { type CollectAzureOptions, collectAzureSnapshot } from './collect.js';
import {
  ACCESS_TOKEN,
  type ArmCall,
  type ArmHandler,
  armError,
  CLIENT_ID,
  type FakeArm,
  fakeCredential,
  graphCalls,
  startFakeArm,
  TENANT_ID,
} from './fake-arm.test-helpers.js';
import { ROLE_ASSIGNMENTS } from './fake-rbac.test-helpers.js';
import {
  IDS,
  SUB_DISABLED,
  SUB_LAB,
  SUB_PROD,
  type TenantOptions,
  tenant,
} from './fake-tenant.test-helpers.js';
import { AZURE_QUERIES } from './queries.js';

let fake: FakeArm | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** Options over the defaults below; `undefined` removes a default (e.g. the subscription list). */
type Extra = { [K in keyof CollectAzureOptions]?: CollectAzureOptions[K] | undefined };

async function collect(handler: ArmHandler, extra: Extra = {}) {
  fake = await startFakeArm(handler);
  const opts: Record<string, unknown> = {
    credential: fakeCredential(fake),
    endpoint: fake.endpoint,
    graphEndpoint: fake.endpoint,
    ca: fake.ca,
    subscriptions: [SUB_PROD, SUB_LAB],
    retry: { maxRetries: 2, baseDelayMs: 10, maxDelayMs: 2_000 },
    now: new Date('2026-07-02T00:00:00Z'),
    ...extra,
  };
  for (const [k, v] of Object.entries(opts)) if (v === undefined) delete opts[k];
  return collectAzureSnapshot(opts as CollectAzureOptions);
}

const collectTenant = (o: TenantOptions = {}, extra: Extra = {}) =>
  collect(tenant({ pageSize: 2, ...o }), extra);

async function failure(p: Promise<unknown>) {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isAppError(err)) throw new Error(`expected an AppError, got ${String(err)}`);
  return err;
}

describe('collectAzureSnapshot', () => {
  it('collects both subscriptions through Resource Graph, page by page, with a real token', async () => {
    const snap = await collectTenant();
    const calls = fake?.calls ?? [];

    // Entra ID: discovery, then one client-credentials grant per audience (ARM, then Graph).
    const tokenCalls = calls.filter((c) => c.path === `/${TENANT_ID}/oauth2/v2.0/token`);
    expect(tokenCalls.map((c) => c.json.scope)).toEqual([
      'https://management.azure.com/.default',
      'https://graph.microsoft.com/.default',
    ]);
    expect(tokenCalls[0]?.json).toMatchObject({ client_id: CLIENT_ID, grant_type: 'client_credentials' });

    const graph = graphCalls(calls);
    for (const c of graph) {
      expect(c.headers.authorization).toBe(`Bearer ${ACCESS_TOKEN}`);
      expect(c.query['api-version']).toBe('2021-03-01');
      expect(c.json.subscriptions).toEqual([SUB_PROD, SUB_LAB]);
      expect(c.json.options).toMatchObject({ $top: 1000, resultFormat: 'objectArray' });
    }
    // Every query is sent, in order, and followed over its pages with the previous $skipToken.
    const texts = [...new Set(graph.map((c) => c.json.query))];
    expect(texts).toEqual(AZURE_QUERIES.map((q) => q.text));
    expect(texts[0]).toBe("Resources | where type =~ 'microsoft.compute/virtualmachines'");
    const network = graph.filter((c) => c.json.query === AZURE_QUERIES[1]?.text);
    expect(network).toHaveLength(3); // 3 NICs + 1 public IP + 1 NSG at 2 rows a page
    const tokenOf = (c: ArmCall | undefined) =>
      (c?.json.options as Record<string, unknown> | undefined)?.$skipToken;
    expect(tokenOf(network[0])).toBeUndefined();
    expect(network.slice(1).map((c) => Buffer.from(String(tokenOf(c)), 'base64').toString())).toEqual([
      'offset:2',
      'offset:4',
    ]);

    expect(snap).toMatchObject({
      provider: 'azure',
      collectedAt: '2026-07-02T00:00:00.000Z',
      accounts: [SUB_PROD, SUB_LAB].sort(),
      regions: ['eastus', 'westus2'],
    });
    expect(snap.resources.map((r) => r.id).sort()).toEqual(
      [
        ...Object.values(IDS),
        ...ROLE_ASSIGNMENTS.map((r) => String(r.id)),
        `/tenants/${TENANT_ID}/identity/conditionalAccess`,
      ].sort(),
    );
    const byId = new Map(snap.resources.map((r) => [r.id, r]));
    const ehr = byId.get(IDS.ehrApp);
    expect(ehr).toMatchObject({
      provider: 'azure',
      account: SUB_PROD,
      region: 'eastus',
      type: 'microsoft.compute/virtualmachines',
      name: 'ehr-app-01',
      tags: { PHI: 'true', Environment: 'prod', Owner: 'ehr-team' },
      source: 'azure-resource-graph',
    });
    expect(ehr?.configuration).toMatchObject({
      storageProfile: { imageReference: { publisher: 'Canonical' } },
      osProfile: { linuxConfiguration: { patchSettings: { patchMode: 'AutomaticByPlatform' } } },
      extended: { instanceView: { powerState: { code: 'PowerState/running' } } },
    });
    expect(ehr?.supplementary.patchAssessment).toMatchObject({
      id: `${IDS.ehrApp}/patchAssessmentResults/latest`,
      status: 'Succeeded',
      availablePatchCountByClassification: { critical: 2, security: 3, other: 4 },
    });
    expect(
      (ehr?.supplementary.missingPatches as { patchName: string }[] | undefined)?.map((p) => p.patchName),
    ).toEqual(['libssl3', 'openssl', 'sudo']);
    expect(byId.get(IDS.build)?.supplementary).toEqual({});
    // Resource Graph has no auditing / TDE: read with ARM GETs; master has no TDE lookup.
    expect(byId.get(IDS.sqlServer)?.supplementary.auditingSettings).toMatchObject({ state: 'Disabled' });
    expect(byId.get(IDS.sqlDb)?.supplementary.transparentDataEncryption).toEqual({ state: 'Disabled' });
    expect(byId.get(IDS.sqlMaster)?.supplementary).toEqual({ kind: 'v12.0,system' });
    const sqlGets = calls.filter(
      (c) => c.method === 'GET' && c.path.includes('Microsoft.Sql') && !c.path.includes('Insights'),
    );
    expect(sqlGets.map((c) => [c.path, c.query['api-version'], c.headers.authorization])).toEqual(
      expect.arrayContaining([
        [`${IDS.sqlServer}/auditingSettings/default`, '2021-11-01', `Bearer ${ACCESS_TOKEN}`],
        [`${IDS.sqlDb}/transparentDataEncryption/current`, '2021-11-01', `Bearer ${ACCESS_TOKEN}`],
      ]),
    );
    // Two servers × (auditing, administrators, firewall rules) + one user database's TDE.
    expect(sqlGets).toHaveLength(7);
    expect(byId.get(IDS.phiStore)?.configuration).toMatchObject({
      allowBlobPublicAccess: true,
      supportsHttpsTrafficOnly: false,
      minimumTlsVersion: 'TLS1_0',
    });
    expect(byId.get(IDS.kvEhr)?.configuration.enablePurgeProtection).toBeUndefined();
    expect(snap.gaps).toEqual([]);
  });

  it('enumerates Enabled subscriptions over every page and names the others as gaps', async () => {
    const snap = await collectTenant({}, { subscriptions: undefined });
    const list = (fake?.calls ?? []).filter((c) => c.path === '/subscriptions');
    expect(list).toHaveLength(2);
    expect(list[0]?.query['api-version']).toBe('2022-12-01');
    expect(list[0]?.headers.authorization).toBe(`Bearer ${ACCESS_TOKEN}`);
    expect(snap.accounts).toEqual([SUB_PROD, SUB_LAB].sort());
    expect(graphCalls(fake?.calls ?? [])[0]?.json.subscriptions).toEqual([SUB_PROD, SUB_LAB].sort());
    expect(snap.gaps).toContainEqual({
      provider: 'azure',
      account: SUB_DISABLED,
      region: 'global',
      service: 'Microsoft.Resources',
      reason: 'subscription state Disabled: not collected',
    });
  });

  it('waits out a 429 with Retry-After and then collects', async () => {
    const started = Date.now();
    const snap = await collectTenant({ throttle: 1 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    const [first, second] = graphCalls(fake?.calls ?? []);
    expect(second?.body).toBe(first?.body);
    expect(snap.resources.some((r) => r.id === IDS.ehrApp)).toBe(true);
  });

  it('gives up with CLOUD_THROTTLED when the 429s outlast the retries', async () => {
    const err = await failure(
      collectTenant({ throttle: 10 }, { retry: { maxRetries: 1, maxDelayMs: 1_000 } }),
    );
    expect(err.code).toBe('CLOUD_THROTTLED');
    expect(err.details).toMatchObject({ provider: 'azure', reason: 'RateLimiting', status: 429 });
    expect(graphCalls(fake?.calls ?? [])).toHaveLength(2);
  });

  it.each(['ExpiredAuthenticationToken', 'InvalidAuthenticationTokenTenant'])(
    'stops with CLOUD_CREDENTIALS when ARM answers 401 %s',
    async (code) => {
      const err = await failure(collectTenant({ rejectToken: code }));
      expect(err.code).toBe('CLOUD_CREDENTIALS');
      expect(err.details).toMatchObject({ reason: code, status: 401, service: 'Microsoft.Compute' });
      expect(graphCalls(fake?.calls ?? [])).toHaveLength(1);
    },
  );

  it('stops with CLOUD_CREDENTIALS when Entra ID refuses the client secret', async () => {
    const base = tenant();
    const refuse: ArmHandler = (call, calls, endpoint) =>
      call.path.endsWith('/oauth2/v2.0/token')
        ? {
            status: 401,
            body: {
              error: 'invalid_client',
              error_description: 'AADSTS7000215: Invalid client secret provided.',
              error_codes: [7000215],
            },
          }
        : base(call, calls, endpoint);
    const err = await failure(collect(refuse));
    expect(err.code).toBe('CLOUD_CREDENTIALS');
    // @azure/identity 4.13 raises MSAL's `invalid_client` as AuthenticationRequiredError.
    expect(err.details.reason).toBe('AuthenticationRequiredError');
    expect(String((err.cause as Error).message)).toContain('invalid_client');
    expect(graphCalls(fake?.calls ?? [])).toHaveLength(0);
  });

  it('reports a refused subscription as a gap and still collects the other one', async () => {
    const snap = await collectTenant({ deny: [SUB_LAB], denySqlAuditing: true });
    const graph = graphCalls(fake?.calls ?? []);
    // The batch is refused, then each subscription is asked on its own.
    expect(graph[0]?.json.subscriptions).toEqual([SUB_PROD, SUB_LAB]);
    expect(graph[1]?.json.subscriptions).toEqual([SUB_PROD]);
    const azure = snap.resources.filter((r) => r.source === 'azure-resource-graph');
    expect(azure.every((r) => r.account === SUB_PROD)).toBe(true);
    expect(snap.resources.some((r) => r.id === IDS.ehrApp)).toBe(true);
    const refused = snap.gaps.filter((g) => g.account === SUB_LAB && g.service !== 'Microsoft.Insights');
    expect(refused.map((g) => g.reason)).toEqual(
      AZURE_QUERIES.map((q) => `Resource Graph ${q.name}: AuthorizationFailed`),
    );
    expect(snap.gaps).toContainEqual({
      provider: 'azure',
      account: SUB_PROD,
      region: 'eastus',
      service: 'Microsoft.Sql',
      reason: 'GET auditingSettings sql-ehr: AuthorizationFailed',
    });
    expect(snap.resources.find((r) => r.id === IDS.sqlDb)?.supplementary.transparentDataEncryption).toEqual({
      state: 'Disabled',
    });
  });

  it('stops with CLOUD_API on a server error that outlasts the retries', async () => {
    const base = tenant();
    const broken: ArmHandler = (call, calls, endpoint) =>
      call.path === '/providers/Microsoft.ResourceGraph/resources'
        ? armError(500, 'InternalServerError', 'Encountered an internal server error.')
        : base(call, calls, endpoint);
    const err = await failure(collect(broken, { retry: { maxRetries: 1, baseDelayMs: 5 } }));
    expect(err.code).toBe('CLOUD_API');
    expect(err.details).toMatchObject({ reason: 'InternalServerError', status: 500 });
    expect(graphCalls(fake?.calls ?? [])).toHaveLength(2);
  });
});
