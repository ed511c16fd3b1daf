/**
 * The fixture tenant behind the fake ARM: two subscriptions seeded with the misconfigurations the
 * Azure posture checks will look for, and a handler that answers Resource Graph, Subscriptions -
 * List and the Microsoft.Sql GETs from them.
 *
 * Property shapes follow the examples of Azure/azure-rest-api-specs (compute 2024-03-01
 * VirtualMachine_Get / _Create_LinuxVmWithPatchSettingModesOfAutomaticByPlatform, storage
 * 2023-05-01 StorageAccountGetProperties, sql 2021-11-01 ServerGet / ServerBlobAuditingGet,
 * network 2024-05-01 NetworkSecurityGroupGet, keyvault 2023-07-01 getVault, resourcegraph
 * 2021-03-01 Resources*Query; copies under ../shared/data/azure-rest-api-examples). Those
 * examples are MIT-licensed: Copyright (c) Microsoft Corporation. The values are ours.
 *
 * Seeded misconfigurations (subscription PROD unless said):
 * 1. storage `phistore01` (PHI=true): allowBlobPublicAccess true, supportsHttpsTrafficOnly false,
 *    minimumTlsVersion TLS1_0, network default action Allow;
 * 2. SQL server `sql-ehr`: auditing Disabled (auditingSettings/default), public network access
 *    Enabled, minimal TLS 1.0; its database `ehrdb` has TDE Disabled;
 * 3. NSG `nsg-ehr-app` on the NIC of PHI VM `ehr-app-01` allows Internet (source `*` / `Internet`)
 *    inbound to 3389, 22 and 80; the NIC has a public IP;
 * 4. VM `ehr-app-01` (PHI) misses 2 critical and 3 security updates (Update Manager assessment);
 * 5. Key Vault `kv-ehr` without purge protection (enablePurgeProtection absent);
 * 6. VM `pacs-gw-01` is tagged PHI=true and Environment=dev at once.
 * Subscription LAB holds compliant counterparts (`labstore02`, `kv-lab`, `lab-int-01`).
 */
import type { ArmCall, ArmHandler, ArmReply } from './fake-arm.test-helpers.js';
import { ACCESS_TOKEN, armError, TENANT_ID } from './fake-arm.test-helpers.js';

export const SUB_PROD = '3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b';
export const SUB_LAB = '9e8d7c6b-5a49-4382-b1a0-f9e8d7c6b5a4';
export const SUB_DISABLED = '00aa11bb-22cc-4d33-8e44-55ff66aa77bb';

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
    sku: null,
    plan: null,
    properties,
    tags,
    identity: null,
    zones: null,
    extendedLocation: null,
  };
}

const rid = (sub: string, rg: string, provider: string, path: string) =>
  `/subscriptions/${sub}/resourceGroups/${rg}/providers/${provider}/${path}`;

export const IDS = {
  ehrApp: rid(SUB_PROD, 'rg-ehr', 'Microsoft.Compute', 'virtualMachines/ehr-app-01'),
  pacsGw: rid(SUB_PROD, 'rg-ehr', 'Microsoft.Compute', 'virtualMachines/pacs-gw-01'),
  build: rid(SUB_PROD, 'rg-tools', 'Microsoft.Compute', 'virtualMachines/build-01'),
  labInt: rid(SUB_LAB, 'rg-lab', 'Microsoft.Compute', 'virtualMachines/lab-int-01'),
  ehrNic: rid(SUB_PROD, 'rg-ehr', 'Microsoft.Network', 'networkInterfaces/ehr-app-01-nic'),
  pacsNic: rid(SUB_PROD, 'rg-ehr', 'Microsoft.Network', 'networkInterfaces/pacs-gw-01-nic'),
  labNic: rid(SUB_LAB, 'rg-lab', 'Microsoft.Network', 'networkInterfaces/lab-int-01-nic'),
  ehrPip: rid(SUB_PROD, 'rg-ehr', 'Microsoft.Network', 'publicIPAddresses/ehr-app-01-pip'),
  ehrNsg: rid(SUB_PROD, 'rg-ehr', 'Microsoft.Network', 'networkSecurityGroups/nsg-ehr-app'),
  phiStore: rid(SUB_PROD, 'rg-ehr', 'Microsoft.Storage', 'storageAccounts/phistore01'),
  labStore: rid(SUB_LAB, 'rg-lab', 'Microsoft.Storage', 'storageAccounts/labstore02'),
  sqlServer: rid(SUB_PROD, 'rg-ehr', 'Microsoft.Sql', 'servers/sql-ehr'),
  sqlDb: rid(SUB_PROD, 'rg-ehr', 'Microsoft.Sql', 'servers/sql-ehr/databases/ehrdb'),
  sqlMaster: rid(SUB_PROD, 'rg-ehr', 'Microsoft.Sql', 'servers/sql-ehr/databases/master'),
  kvEhr: rid(SUB_PROD, 'rg-ehr', 'Microsoft.KeyVault', 'vaults/kv-ehr'),
  kvLab: rid(SUB_LAB, 'rg-lab', 'Microsoft.KeyVault', 'vaults/kv-lab'),
} as const;

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
        osDisk: { osType: o.os, name: `${name}-osdisk`, createOption: 'FromImage', caching: 'ReadWrite' },
        dataDisks: [],
      },
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

function rule(name: string, port: string, priority: number, source = '*') {
  return {
    name,
    id: `${IDS.ehrNsg}/securityRules/${name}`,
    properties: {
      provisioningState: 'Succeeded',
      protocol: 'Tcp',
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
      provisioningState: 'Succeeded',
    },
    PHI_PROD,
    'StorageV2',
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
      networkAcls: { bypass: 'AzureServices', defaultAction: 'Deny', ipRules: [], virtualNetworkRules: [] },
      encryption: { keySource: 'Microsoft.Storage', requireInfrastructureEncryption: true },
      provisioningState: 'Succeeded',
    },
    { Environment: 'test' },
    'StorageV2',
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
  }),
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

const TABLES: Record<string, Row[]> = { resources: RESOURCES, patchassessmentresources: PATCH_ROWS };

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
    if (call.method === 'GET' && call.path === `${IDS.sqlServer}/auditingSettings/default`) {
      if (o.denySqlAuditing)
        return armError(403, 'AuthorizationFailed', 'The client does not have authorization.');
      return {
        body: {
          id: `${IDS.sqlServer}/auditingSettings/default`,
          name: 'default',
          type: 'Microsoft.Sql/servers/auditingSettings',
          properties: {
            state: 'Disabled',
            storageEndpoint: '',
            retentionDays: 0,
            auditActionsAndGroups: [],
            isAzureMonitorTargetEnabled: false,
          },
        },
      };
    }
    if (call.method === 'GET' && call.path === `${IDS.sqlDb}/transparentDataEncryption/current`) {
      return {
        body: {
          id: `${IDS.sqlDb}/transparentDataEncryption/current`,
          name: 'current',
          type: 'Microsoft.Sql/servers/databases/transparentDataEncryption',
          properties: { state: 'Disabled' },
        },
      };
    }
    return undefined;
  };
}
