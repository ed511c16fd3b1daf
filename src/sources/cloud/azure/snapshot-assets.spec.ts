import { describe, expect, it } from 'vitest';
import type { CloudResource, CloudSnapshot } from '../../../core/cloud.js';
import { classifyPhi, environmentFromTags } from '../../../core/phi.js';
import { IDS, PATCH_ROWS, RESOURCES, SUB_LAB, SUB_PROD } from './fake-tenant.test-helpers.js';
import { attachPatchAssessments, rowToResource } from './rows.js';
import { azureSnapshotAssets, imageName, patchTags, vmInternetExposed } from './snapshot-assets.js';

function resources(rows: Record<string, unknown>[]): CloudResource[] {
  return rows.map((r) => {
    const out = rowToResource(r);
    if (typeof out === 'string') throw new Error(out);
    return out;
  });
}

/** The fixture tenant as the collector would snapshot it (rows → resources, patches attached). */
function tenantSnapshot(): CloudSnapshot {
  return {
    provider: 'azure',
    collectedAt: '2026-07-02T00:00:00.000Z',
    accounts: [SUB_PROD, SUB_LAB],
    regions: ['eastus', 'westus2'],
    resources: attachPatchAssessments(resources(RESOURCES), resources(PATCH_ROWS)),
    gaps: [],
  };
}

describe('azureSnapshotAssets', () => {
  it('maps VMs to hosts, storage accounts to storage and SQL databases to databases', () => {
    const out = azureSnapshotAssets(tenantSnapshot());
    expect(out.map((e) => [e.asset.kind, e.asset.name])).toEqual([
      ['host', 'ehr-app-01'],
      ['host', 'pacs-gw-01'],
      ['host', 'build-01'],
      ['host', 'lab-int-01'],
      ['storage', 'phistore01'],
      ['storage', 'auditlogs01'],
      ['storage', 'labstore02'],
      ['database', 'ehrdb'],
    ]);
    // Update Manager reports missing updates, not installed software: no components invented.
    expect(out.every((e) => e.components.length === 0 && e.rejected.length === 0)).toBe(true);
  });

  it('tags a host with OS, image, patch mode, power state and assessment counts', () => {
    const [ehr, pacs, build, lab] = azureSnapshotAssets(tenantSnapshot());
    expect(ehr?.asset).toEqual({
      externalId: IDS.ehrApp.toLowerCase(),
      name: 'ehr-app-01',
      kind: 'host',
      provider: 'azure',
      account: SUB_PROD,
      region: 'eastus',
      internetExposed: true,
      tags: {
        PHI: 'true',
        Environment: 'prod',
        Owner: 'ehr-team',
        'azure:osType': 'Linux',
        'azure:image': 'Canonical:0001-com-ubuntu-server-jammy:22_04-lts-gen2:latest',
        'azure:vmSize': 'Standard_D2s_v3',
        'azure:patchMode': 'AutomaticByPlatform',
        'azure:assessmentMode': 'AutomaticByPlatform',
        'azure:powerState': 'running',
        'azure:patch:critical': '2',
        'azure:patch:security': '3',
        'azure:patch:other': '4',
        'azure:patch:status': 'Succeeded',
        'azure:patch:assessedAt': '2026-07-01T02:03:31Z',
        'azure:patch:rebootPending': 'false',
      },
    });
    // Windows classes other than critical/security add up to "other" (definition + rollup + updates).
    expect(pacs?.asset.tags).toMatchObject({
      'azure:osType': 'Windows',
      'azure:patchMode': 'Manual',
      'azure:patch:critical': '0',
      'azure:patch:security': '1',
      'azure:patch:other': '4',
    });
    // A NIC without public IP: not exposed; PHI and dev at once is visible to posture.
    expect(pacs?.asset.internetExposed).toBe(false);
    expect(classifyPhi(pacs?.asset.tags ?? {}).phi).toBe(true);
    expect(environmentFromTags(pacs?.asset.tags ?? {})).toBe('dev');
    // Custom image, no assessment, NIC not in the snapshot: nothing guessed.
    expect(build?.asset.tags).toEqual({
      'azure:osType': 'Linux',
      'azure:image': `/subscriptions/${SUB_PROD}/resourceGroups/rg-tools/providers/Microsoft.Compute/galleries/g1/images/build/versions/1.0.0`,
      'azure:vmSize': 'Standard_D2s_v3',
      'azure:powerState': 'deallocated',
    });
    expect(build?.asset).not.toHaveProperty('internetExposed');
    expect(lab?.asset).toMatchObject({ account: SUB_LAB, internetExposed: false });
  });

  it('returns nothing for an empty snapshot or one of another provider', () => {
    const empty: CloudSnapshot = {
      provider: 'azure',
      collectedAt: '',
      accounts: [],
      regions: [],
      resources: [],
      gaps: [],
    };
    expect(azureSnapshotAssets(empty)).toEqual([]);
    const aws = tenantSnapshot();
    aws.resources = aws.resources.map((r) => ({ ...r, provider: 'aws' as const }));
    expect(azureSnapshotAssets(aws)).toEqual([]);
  });
});

describe('helpers', () => {
  it('names marketplace and custom images', () => {
    expect(imageName({ publisher: 'RedHat', offer: 'RHEL', sku: '9', version: '9.4.1' })).toBe(
      'RedHat:RHEL:9:9.4.1',
    );
    expect(imageName({ id: '/subscriptions/s/x' })).toBe('/subscriptions/s/x');
    expect(imageName(undefined)).toBeUndefined();
  });

  it('counts zero when a class is missing', () => {
    expect(patchTags({ availablePatchCountByClassification: { security: 1 } })).toEqual({
      'azure:patch:critical': '0',
      'azure:patch:security': '1',
      'azure:patch:other': '0',
    });
  });

  it('leaves exposure unknown for a VM without NICs', () => {
    const [vm] = resources([RESOURCES[0] as Record<string, unknown>]);
    if (!vm) throw new Error('fixture');
    vm.configuration = { ...vm.configuration, networkProfile: {} };
    expect(vmInternetExposed(vm, new Map())).toBeUndefined();
  });
});
