/**
 * The fixture tenant's answers to the collector's ARM GETs (arm-lookups.ts), by path. Shapes follow
 * the examples of Azure/azure-rest-api-specs: sql 2021-11-01 ServerBlobAuditingGet,
 * AdministratorCreateOrUpdate, FirewallRuleGet; storage 2023-01-01 BlobServicesGet,
 * StorageAccountEncryptionScopeList; monitor 2021-05-01-preview listDiagnosticSettings,
 * listSubscriptionDiagnosticSettings (MIT-licensed, Copyright (c) Microsoft Corporation). The
 * values are ours; the misconfigurations are listed in fake-tenant.test-helpers.ts.
 */
import { TENANT_ID } from './fake-arm.test-helpers.js';
import { IDS, LAB_WORKSPACE } from './fake-ids.test-helpers.js';

const SETTINGS = 'providers/Microsoft.Insights/diagnosticSettings';
const off = { enabled: false, days: 0 };

const list = (value: unknown[]) => ({ value });

function diagnosticSetting(
  on: string,
  name: string,
  destination: Record<string, string>,
  logs: Record<string, unknown>[],
): Record<string, unknown> {
  return {
    id: `${on}/providers/microsoft.insights/diagnosticSettings/${name}`,
    type: 'Microsoft.Insights/diagnosticSettings',
    name,
    properties: { ...destination, logs, metrics: [] },
  };
}

const auditing = (properties: Record<string, unknown>) => ({
  id: `${IDS.sqlServer}/auditingSettings/default`,
  name: 'default',
  type: 'Microsoft.Sql/servers/auditingSettings',
  properties,
});

function firewallRule(server: string, name: string, startIpAddress: string, endIpAddress: string) {
  return {
    id: `${server}/firewallRules/${name}`,
    name,
    type: 'Microsoft.Sql/servers/firewallRules',
    properties: { startIpAddress, endIpAddress },
  };
}

function blobService(account: string, properties: Record<string, unknown>) {
  return {
    id: `${account}/blobServices/default`,
    name: 'default',
    type: 'Microsoft.Storage/storageAccounts/blobServices',
    properties,
  };
}

function encryptionScope(account: string, name: string, properties: Record<string, unknown>) {
  return {
    id: `${account}/encryptionScopes/${name}`,
    name,
    type: 'Microsoft.Storage/storageAccounts/encryptionScopes',
    properties: {
      creationTime: '2025-11-03T08:12:41.7633306Z',
      lastModifiedTime: '2025-11-03T08:12:41.7633306Z',
      ...properties,
    },
  };
}

const ACTIVITY_CATEGORIES = [
  'Administrative',
  'Security',
  'ServiceHealth',
  'Alert',
  'Recommendation',
  'Policy',
  'Autoscale',
  'ResourceHealth',
];

/** ARM path (no query string) → 200 body. A path not here answers 404. */
export const ARM_GETS: Record<string, unknown> = {
  // sql-ehr: auditing off, no Entra admin, firewall open to everything and to all of Azure.
  [`${IDS.sqlServer}/auditingSettings/default`]: auditing({
    state: 'Disabled',
    storageEndpoint: '',
    retentionDays: 0,
    auditActionsAndGroups: [],
    isAzureMonitorTargetEnabled: false,
  }),
  [`${IDS.sqlServer}/administrators`]: list([]),
  [`${IDS.sqlServer}/firewallRules`]: list([
    firewallRule(IDS.sqlServer, 'AllowAllWindowsAzureIps', '0.0.0.0', '0.0.0.0'),
    firewallRule(IDS.sqlServer, 'clinic-vpn', '203.0.113.0', '203.0.113.255'),
    firewallRule(IDS.sqlServer, 'open-all', '0.0.0.0', '255.255.255.255'),
  ]),
  [`${IDS.sqlServer}/databases/master/${SETTINGS}`]: list([]),
  [`${IDS.sqlDb}/transparentDataEncryption/current`]: {
    id: `${IDS.sqlDb}/transparentDataEncryption/current`,
    name: 'current',
    type: 'Microsoft.Sql/servers/databases/transparentDataEncryption',
    properties: { state: 'Disabled' },
  },
  // sql-claims: audits to storage account auditlogs01, kept without limit; Entra-only admin.
  [`${IDS.sqlClaims}/auditingSettings/default`]: {
    ...auditing({
      state: 'Enabled',
      storageEndpoint: 'https://auditlogs01.blob.core.windows.net/',
      storageAccountSubscriptionId: IDS.subProd.split('/')[2],
      retentionDays: 0,
      auditActionsAndGroups: [
        'SUCCESSFUL_DATABASE_AUTHENTICATION_GROUP',
        'FAILED_DATABASE_AUTHENTICATION_GROUP',
        'BATCH_COMPLETED_GROUP',
      ],
      isStorageSecondaryKeyInUse: false,
      isAzureMonitorTargetEnabled: false,
    }),
    id: `${IDS.sqlClaims}/auditingSettings/default`,
  },
  [`${IDS.sqlClaims}/administrators`]: list([
    {
      id: `${IDS.sqlClaims}/administrators/ActiveDirectory`,
      name: 'ActiveDirectory',
      type: 'Microsoft.Sql/servers/administrators',
      properties: {
        administratorType: 'ActiveDirectory',
        login: 'sql-claims-admins',
        sid: 'c0000000-0000-4000-8000-000000000001',
        tenantId: TENANT_ID,
        azureADOnlyAuthentication: true,
      },
    },
  ]),
  [`${IDS.sqlClaims}/firewallRules`]: list([]),
  [`${IDS.sqlClaims}/databases/master/${SETTINGS}`]: list([]),

  // phistore01: no blob soft delete or versioning; one Microsoft-managed encryption scope; blob
  // logs without StorageRead, kept 30 days in storage.
  [`${IDS.phiStore}/blobServices/default`]: blobService(IDS.phiStore, {
    deleteRetentionPolicy: { enabled: false },
    containerDeleteRetentionPolicy: { enabled: false },
    isVersioningEnabled: false,
  }),
  [`${IDS.phiStore}/encryptionScopes`]: {
    ...list([
      encryptionScope(IDS.phiStore, 'imaging', { source: 'Microsoft.Storage', state: 'Enabled' }),
      encryptionScope(IDS.phiStore, 'claims-cmk', {
        source: 'Microsoft.KeyVault',
        state: 'Enabled',
        keyVaultProperties: {
          keyUri: 'https://kv-ehr.vault.azure.net/keys/claims-scope',
          currentVersionedKeyIdentifier: 'https://kv-ehr.vault.azure.net/keys/claims-scope/0a1b2c3d4e5f',
          lastKeyRotationTimestamp: '2026-05-02T00:00:00Z',
        },
        requireInfrastructureEncryption: true,
      }),
      encryptionScope(IDS.phiStore, 'legacy', { source: 'Microsoft.Storage', state: 'Disabled' }),
    ]),
    nextLink: null,
  },
  [`${IDS.phiStore}/blobServices/default/${SETTINGS}`]: list([
    diagnosticSetting(
      `${IDS.phiStore}/blobServices/default`,
      'blob-writes',
      { storageAccountId: IDS.auditStore },
      [
        { category: 'StorageRead', categoryGroup: null, enabled: false, retentionPolicy: off },
        {
          category: 'StorageWrite',
          categoryGroup: null,
          enabled: true,
          retentionPolicy: { enabled: true, days: 30 },
        },
        {
          category: 'StorageDelete',
          categoryGroup: null,
          enabled: true,
          retentionPolicy: { enabled: true, days: 30 },
        },
      ],
    ),
  ]),
  [`${IDS.auditStore}/blobServices/default`]: blobService(IDS.auditStore, {
    deleteRetentionPolicy: { enabled: true, days: 365, allowPermanentDelete: false },
    containerDeleteRetentionPolicy: { enabled: true, days: 365 },
    isVersioningEnabled: true,
  }),
  [`${IDS.auditStore}/encryptionScopes`]: list([]),
  [`${IDS.auditStore}/blobServices/default/${SETTINGS}`]: list([]),
  [`${IDS.labStore}/blobServices/default`]: blobService(IDS.labStore, {
    deleteRetentionPolicy: { enabled: true, days: 14 },
    isVersioningEnabled: true,
  }),
  [`${IDS.labStore}/encryptionScopes`]: list([]),
  [`${IDS.labStore}/blobServices/default/${SETTINGS}`]: list([]),

  // kv-ehr sends no logs; kv-lab sends AuditEvent to the lab workspace.
  [`${IDS.kvEhr}/${SETTINGS}`]: list([]),
  [`${IDS.kvLab}/${SETTINGS}`]: list([
    diagnosticSetting(IDS.kvLab, 'kv-audit', { workspaceId: LAB_WORKSPACE }, [
      { category: null, categoryGroup: 'audit', enabled: true, retentionPolicy: off },
    ]),
  ]),

  // Activity log: PROD exports nothing, LAB exports every category to its workspace.
  [`${IDS.subProd}/${SETTINGS}`]: list([]),
  [`${IDS.subLab}/${SETTINGS}`]: list([
    {
      id: `${IDS.subLab.slice(1)}/providers/AzureResourceManager/diagnosticSettings/activity-to-law`,
      type: null,
      name: 'activity-to-law',
      properties: {
        workspaceId: LAB_WORKSPACE,
        logs: ACTIVITY_CATEGORIES.map((category) => ({ category, enabled: true })),
      },
    },
  ]),
};
