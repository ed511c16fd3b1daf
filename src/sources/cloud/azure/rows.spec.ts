import { describe, expect, it } from 'vitest';
import type { CloudResource } from '../../../core/cloud.js';
import { attachRoleDefinitions, roleGuid } from './roles.js';
import { assessedMachineId, attachPatchAssessments, rowToResource, subscriptionOf } from './rows.js';

const VM = '/subscriptions/AAAA/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1';

describe('rowToResource', () => {
  it('keeps properties as configuration and lower-cases the type', () => {
    expect(
      rowToResource({
        id: VM,
        name: 'vm1',
        type: 'Microsoft.Compute/virtualMachines',
        location: 'eastus',
        subscriptionId: 'AAAA',
        tags: { PHI: 'true' },
        properties: { vmId: 'x' },
      }),
    ).toEqual({
      provider: 'azure',
      account: 'aaaa',
      region: 'eastus',
      type: 'microsoft.compute/virtualmachines',
      id: VM,
      name: 'vm1',
      tags: { PHI: 'true' },
      configuration: { vmId: 'x' },
      supplementary: {},
      source: 'azure-resource-graph',
    });
  });

  it('keeps the top-level sku and kind, and a subscription’s tenant, in supplementary', () => {
    const sa = rowToResource({
      id: '/subscriptions/AAAA/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/sa',
      type: 'microsoft.storage/storageaccounts',
      subscriptionId: 'AAAA',
      tenantId: 'T',
      kind: 'StorageV2',
      sku: { name: 'Standard_GRS', tier: 'Standard' },
      properties: {},
    });
    expect(typeof sa !== 'string' && sa.supplementary).toEqual({
      kind: 'StorageV2',
      sku: { name: 'Standard_GRS', tier: 'Standard' },
    });
    const sub = rowToResource({
      id: '/subscriptions/AAAA',
      name: 'Prod',
      type: 'microsoft.resources/subscriptions',
      subscriptionId: 'AAAA',
      tenantId: 'TENANT-1',
      kind: '',
      sku: null,
      location: '',
      properties: { state: 'Enabled' },
    });
    expect(sub).toMatchObject({ account: 'aaaa', region: 'global', supplementary: { tenantId: 'tenant-1' } });
  });

  it('says why a row cannot be a resource', () => {
    expect(rowToResource({ type: 'x' })).toBe('row without id');
    expect(rowToResource({ id: VM })).toBe(`row ${VM} without type`);
    expect(rowToResource({ id: '/providers/x', type: 't' })).toBe(
      'row /providers/x outside any subscription',
    );
    expect(subscriptionOf(VM)).toBe('aaaa');
  });
});

describe('attachPatchAssessments', () => {
  const res = (id: string, type: string, configuration: Record<string, unknown> = {}): CloudResource => ({
    provider: 'azure',
    account: 'aaaa',
    region: 'eastus',
    type,
    id,
    name: id.slice(id.lastIndexOf('/') + 1),
    tags: {},
    configuration,
    supplementary: {},
    source: 'azure-resource-graph',
  });

  it('attaches summary and patches to the VM, case-insensitively, and keeps orphans', () => {
    const vm = res(VM, 'microsoft.compute/virtualmachines');
    const summary = res(
      `${VM.toLowerCase()}/patchassessmentresults/latest`,
      'microsoft.compute/virtualmachines/patchassessmentresults',
      { status: 'Succeeded' },
    );
    const patch = res(
      `${VM}/patchAssessmentResults/latest/softwarePatches/p1`,
      'microsoft.compute/virtualmachines/patchassessmentresults/softwarepatches',
      { patchName: 'p1' },
    );
    const orphan = res(
      '/subscriptions/aaaa/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/gone/patchAssessmentResults/latest',
      'microsoft.compute/virtualmachines/patchassessmentresults',
    );
    const out = attachPatchAssessments([vm], [patch, summary, orphan]);
    expect(out).toEqual([vm, orphan]);
    expect(vm.supplementary).toEqual({
      patchAssessment: { id: summary.id, status: 'Succeeded' },
      missingPatches: [{ id: patch.id, name: 'p1', patchName: 'p1' }],
    });
    expect(assessedMachineId(patch.id)).toBe(VM.toLowerCase());
    expect(assessedMachineId(VM)).toBeUndefined();
  });
});

describe('attachRoleDefinitions', () => {
  const assignment = (roleDefinitionId: string): CloudResource => ({
    provider: 'azure',
    account: 'aaaa',
    region: 'global',
    type: 'microsoft.authorization/roleassignments',
    id: `/subscriptions/aaaa/providers/Microsoft.Authorization/roleAssignments/${roleDefinitionId.length}`,
    name: 'x',
    tags: {},
    configuration: { roleDefinitionId },
    supplementary: {},
    source: 'azure-resource-graph',
  });

  it('matches on the role GUID whatever the scope of either id, and leaves unknown roles alone', () => {
    const known = assignment(
      '/subscriptions/aaaa/providers/Microsoft.Authorization/roleDefinitions/ACDD72A7',
    );
    const unknown = assignment('/subscriptions/aaaa/providers/Microsoft.Authorization/roleDefinitions/ffff');
    attachRoleDefinitions(
      [known, unknown],
      [
        {
          id: '/providers/Microsoft.Authorization/RoleDefinitions/acdd72a7',
          properties: { roleName: 'Reader', type: 'BuiltInRole', permissions: [{ actions: ['*/read'] }] },
        },
      ],
    );
    expect(known.supplementary.roleDefinition).toEqual({
      id: '/providers/Microsoft.Authorization/RoleDefinitions/acdd72a7',
      roleName: 'Reader',
      type: 'BuiltInRole',
      permissions: [{ actions: ['*/read'] }],
    });
    expect(unknown.supplementary).toEqual({});
    expect(roleGuid('/a/b/C')).toBe('c');
    expect(roleGuid(42)).toBeUndefined();
  });
});
