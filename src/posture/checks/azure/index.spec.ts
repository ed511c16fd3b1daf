import { describe, expect, it } from 'vitest';
import type { CloudResource, CloudSnapshot } from '../../../core/cloud.js';
import {
  IDS,
  PATCH_ROWS,
  RESOURCES,
  SUB_LAB,
  SUB_PROD,
} from '../../../sources/cloud/azure/fake-tenant.test-helpers.js';
import { attachPatchAssessments, rowToResource } from '../../../sources/cloud/azure/rows.js';
import { STATUSES } from '../../check.js';
import { DEFAULT_PARAMS } from '../../params.js';
import { AZURE_CHECKS } from './index.js';

/** The fixture tenant as the collector would store it (SQL GET answers included). */
function fixtureSnapshot(): CloudSnapshot {
  const rows = (list: Record<string, unknown>[]) => list.map((r) => rowToResource(r) as CloudResource);
  const resources = attachPatchAssessments(rows(RESOURCES), rows(PATCH_ROWS));
  const byId = new Map(resources.map((r) => [r.id, r]));
  const server = byId.get(IDS.sqlServer) as CloudResource;
  server.supplementary.auditingSettings = { state: 'Disabled', storageEndpoint: '', retentionDays: 0 };
  (byId.get(IDS.sqlDb) as CloudResource).supplementary.transparentDataEncryption = { state: 'Disabled' };
  return {
    provider: 'azure',
    collectedAt: '2026-07-01T03:00:00Z',
    accounts: [SUB_PROD, SUB_LAB],
    regions: ['eastus', 'westus2'],
    resources,
    gaps: [],
  };
}

describe('over the fixture tenant', () => {
  const snapshot = fixtureSnapshot();
  const results = AZURE_CHECKS.flatMap((c) => c.evaluate(snapshot, DEFAULT_PARAMS));
  const status = (checkId: string, resourceId: string) =>
    results.find((r) => r.checkId === checkId && r.resourceId === resourceId)?.status;

  it('finds every seeded misconfiguration', () => {
    for (const id of [
      'storage-public-blob-access',
      'storage-secure-transfer',
      'storage-min-tls-1-2',
      'storage-network-default-deny',
    ]) {
      expect([id, status(id, IDS.phiStore)]).toEqual([id, 'fail']);
    }
    expect(status('sql-server-auditing', IDS.sqlServer)).toBe('fail');
    expect(status('sql-database-tde', IDS.sqlDb)).toBe('fail');
    expect(status('nsg-admin-ports-open', IDS.ehrNsg)).toBe('fail');
    expect(status('nsg-http-open-phi', IDS.ehrApp)).toBe('fail');
    expect(status('vm-critical-updates-missing', IDS.ehrApp)).toBe('fail');
    expect(status('keyvault-purge-protection', IDS.kvEhr)).toBe('fail');
    expect(status('tags-phi-and-dev-azure', IDS.pacsGw)).toBe('fail');
    expect(status('vm-patch-mode-automatic', IDS.pacsGw)).toBe('fail');
  });

  it('passes the compliant counterparts', () => {
    for (const id of ['storage-public-blob-access', 'storage-secure-transfer', 'storage-min-tls-1-2']) {
      expect([id, status(id, IDS.labStore)]).toEqual([id, 'pass']);
    }
    expect(status('keyvault-purge-protection', IDS.kvLab)).toBe('pass');
    expect(status('vm-critical-updates-missing', IDS.labInt)).toBe('pass');
  });

  it('gives only known statuses with deterministic, unique finding ids', () => {
    for (const r of results) expect(STATUSES).toContain(r.status);
    expect(new Set(results.map((r) => r.findingId)).size).toBe(results.length);
    expect(AZURE_CHECKS.flatMap((c) => c.evaluate(fixtureSnapshot(), DEFAULT_PARAMS))).toEqual(results);
  });
});
