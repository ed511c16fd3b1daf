/**
 * Identifiers of the fixture tenant (fake-tenant.test-helpers.ts), in a module of their own so the
 * fixture's parts (Resource Graph rows, ARM GET answers, RBAC rows, Graph answers) can share them
 * without importing each other.
 */
export const SUB_PROD = '3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b';
export const SUB_LAB = '9e8d7c6b-5a49-4382-b1a0-f9e8d7c6b5a4';
export const SUB_DISABLED = '00aa11bb-22cc-4d33-8e44-55ff66aa77bb';

/** An ARM resource id. */
export const rid = (sub: string, rg: string, provider: string, path: string) =>
  `/subscriptions/${sub}/resourceGroups/${rg}/providers/${provider}/${path}`;

/** Every resource of the `resources` and `resourcecontainers` tables, by name. */
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
  auditStore: rid(SUB_PROD, 'rg-security', 'Microsoft.Storage', 'storageAccounts/auditlogs01'),
  labStore: rid(SUB_LAB, 'rg-lab', 'Microsoft.Storage', 'storageAccounts/labstore02'),
  sqlServer: rid(SUB_PROD, 'rg-ehr', 'Microsoft.Sql', 'servers/sql-ehr'),
  sqlDb: rid(SUB_PROD, 'rg-ehr', 'Microsoft.Sql', 'servers/sql-ehr/databases/ehrdb'),
  sqlMaster: rid(SUB_PROD, 'rg-ehr', 'Microsoft.Sql', 'servers/sql-ehr/databases/master'),
  sqlClaims: rid(SUB_PROD, 'rg-ehr', 'Microsoft.Sql', 'servers/sql-claims'),
  kvEhr: rid(SUB_PROD, 'rg-ehr', 'Microsoft.KeyVault', 'vaults/kv-ehr'),
  kvLab: rid(SUB_LAB, 'rg-lab', 'Microsoft.KeyVault', 'vaults/kv-lab'),
  subProd: `/subscriptions/${SUB_PROD}`,
  subLab: `/subscriptions/${SUB_LAB}`,
} as const;

/** The Log Analytics workspace of subscription LAB (a destination, not collected). */
export const LAB_WORKSPACE = rid(SUB_LAB, 'rg-lab', 'Microsoft.OperationalInsights', 'workspaces/law-lab');
