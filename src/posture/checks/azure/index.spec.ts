/**
 * The Azure checks end to end: the real collector (real ClientSecretCredential, Resource Graph
 * client, ARM GETs and Graph calls over the HTTPS loopback of fake-arm.test-helpers.ts) collects
 * the fixture tenant, and every check evaluates the snapshot it produced.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CloudSnapshot } from '../../../core/cloud.js';
import { collectAzureSnapshot } from '../../../sources/cloud/azure/collect.js';
import {
  type FakeArm,
  fakeCredential,
  startFakeArm,
} from '../../../sources/cloud/azure/fake-arm.test-helpers.js';
import {
  IDS,
  SEEDED_FAILURES,
  SUB_LAB,
  SUB_PROD,
  type TenantOptions,
  tenant,
} from '../../../sources/cloud/azure/fake-tenant.test-helpers.js';
import { STATUSES } from '../../check.js';
import { DEFAULT_PARAMS } from '../../params.js';
import { AZURE_CHECKS } from './index.js';

async function collectFixture(o: TenantOptions = {}): Promise<CloudSnapshot> {
  const fake: FakeArm = await startFakeArm(tenant(o));
  try {
    return await collectAzureSnapshot({
      credential: fakeCredential(fake),
      endpoint: fake.endpoint,
      graphEndpoint: fake.endpoint,
      ca: fake.ca,
      subscriptions: [SUB_PROD, SUB_LAB],
      retry: { maxRetries: 1, baseDelayMs: 5, maxDelayMs: 50 },
      now: new Date('2026-07-02T00:00:00Z'),
    });
  } finally {
    await fake.close();
  }
}

const evaluate = (snapshot: CloudSnapshot) =>
  AZURE_CHECKS.flatMap((c) => c.evaluate(snapshot, DEFAULT_PARAMS));

describe('over the fixture tenant, as collected', () => {
  let snapshot: CloudSnapshot;
  beforeAll(async () => {
    snapshot = await collectFixture();
  });

  const status = (checkId: string, resourceId: string) =>
    evaluate(snapshot).find((r) => r.checkId === checkId && r.resourceId === resourceId)?.status;

  it('fails exactly the seeded misconfigurations', () => {
    const fails = evaluate(snapshot)
      .filter((r) => r.status === 'fail')
      .map((r) => `${r.checkId} ${r.resourceId}`)
      .sort();
    expect(fails).toEqual(SEEDED_FAILURES.map(([c, id]) => `${c} ${id}`).sort());
  });

  it('passes the compliant counterparts', () => {
    const passes: [string, string][] = [
      ['storage-public-blob-access', IDS.labStore],
      ['storage-default-to-entra-auth', IDS.auditStore],
      ['storage-key-rotation', IDS.labStore],
      ['storage-blob-soft-delete', IDS.auditStore],
      ['sql-server-auditing', IDS.sqlClaims],
      ['sql-audit-retention', IDS.sqlClaims],
      ['diagnostic-settings-phi', IDS.sqlClaims],
      ['sql-min-tls-1-2', IDS.sqlClaims],
      ['sql-public-network-access-disabled-phi', IDS.sqlClaims],
      ['sql-firewall-allow-all', IDS.sqlClaims],
      ['sql-azuread-admin', IDS.sqlClaims],
      ['keyvault-purge-protection', IDS.kvLab],
      ['keyvault-rbac-enabled', IDS.kvLab],
      ['keyvault-private-endpoints', IDS.kvLab],
      ['vm-critical-updates-missing', IDS.labInt],
      ['vm-managed-disks', IDS.labInt],
      ['vm-encryption-at-host-phi', IDS.pacsGw],
      ['activity-log-diagnostic-settings', IDS.subLab],
    ];
    for (const [id, resource] of passes)
      expect([id, resource, status(id, resource)]).toEqual([id, resource, 'pass']);
  });

  it('leaves only the unassessed VM undecided', () => {
    const undecided = evaluate(snapshot)
      .filter((r) => r.status === 'manual' || r.status === 'error')
      .map((r) => [r.checkId, r.resourceId, r.status]);
    expect(undecided).toEqual([
      ['vm-update-assessment', IDS.build, 'manual'],
      ['vm-critical-updates-missing', IDS.build, 'error'],
    ]);
  });

  it('gives only known statuses with deterministic, unique finding ids', () => {
    const results = evaluate(snapshot);
    for (const r of results) expect(STATUSES).toContain(r.status);
    expect(new Set(results.map((r) => r.findingId)).size).toBe(results.length);
    expect(evaluate(structuredClone(snapshot))).toEqual(results);
  });
});

describe('over the fixture tenant, with reads refused', () => {
  it('never passes or fails what Graph or ARM refused', async () => {
    const snapshot = await collectFixture({ denyGraph: true, denyGets: /diagnosticSettings$/ });
    const results = evaluate(snapshot);
    const of = (checkId: string) =>
      results.filter((r) => r.checkId === checkId).map((r) => [r.resourceId, r.status]);
    expect(of('entra-mfa-phi-roles')).toEqual([[IDS.subProd, 'manual']]);
    expect(results.find((r) => r.checkId === 'entra-mfa-phi-roles')?.message).toMatch(
      /Authorization_RequestDenied/,
    );
    expect(of('activity-log-diagnostic-settings')).toEqual([
      [IDS.subProd, 'error'],
      [IDS.subLab, 'error'],
    ]);
    // sql-ehr fails on its disabled auditing, which was read; the rest could not be.
    expect(of('diagnostic-settings-phi').sort()).toEqual(
      [
        [IDS.phiStore, 'error'],
        [IDS.sqlServer, 'fail'],
        [IDS.sqlClaims, 'pass'],
        [IDS.kvEhr, 'error'],
      ].sort(),
    );
  });
});
