import { describe, expect, it } from 'vitest';
import { actionMatches, roleGrants, scopeReaches } from './rbac.js';

describe('rbac', () => {
  it('matches actions with * anywhere, ignoring case', () => {
    expect(actionMatches('*', 'Microsoft.Storage/storageAccounts/listKeys/action')).toBe(true);
    expect(actionMatches('*/read', 'Microsoft.OperationalInsights/workspaces/query/read')).toBe(true);
    expect(actionMatches('Microsoft.Storage/*', 'microsoft.storage/storageaccounts/listkeys/action')).toBe(
      true,
    );
    expect(
      actionMatches('Microsoft.Storage/*/read', 'Microsoft.Storage/storageAccounts/listKeys/action'),
    ).toBe(false);
    expect(actionMatches('Microsoft.Storage.x', 'Microsoft.StorageAx')).toBe(false);
  });
  it('subtracts notActions within the same permission block only', () => {
    const contributor = {
      permissions: [{ actions: ['*'], notActions: ['Microsoft.Authorization/*/Write'] }],
    };
    expect(roleGrants(contributor, { action: 'Microsoft.Authorization/roleAssignments/write' })).toBe(false);
    expect(roleGrants(contributor, { action: 'Microsoft.Storage/storageAccounts/listKeys/action' })).toBe(
      true,
    );
    expect(
      roleGrants(contributor, {
        dataAction: 'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read',
      }),
    ).toBe(false);
  });
  it('reaches a resource from itself and its parents only', () => {
    const id = '/subscriptions/S/resourceGroups/RG/providers/Microsoft.Storage/storageAccounts/a';
    expect(scopeReaches('/subscriptions/s', id)).toBe(true);
    expect(scopeReaches('/subscriptions/S/resourceGroups/rg', id)).toBe(true);
    expect(scopeReaches(id, id)).toBe(true);
    expect(scopeReaches('/subscriptions/S/resourceGroups/RG2', id)).toBe(false);
    expect(scopeReaches(`${id}/blobServices/default`, id)).toBe(false);
  });
});
