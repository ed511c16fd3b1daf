/**
 * The fixture tenant behind the fake ARM: two subscriptions seeded with the misconfigurations the
 * Azure posture checks look for, and a handler that answers Resource Graph (`resources`,
 * `patchassessmentresources`, `resourcecontainers`, `authorizationresources`), Subscriptions -
 * List, the ARM GETs of arm-lookups.ts (answers in fake-lookups.test-helpers.ts) and Microsoft
 * Graph (fake-graph.test-helpers.ts).
 *
 * Property shapes follow the examples of Azure/azure-rest-api-specs (compute 2024-03-01
 * VirtualMachine_Get / _Create_LinuxVmWithPatchSettingModesOfAutomaticByPlatform, storage
 * 2023-05-01 StorageAccountGetProperties, sql 2021-11-01 ServerGet, network 2024-05-01
 * NetworkSecurityGroupGet, keyvault 2023-07-01 getVault, resourcegraph 2021-03-01
 * Resources*Query). Those examples are MIT-licensed: Copyright (c) Microsoft Corporation. The
 * values are ours. Dates assume a collection at 2026-07-02 (pass `now`): storage key ages and
 * Update Manager assessments are judged against it.
 *
 * Seeded misconfigurations (subscription PROD unless said), with the checks that fail on them —
 * exactly the `fail` results of AZURE_CHECKS over this tenant, listed in SEEDED_FAILURES below
 * (tested in src/posture/checks/azure/index.spec.ts):
 * 1. storage `phistore01` (PHI): anonymous blob access allowed, HTTP accepted, TLS 1.0, no
 *    infrastructure encryption, Microsoft-managed keys, network default Allow, no private endpoint,
 *    Shared Key access allowed (unset), portal defaults to key authorization, keys 537 days old and
 *    no expiration policy, Standard_LRS, blob soft delete and versioning off, enabled encryption
 *    scope `imaging` with Microsoft-managed keys, blob diagnostic setting without StorageRead →
 *    storage-public-blob-access, storage-secure-transfer, storage-min-tls-1-2,
 *    storage-infrastructure-encryption, storage-cmk-encryption-phi, storage-network-default-deny,
 *    storage-private-endpoints-phi, storage-shared-key-access-disabled-phi,
 *    storage-default-to-entra-auth, storage-key-rotation, storage-geo-redundant-phi,
 *    storage-blob-soft-delete, storage-blob-versioning, storage-encryption-scopes-phi,
 *    diagnostic-settings-phi;
 * 2. SQL server `sql-ehr` (PHI): auditing Disabled, public network access Enabled, minimal TLS
 *    1.0, no Entra administrator, firewall rules `open-all` (0.0.0.0–255.255.255.255) and
 *    `AllowAllWindowsAzureIps` → sql-server-auditing, sql-audit-retention, diagnostic-settings-phi,
 *    sql-public-network-access-disabled-phi, sql-min-tls-1-2, sql-azuread-admin,
 *    sql-firewall-allow-all; its database `ehrdb` has TDE Disabled → sql-database-tde;
 * 3. SQL server `sql-claims` (PHI, otherwise compliant) audits to storage account `auditlogs01`,
 *    whose audit container six principals can read (fake-rbac.test-helpers.ts) →
 *    sql-audit-log-readers;
 * 4. NSG `nsg-ehr-app`, on the NICs of PHI VMs `ehr-app-01` (which has a public IP) and
 *    `pacs-gw-01`, allows Internet (source `*` / `Internet` / `0.0.0.0/0`) inbound to 3389, 22 and
 *    80 over TCP and 161 over UDP → nsg-admin-ports-open, nsg-udp-internet-access (the NSG),
 *    nsg-http-open-phi (`ehr-app-01`, `pacs-gw-01`);
 * 5. VM `ehr-app-01` (PHI): misses 2 critical and 3 security updates, no encryption at host →
 *    vm-critical-updates-missing, vm-encryption-at-host-phi;
 * 6. VM `pacs-gw-01`: tagged PHI=true and Environment=dev at once, patch mode Manual, misses 1
 *    security update → tags-phi-and-dev-azure, vm-patch-mode-automatic,
 *    vm-critical-updates-missing;
 * 7. VM `build-01` (not PHI, deallocated): unmanaged OS disk (a VHD) → vm-managed-disks;
 * 8. Key Vault `kv-ehr` (PHI): no purge protection, access-policy model, no private endpoint,
 *    public network access Enabled without firewall, no diagnostic setting →
 *    keyvault-purge-protection, keyvault-rbac-enabled, keyvault-private-endpoints,
 *    keyvault-public-network-disabled-phi, diagnostic-settings-phi;
 * 9. subscription PROD: activity log not exported → activity-log-diagnostic-settings; its tenant's
 *    only enforced MFA policy covers Global Administrators (fake-graph.test-helpers.ts) →
 *    entra-mfa-phi-roles.
 * Neither pass nor fail: `build-01` has no Update Manager assessment (`manual`
 * vm-update-assessment, `error` vm-critical-updates-missing). Subscription LAB holds compliant
 * counterparts (`labstore02`, `kv-lab`, `lab-int-01`, an exported activity log), as do PROD's
 * `auditlogs01` and `sql-claims` (but for its readers).
 */
import type { ArmCall, ArmHandler, ArmReply } from './fake-arm.test-helpers.js';
import { ACCESS_TOKEN, armError, GRAPH_TOKEN, TENANT_ID } from './fake-arm.test-helpers.js';
import { CA_POLICIES, SECURITY_DEFAULTS } from './fake-graph.test-helpers.js';
import { IDS, rid, SUB_DISABLED, SUB_LAB, SUB_PROD } from './fake-ids.test-helpers.js';
import { ARM_GETS } from './fake-lookups.test-helpers.js';
import { ROLE_ASSIGNMENTS, ROLE_DEFINITIONS } from './fake-rbac.test-helpers.js';

export { IDS, SUB_DISABLED, SUB_LAB, SUB_PROD };

/** `[check id, resource id]` of every `fail` the Azure checks give over this tenant (header list). */
export const SEEDED_FAILURES: readonly (readonly [string, string])[] = [
  ...[
    'storage-public-blob-access',
    'storage-secure-transfer',
    'storage-min-tls-1-2',
    'storage-infrastructure-encryption',
    'storage-cmk-encryption-phi',
    'storage-network-default-deny',
    'storage-private-endpoints-phi',
    'storage-shared-key-access-disabled-phi',
    'storage-default-to-entra-auth',
    'storage-key-rotation',
    'storage-geo-redundant-phi',
    'storage-blob-soft-delete',
    'storage-blob-versioning',
    'storage-encryption-scopes-phi',
    'diagnostic-settings-phi',
  ].map((c) => [c, IDS.phiStore] as const),
  ...[
    'sql-server-auditing',
    'sql-audit-retention',
    'diagnostic-settings-phi',
    'sql-public-network-access-disabled-phi',
    'sql-min-tls-1-2',
    'sql-azuread-admin',
    'sql-firewall-allow-all',
  ].map((c) => [c, IDS.sqlServer] as const),
  ['sql-database-tde', IDS.sqlDb],
  ['sql-audit-log-readers', IDS.sqlClaims],
  ['nsg-admin-ports-open', IDS.ehrNsg],
  ['nsg-udp-internet-access', IDS.ehrNsg],
  ['nsg-http-open-phi', IDS.ehrApp],
  ['nsg-http-open-phi', IDS.pacsGw],
  ['vm-critical-updates-missing', IDS.ehrApp],
  ['vm-encryption-at-host-phi', IDS.ehrApp],
  ['tags-phi-and-dev-azure', IDS.pacsGw],
  ['vm-patch-mode-automatic', IDS.pacsGw],
  ['vm-critical-updates-missing', IDS.pacsGw],
  ['vm-managed-disks', IDS.build],
  ...[
    'keyvault-purge-protection',
    'keyvault-rbac-enabled',
    'keyvault-private-endpoints',
    'keyvault-public-network-disabled-phi',
    'diagnostic-settings-phi',
  ].map((c) => [c, IDS.kvEhr] as const),
  ['activity-log-diagnostic-settings', IDS.subProd],
  ['entra-mfa-phi-roles', IDS.subProd],
];

type Row = Record<string, unknown>;

function row(
  sub: string,
  rg: string,
  provider: string,
  path: string,
  location: string,
  properties: Record<string, unknown>,
  tags: Record<string, string> = {},
  kind = '',
  sku: Record<string, string> | null = null,
): Row {
  const id = `/subscriptions/${sub}/resourceGroups/${rg}/providers/${provider}/${path}`;
  const segments = path.split('/');
  const type = [provider, ...segments.filter((_, i) => i % 2 === 0)].join('/').toLowerCase();
  return {
    id,
    name: segments[segments.length - 1],
    type,
    tenantId: TENANT_ID,
    kind,
    location,
    resourceGroup: rg.toLowerCase(),
    subscriptionId: sub,
    managedBy: '',
    sku,
    plan: null,
    properties,
    tags,
    identity: null,
    zones: null,
    extendedLocation: null,
  };
}

function vm(
  sub: string,
  rg: string,
  name: string,
  o: {
    os: 'Linux' | 'Windows';
    image: Record<string, string>;
    nic: string;
    power: string;
    patchMode?: string;
    /** An unmanaged OS disk: a page blob VHD instead of a managed disk. */
    vhd?: string;
    encryptionAtHost?: boolean;
  },
  tags: Record<string, string>,
): Row {
  const patchSettings = o.patchMode
    ? { patchSettings: { patchMode: o.patchMode, assessmentMode: 'AutomaticByPlatform' } }
    : {};
  return row(
    sub,
    rg,
    'Microsoft.Compute',
    `virtualMachines/${name}`,
    'eastus',
    {
      vmId: `${name}-0000-4000-8000-000000000000`.slice(0, 36),
      hardwareProfile: { vmSize: 'Standard_D2s_v3' },
      storageProfile: {
        imageReference: o.image,
        osDisk: {
          osType: o.os,
          name: `${name}-osdisk`,
          createOption: 'FromImage',
          caching: 'ReadWrite',
          ...(o.vhd
            ? { vhd: { uri: o.vhd } }
            : {
                managedDisk: {
                  storageAccountType: 'Premium_LRS',
                  id: rid(sub, rg, 'Microsoft.Compute', `disks/${name}-osdisk`),
                },
              }),
        },
        dataDisks: [],
      },
      ...(o.encryptionAtHost === undefined
        ? {}
        : { securityProfile: { encryptionAtHost: o.encryptionAtHost } }),
      osProfile: {
        computerName: name,
        adminUsername: 'azureuser',
        ...(o.os === 'Linux'
          ? { linuxConfiguration: { provisionVMAgent: true, ...patchSettings } }
          : {
              windowsConfiguration: {
                provisionVMAgent: true,
                enableAutomaticUpdates: false,
                ...patchSettings,
              },
            }),
        secrets: [],
      },
      networkProfile: { networkInterfaces: [{ id: o.nic, properties: { primary: true } }] },
      provisioningState: 'Succeeded',
      // Resource Graph's addition to VM rows.
      extended: {
        instanceView: {
          powerState: { code: `PowerState/${o.power}`, level: 'Info', displayStatus: `VM ${o.power}` },
        },
      },
    },
    tags,
  );
}

function nic(id: string, nsg?: string, pip?: string): Row {
  const [, sub, rg, name] = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/.*\/([^/]+)$/.exec(
    id,
  ) as RegExpExecArray;
  return row(sub as string, rg as string, 'Microsoft.Network', `networkInterfaces/${name}`, 'eastus', {
    ipConfigurations: [
      {
        name: 'ipconfig1',
        id: `${id}/ipConfigurations/ipconfig1`,
        properties: {
          privateIPAddress: '10.0.1.4',
          privateIPAllocationMethod: 'Dynamic',
          subnet: {
            id: `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Network/virtualNetworks/vnet/subnets/default`,
          },
          primary: true,
          ...(pip ? { publicIPAddress: { id: pip } } : {}),
        },
      },
    ],
    ...(nsg ? { networkSecurityGroup: { id: nsg } } : {}),
  });
}

function rule(name: string, port: string, priority: number, source = '*', protocol = 'Tcp') {
  return {
    name,
    id: `${IDS.ehrNsg}/securityRules/${name}`,
    properties: {
      provisioningState: 'Succeeded',
      protocol,
      sourcePortRange: '*',
      destinationPortRange: port,
      sourceAddressPrefix: source,
      destinationAddressPrefix: '*',
      access: 'Allow',
      priority,
      direction: 'Inbound',
    },
  };
}

const PHI_PROD = { PHI: 'true', Environment: 'prod', Owner: 'ehr-team' };

/** Every row of the `resources` table, both subscriptions. */
export const RESOURCES: Row[] = [
  vm(
    SUB_PROD,
    'rg-ehr',
    'ehr-app-01',
    {
      os: 'Linux',
      image: {
        publisher: 'Canonical',
        offer: '0001-com-ubuntu-server-jammy',
        sku: '22_04-lts-gen2',
        version: 'latest',
      },
      nic: IDS.ehrNic,
      power: 'running',
      patchMode: 'AutomaticByPlatform',
    },
    PHI_PROD,
  ),
  vm(
    SUB_PROD,
    'rg-ehr',
    'pacs-gw-01',
    {
      os: 'Windows',
      image: {
        publisher: 'MicrosoftWindowsServer',
        offer: 'WindowsServer',
        sku: '2019-Datacenter',
        version: '17763.5936.240607',
      },
      nic: IDS.pacsNic,
      power: 'running',
      patchMode: 'Manual',
      encryptionAtHost: true,
    },
    { PHI: 'true', Environment: 'dev' },
  ),
  vm(
    SUB_PROD,
    'rg-tools',
    'build-01',
    {
      os: 'Linux',
      image: {
        id: `/subscriptions/${SUB_PROD}/resourceGroups/rg-tools/providers/Microsoft.Compute/galleries/g1/images/build/versions/1.0.0`,
      },
      nic: rid(SUB_PROD, 'rg-tools', 'Microsoft.Network', 'networkInterfaces/build-01-nic'),
      power: 'deallocated',
      vhd: 'https://buildvhds.blob.core.windows.net/vhds/build-01-os.vhd',
    },
    {},
  ),
  vm(
    SUB_LAB,
    'rg-lab',
    'lab-int-01',
    {
      os: 'Linux',
      image: { publisher: 'RedHat', offer: 'RHEL', sku: '9-lvm-gen2', version: '9.4.2024061411' },
      nic: IDS.labNic,
      power: 'running',
      patchMode: 'AutomaticByPlatform',
    },
    { PHI: 'false', Environment: 'test' },
  ),
  nic(IDS.ehrNic, IDS.ehrNsg, IDS.ehrPip),
  nic(IDS.pacsNic, IDS.ehrNsg),
  nic(IDS.labNic),
  row(SUB_PROD, 'rg-ehr', 'Microsoft.Network', 'publicIPAddresses/ehr-app-01-pip', 'eastus', {
    ipAddress: '20.115.4.17',
    publicIPAddressVersion: 'IPv4',
    publicIPAllocationMethod: 'Static',
    ipConfiguration: { id: `${IDS.ehrNic}/ipConfigurations/ipconfig1` },
  }),
  row(SUB_PROD, 'rg-ehr', 'Microsoft.Network', 'networkSecurityGroups/nsg-ehr-app', 'eastus', {
    provisioningState: 'Succeeded',
    securityRules: [
      rule('allow-rdp-any', '3389', 100),
      rule('allow-ssh-internet', '22', 110, 'Internet'),
      rule('allow-http-any', '80', 120, '0.0.0.0/0'),
      rule('allow-snmp-any', '161', 130, '*', 'Udp'),
    ],
    networkInterfaces: [{ id: IDS.ehrNic }, { id: IDS.pacsNic }],
  }),
  row(
    SUB_PROD,
    'rg-ehr',
    'Microsoft.Storage',
    'storageAccounts/phistore01',
    'eastus',
    {
      allowBlobPublicAccess: true,
      supportsHttpsTrafficOnly: false,
      minimumTlsVersion: 'TLS1_0',
      networkAcls: { bypass: 'AzureServices', defaultAction: 'Allow', ipRules: [], virtualNetworkRules: [] },
      encryption: {
        keySource: 'Microsoft.Storage',
        services: { blob: { enabled: true, keyType: 'Account' } },
      },
      primaryEndpoints: { blob: 'https://phistore01.blob.core.windows.net/' },
      // Shared keys allowed (allowSharedKeyAccess absent), never rotated, no expiration policy.
      keyCreationTime: { key1: '2025-01-10T09:00:00.0000000Z', key2: '2025-01-10T09:00:00.0000000Z' },
      provisioningState: 'Succeeded',
    },
    PHI_PROD,
    'StorageV2',
    { name: 'Standard_LRS', tier: 'Standard' },
  ),
  row(
    SUB_PROD,
    'rg-security',
    'Microsoft.Storage',
    'storageAccounts/auditlogs01',
    'eastus',
    {
      allowBlobPublicAccess: false,
      supportsHttpsTrafficOnly: true,
      minimumTlsVersion: 'TLS1_2',
      allowSharedKeyAccess: false,
      defaultToOAuthAuthentication: true,
      networkAcls: { bypass: 'AzureServices', defaultAction: 'Deny', ipRules: [], virtualNetworkRules: [] },
      encryption: { keySource: 'Microsoft.Storage', requireInfrastructureEncryption: true },
      keyPolicy: { keyExpirationPeriodInDays: 90 },
      keyCreationTime: { key1: '2026-05-01T09:00:00.0000000Z', key2: '2026-05-01T09:00:00.0000000Z' },
      primaryEndpoints: { blob: 'https://auditlogs01.blob.core.windows.net/' },
      provisioningState: 'Succeeded',
    },
    { Environment: 'prod', Owner: 'security' },
    'StorageV2',
    { name: 'Standard_RAGRS', tier: 'Standard' },
  ),
  row(
    SUB_LAB,
    'rg-lab',
    'Microsoft.Storage',
    'storageAccounts/labstore02',
    'westus2',
    {
      allowBlobPublicAccess: false,
      supportsHttpsTrafficOnly: true,
      minimumTlsVersion: 'TLS1_2',
      allowSharedKeyAccess: false,
      defaultToOAuthAuthentication: true,
      networkAcls: { bypass: 'AzureServices', defaultAction: 'Deny', ipRules: [], virtualNetworkRules: [] },
      encryption: { keySource: 'Microsoft.Storage', requireInfrastructureEncryption: true },
      keyPolicy: { keyExpirationPeriodInDays: 90 },
      keyCreationTime: { key1: '2026-05-01T09:00:00.0000000Z', key2: '2026-05-01T09:00:00.0000000Z' },
      provisioningState: 'Succeeded',
    },
    { Environment: 'test' },
    'StorageV2',
    { name: 'Standard_GRS', tier: 'Standard' },
  ),
  row(
    SUB_PROD,
    'rg-ehr',
    'Microsoft.Sql',
    'servers/sql-ehr',
    'eastus',
    {
      fullyQualifiedDomainName: 'sql-ehr.database.windows.net',
      administratorLogin: 'sqladmin',
      version: '12.0',
      state: 'Ready',
      publicNetworkAccess: 'Enabled',
      minimalTlsVersion: '1.0',
    },
    PHI_PROD,
    'v12.0',
  ),
  row(
    SUB_PROD,
    'rg-ehr',
    'Microsoft.Sql',
    'servers/sql-ehr/databases/ehrdb',
    'eastus',
    {
      collation: 'SQL_Latin1_General_CP1_CI_AS',
      status: 'Online',
      zoneRedundant: false,
    },
    PHI_PROD,
    'v12.0,user',
  ),
  row(
    SUB_PROD,
    'rg-ehr',
    'Microsoft.Sql',
    'servers/sql-ehr/databases/master',
    'eastus',
    { status: 'Online' },
    {},
    'v12.0,system',
  ),
  row(
    SUB_PROD,
    'rg-ehr',
    'Microsoft.Sql',
    'servers/sql-claims',
    'eastus',
    {
      fullyQualifiedDomainName: 'sql-claims.database.windows.net',
      administratorLogin: 'claimsadmin',
      version: '12.0',
      state: 'Ready',
      publicNetworkAccess: 'Disabled',
      minimalTlsVersion: '1.2',
      restrictOutboundNetworkAccess: 'Disabled',
    },
    PHI_PROD,
    'v12.0',
  ),
  row(
    SUB_PROD,
    'rg-ehr',
    'Microsoft.KeyVault',
    'vaults/kv-ehr',
    'eastus',
    {
      sku: { family: 'A', name: 'standard' },
      tenantId: TENANT_ID,
      enableSoftDelete: true,
      softDeleteRetentionInDays: 90,
      enableRbacAuthorization: false,
      vaultUri: 'https://kv-ehr.vault.azure.net',
      publicNetworkAccess: 'Enabled',
    },
    PHI_PROD,
  ),
  row(SUB_LAB, 'rg-lab', 'Microsoft.KeyVault', 'vaults/kv-lab', 'westus2', {
    sku: { family: 'A', name: 'standard' },
    tenantId: TENANT_ID,
    enableSoftDelete: true,
    enablePurgeProtection: true,
    enableRbacAuthorization: true,
    vaultUri: 'https://kv-lab.vault.azure.net',
    publicNetworkAccess: 'Disabled',
    privateEndpointConnections: [
      {
        id: `${IDS.kvLab}/privateEndpointConnections/pe-kv-lab`,
        properties: {
          provisioningState: 'Succeeded',
          privateEndpoint: { id: rid(SUB_LAB, 'rg-lab', 'Microsoft.Network', 'privateEndpoints/pe-kv-lab') },
          privateLinkServiceConnectionState: { status: 'Approved', actionsRequired: 'None' },
        },
      },
    ],
  }),
];

function subscriptionRow(id: string, name: string): Row {
  return {
    id: `/subscriptions/${id}`,
    name,
    type: 'microsoft.resources/subscriptions',
    tenantId: TENANT_ID,
    kind: '',
    location: '',
    resourceGroup: '',
    subscriptionId: id,
    managedBy: '',
    sku: null,
    plan: null,
    properties: {
      subscriptionPolicies: {
        locationPlacementId: 'Public_2014-09-01',
        quotaId: 'EnterpriseAgreement_2014-09-01',
        spendingLimit: 'Off',
      },
      state: 'Enabled',
      managementGroupAncestorsChain: [{ name: TENANT_ID, displayName: 'Tenant Root Group' }],
    },
    tags: {},
    identity: null,
    zones: null,
    extendedLocation: null,
  };
}

/** Every row of `resourcecontainers` the collector asks for (subscriptions). */
export const CONTAINERS: Row[] = [
  subscriptionRow(SUB_PROD, 'EHR Production'),
  subscriptionRow(SUB_LAB, 'Lab'),
];

function assessment(vmId: string, osType: string, counts: Record<string, number>): Row {
  const sub = vmId.split('/')[2] as string;
  return {
    id: `${vmId}/patchAssessmentResults/latest`,
    name: '5d3a8c1e-7f6b-4a29-9c0d-1e2f3a4b5c6d',
    type: 'microsoft.compute/virtualmachines/patchassessmentresults',
    tenantId: TENANT_ID,
    location: 'eastus',
    resourceGroup: (vmId.split('/')[4] as string).toLowerCase(),
    subscriptionId: sub,
    properties: {
      status: 'Succeeded',
      rebootPending: osType === 'Windows',
      patchServiceUsed: osType === 'Windows' ? 'WU' : 'APT',
      osType,
      startedBy: 'Platform',
      startDateTime: '2026-07-01T02:00:04Z',
      lastModifiedDateTime: '2026-07-01T02:03:31Z',
      availablePatchCountByClassification: counts,
    },
    tags: {},
  };
}

function softwarePatch(vmId: string, key: string, properties: Record<string, unknown>): Row {
  return {
    id: `${vmId}/patchAssessmentResults/latest/softwarePatches/${key}`,
    name: key,
    type: 'microsoft.compute/virtualmachines/patchassessmentresults/softwarepatches',
    tenantId: TENANT_ID,
    location: 'eastus',
    resourceGroup: (vmId.split('/')[4] as string).toLowerCase(),
    subscriptionId: vmId.split('/')[2],
    properties: { lastModifiedDateTime: '2026-07-01T02:03:31Z', rebootRequired: false, ...properties },
    tags: {},
  };
}

/** Every row of `patchassessmentresources`. */
export const PATCH_ROWS: Row[] = [
  assessment(IDS.ehrApp, 'Linux', { critical: 2, security: 3, other: 4 }),
  softwarePatch(IDS.ehrApp, 'openssl_3.0.2-0ubuntu1.18', {
    patchName: 'openssl',
    version: '3.0.2-0ubuntu1.18',
    classifications: ['Critical'],
  }),
  softwarePatch(IDS.ehrApp, 'libssl3_3.0.2-0ubuntu1.18', {
    patchName: 'libssl3',
    version: '3.0.2-0ubuntu1.18',
    classifications: ['Critical'],
  }),
  softwarePatch(IDS.ehrApp, 'sudo_1.9.9-1ubuntu2.5', {
    patchName: 'sudo',
    version: '1.9.9-1ubuntu2.5',
    classifications: ['Security'],
  }),
  assessment(IDS.pacsGw, 'Windows', { critical: 0, security: 1, definition: 1, updateRollup: 1, updates: 2 }),
  softwarePatch(IDS.pacsGw, '5039217', {
    patchName: '2024-06 Cumulative Update for Windows Server 2019 (1809) for x64-based Systems (KB5039217)',
    kbId: '5039217',
    classifications: ['Security Updates'],
    msrcSeverity: 'Important',
    publishedDateTime: '2024-06-11T00:00:00Z',
    rebootBehavior: 'CanRequestReboot',
  }),
  assessment(IDS.labInt, 'Linux', { critical: 0, security: 0, other: 0 }),
];

const TABLES: Record<string, Row[]> = {
  resources: RESOURCES,
  patchassessmentresources: PATCH_ROWS,
  resourcecontainers: CONTAINERS,
  authorizationresources: [...ROLE_ASSIGNMENTS, ...ROLE_DEFINITIONS],
};

/** Types a query of the shapes in queries.ts asks for, and its table. */
export function queryFilter(query: string): { table: string; types: string[] } {
  const m = /^(\w+)\s*\|\s*where type (?:=~ '([^']+)'|in~ \(([^)]*)\))$/.exec(query.trim());
  if (!m) throw new Error(`fake Resource Graph cannot read: ${query}`);
  const types =
    m[2] !== undefined ? [m[2]] : (m[3] as string).split(',').map((t) => t.trim().replace(/^'|'$/g, ''));
  return { table: (m[1] as string).toLowerCase(), types: types.map((t) => t.toLowerCase()) };
}

export interface TenantOptions {
  /** Rows a Resource Graph page (the service's is 1000; small here to force paging). */
  pageSize?: number;
  /** Subscriptions the credential may not read: any request naming one gets 403. */
  deny?: string[];
  /** Answer the first N Resource Graph requests with 429 + Retry-After: 1. */
  throttle?: number;
  /** Answer every ARM request with 401 and this ARM code. */
  rejectToken?: string;
  /** Answer SQL auditing GETs with 403. */
  denySqlAuditing?: boolean;
  /** Answer ARM GETs whose path matches with 403 (e.g. diagnostic settings). */
  denyGets?: RegExp;
  /** Answer Microsoft Graph with 403 `Authorization_RequestDenied` (no Policy.Read.All). */
  denyGraph?: boolean;
  /** Conditional access policies a Graph page (none: all on one page). */
  graphPageSize?: number;
}

const GRAPH = '/v1.0';

// Microsoft Graph v1.0 (same host as the fake ARM; the collector is told its base URL).
function graph(call: ArmCall, o: TenantOptions, endpoint: string): ArmReply | undefined {
  const error = (status: number, code: string, message: string): ArmReply => ({
    status,
    body: { error: { code, message, innerError: { date: '2026-07-02T00:00:00', 'request-id': 'req' } } },
  });
  if (call.headers.authorization !== `Bearer ${GRAPH_TOKEN}`) {
    return error(401, 'InvalidAuthenticationToken', 'Access token validation failure. Invalid audience.');
  }
  if (o.denyGraph)
    return error(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
  if (call.path === `${GRAPH}/identity/conditionalAccess/policies`) {
    const size = o.graphPageSize ?? CA_POLICIES.length;
    const offset = Number(call.query.$skiptoken ?? 0);
    const next = offset + size < CA_POLICIES.length ? offset + size : undefined;
    return {
      body: {
        '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#identity/conditionalAccess/policies',
        ...(next === undefined
          ? {}
          : {
              '@odata.nextLink': `${endpoint}${GRAPH}/identity/conditionalAccess/policies?$skiptoken=${next}`,
            }),
        value: CA_POLICIES.slice(offset, offset + size),
      },
    };
  }
  if (call.path === `${GRAPH}/policies/identitySecurityDefaultsEnforcementPolicy`) {
    return { body: SECURITY_DEFAULTS };
  }
  return error(404, 'Request_ResourceNotFound', `Resource '${call.path}' does not exist.`);
}

function resourceGraph(call: ArmCall, o: TenantOptions, state: { throttled: number }): ArmReply {
  if (state.throttled < (o.throttle ?? 0)) {
    state.throttled += 1;
    return armError(429, 'RateLimiting', 'Please provide below info when asking for support', {
      'retry-after': '1',
      'x-ms-user-quota-remaining': '0',
      'x-ms-user-quota-resets-after': '00:00:01',
    });
  }
  const subs = (call.json.subscriptions as string[] | undefined) ?? [];
  const denied = subs.filter((s) => o.deny?.includes(s));
  if (denied.length > 0) {
    return armError(
      403,
      'AuthorizationFailed',
      `The client does not have authorization to perform action 'Microsoft.ResourceGraph/resources/read' over scope '/subscriptions/${denied[0]}'.`,
    );
  }
  const { table, types } = queryFilter(String(call.json.query));
  const rows = (TABLES[table] ?? []).filter(
    (r) => types.includes(String(r.type)) && subs.includes(String(r.subscriptionId)),
  );
  const options = (call.json.options ?? {}) as Record<string, unknown>;
  const token = options.$skipToken;
  const offset =
    typeof token === 'string' ? Number(Buffer.from(token, 'base64').toString('utf8').slice(7)) : 0;
  const size = Math.min(Number(options.$top ?? 1000), o.pageSize ?? 1000);
  const page = rows.slice(offset, offset + size);
  const next =
    offset + page.length < rows.length
      ? Buffer.from(`offset:${offset + page.length}`).toString('base64')
      : undefined;
  return {
    headers: { 'x-ms-user-quota-remaining': '14', 'x-ms-user-quota-resets-after': '00:00:05' },
    body: {
      totalRecords: rows.length,
      count: page.length,
      resultTruncated: 'false',
      ...(next ? { $skipToken: next } : {}),
      facets: [],
      data: page,
    },
  };
}

function subscription(id: string, name: string, state: string) {
  return {
    id: `/subscriptions/${id}`,
    subscriptionId: id,
    tenantId: TENANT_ID,
    displayName: name,
    state,
    subscriptionPolicies: {
      locationPlacementId: 'Public_2014-09-01',
      quotaId: 'EnterpriseAgreement_2014-09-01',
      spendingLimit: 'Off',
    },
    authorizationSource: 'RoleBased',
  };
}

/** The handler of the fixture tenant. */
export function tenant(o: TenantOptions = {}): ArmHandler {
  const state = { throttled: 0 };
  return (call, _calls, endpoint) => {
    const isIdentity = call.path.includes('/oauth2/') || call.path.includes('/.well-known/');
    if (isIdentity) return undefined;
    if (call.path.startsWith(`${GRAPH}/`)) return graph(call, o, endpoint);
    if (o.rejectToken) return armError(401, o.rejectToken, 'The access token is not valid.');
    if (call.headers.authorization !== `Bearer ${ACCESS_TOKEN}`) {
      return armError(
        401,
        'AuthenticationFailed',
        'Authentication failed. The Authorization header is missing.',
      );
    }
    if (call.method === 'POST' && call.path === '/providers/Microsoft.ResourceGraph/resources') {
      return resourceGraph(call, o, state);
    }
    if (call.method === 'GET' && call.path === '/subscriptions') {
      // Two pages, linked by `nextLink` as Subscriptions - List pages.
      if (call.query.$skiptoken === 'page2')
        return { body: { value: [subscription(SUB_DISABLED, 'Old trial', 'Disabled')] } };
      return {
        body: {
          value: [
            subscription(SUB_PROD, 'EHR Production', 'Enabled'),
            subscription(SUB_LAB, 'Lab', 'Enabled'),
          ],
          nextLink: `${endpoint}/subscriptions?api-version=${call.query['api-version']}&$skiptoken=page2`,
        },
      };
    }
    if (call.method === 'GET' && call.path in ARM_GETS) {
      const denied =
        (o.denySqlAuditing && call.path === `${IDS.sqlServer}/auditingSettings/default`) ||
        o.denyGets?.test(call.path);
      if (denied) return armError(403, 'AuthorizationFailed', 'The client does not have authorization.');
      return { body: ARM_GETS[call.path] };
    }
    return undefined;
  };
}
