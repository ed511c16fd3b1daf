/**
 * The fixture tenant's `authorizationresources` rows: Azure RBAC role assignments and the role
 * definitions they name, shaped as Resource Graph returns them ("Announcing AuthorizationResources
 * in Azure Resource Graph"; properties as Authorization 2022-04-01 `RoleAssignment` /
 * `RoleDefinition`). The roles' permissions follow the Azure built-in roles of the same names,
 * trimmed to what the checks read; principals are made-up GUIDs.
 *
 * Who can read the SQL audit logs of `sql-claims` (storage account `auditlogs01`, container
 * `sqldbauditlogs`; shared-key access is off there, so only data roles read blobs):
 * - readers (6): group `support` and user `dev2` / principal `etl` through Storage Blob Data
 *   Reader / Contributor on subscription PROD, user `dev1` through Storage Blob Data Contributor on
 *   resource group `rg-security`, principal `siem` on the account, user `auditor` on the audit
 *   container;
 * - not readers: `owner` (Owner: may grant itself access, but holds no data role), `reader`
 *   (Reader), `keys` (Reader and Data Access: account keys, useless with shared keys off),
 *   `other` (a different container), `dataowner` (resource group `rg-ehr`).
 */
import { TENANT_ID } from './fake-arm.test-helpers.js';
import { IDS, SUB_LAB, SUB_PROD } from './fake-ids.test-helpers.js';

type Row = Record<string, unknown>;

/** Built-in role GUIDs (Azure built-in roles reference). */
export const ROLES = {
  owner: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
  contributor: 'b24988ac-6180-42a0-ab88-20f7382dd24c',
  reader: 'acdd72a7-3385-48ef-bd42-f6fb9462c4cc',
  blobDataReader: '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1',
  blobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe',
  blobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b',
  readerAndDataAccess: 'c12c1c16-33a1-487b-954d-41c89c60f349',
} as const;

const BLOB = 'Microsoft.Storage/storageAccounts/blobServices/containers/blobs';
const PERMISSIONS: Record<keyof typeof ROLES, { name: string; p: Record<string, string[]> }> = {
  owner: { name: 'Owner', p: { actions: ['*'] } },
  contributor: {
    name: 'Contributor',
    p: {
      actions: ['*'],
      notActions: [
        'Microsoft.Authorization/*/Delete',
        'Microsoft.Authorization/*/Write',
        'Microsoft.Authorization/elevateAccess/Action',
      ],
    },
  },
  reader: { name: 'Reader', p: { actions: ['*/read'] } },
  blobDataReader: {
    name: 'Storage Blob Data Reader',
    p: {
      actions: ['Microsoft.Storage/storageAccounts/blobServices/containers/read'],
      dataActions: [`${BLOB}/read`],
    },
  },
  blobDataContributor: {
    name: 'Storage Blob Data Contributor',
    p: {
      actions: ['Microsoft.Storage/storageAccounts/blobServices/containers/*'],
      dataActions: [`${BLOB}/delete`, `${BLOB}/read`, `${BLOB}/write`, `${BLOB}/move/action`],
    },
  },
  blobDataOwner: {
    name: 'Storage Blob Data Owner',
    p: {
      actions: ['Microsoft.Storage/storageAccounts/blobServices/containers/*'],
      dataActions: [`${BLOB}/*`],
    },
  },
  readerAndDataAccess: {
    name: 'Reader and Data Access',
    p: {
      actions: [
        'Microsoft.Storage/storageAccounts/listKeys/action',
        'Microsoft.Storage/storageAccounts/ListAccountSas/action',
        'Microsoft.Storage/storageAccounts/read',
      ],
    },
  },
};

const roleDefinitionId = (sub: string, role: keyof typeof ROLES) =>
  `/subscriptions/${sub}/providers/Microsoft.Authorization/roleDefinitions/${ROLES[role]}`;

function definition(sub: string, role: keyof typeof ROLES): Row {
  const { name, p } = PERMISSIONS[role];
  return {
    id: roleDefinitionId(sub, role),
    name: ROLES[role],
    type: 'microsoft.authorization/roledefinitions',
    tenantId: TENANT_ID,
    location: '',
    resourceGroup: '',
    subscriptionId: sub,
    properties: {
      roleName: name,
      type: 'BuiltInRole',
      description: `${name} (fixture)`,
      assignableScopes: ['/'],
      permissions: [{ actions: [], notActions: [], dataActions: [], notDataActions: [], ...p }],
      createdOn: '2015-02-02T21:55:09.8806423Z',
      updatedOn: '2024-04-16T18:05:03.2216583Z',
    },
    tags: null,
  };
}

/** Made-up principal ids. */
export const PRINCIPALS = {
  owner: 'a0000000-0000-4000-8000-000000000001',
  reader: 'a0000000-0000-4000-8000-000000000002',
  support: 'a0000000-0000-4000-8000-000000000003',
  dev1: 'a0000000-0000-4000-8000-000000000004',
  dev2: 'a0000000-0000-4000-8000-000000000005',
  etl: 'a0000000-0000-4000-8000-000000000006',
  auditor: 'a0000000-0000-4000-8000-000000000007',
  siem: 'a0000000-0000-4000-8000-000000000008',
  keys: 'a0000000-0000-4000-8000-000000000009',
  other: 'a0000000-0000-4000-8000-00000000000a',
  dataowner: 'a0000000-0000-4000-8000-00000000000b',
  labReader: 'a0000000-0000-4000-8000-00000000000c',
} as const;

function assignment(
  n: number,
  scope: string,
  role: keyof typeof ROLES,
  principal: keyof typeof PRINCIPALS,
  principalType: 'User' | 'Group' | 'ServicePrincipal',
): Row {
  const sub = (/^\/subscriptions\/([^/]+)/.exec(scope) as RegExpExecArray)[1] as string;
  const guid = `b0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const rg = /\/resourceGroups\/([^/]+)/i.exec(scope)?.[1] ?? '';
  return {
    id: `${scope}/providers/Microsoft.Authorization/roleAssignments/${guid}`,
    name: guid,
    type: 'microsoft.authorization/roleassignments',
    tenantId: TENANT_ID,
    kind: '',
    location: '',
    resourceGroup: rg.toLowerCase(),
    subscriptionId: sub,
    managedBy: '',
    sku: null,
    plan: null,
    properties: {
      roleDefinitionId: roleDefinitionId(sub, role),
      principalId: PRINCIPALS[principal],
      principalType,
      scope,
      createdOn: '2026-03-02T10:00:00.0000000Z',
      updatedOn: '2026-03-02T10:00:00.0000000Z',
      createdBy: PRINCIPALS.owner,
      updatedBy: PRINCIPALS.owner,
    },
    tags: null,
    identity: null,
    zones: null,
    extendedLocation: null,
  };
}

const rgSecurity = `/subscriptions/${SUB_PROD}/resourceGroups/rg-security`;
const auditContainer = `${IDS.auditStore}/blobServices/default/containers/sqldbauditlogs`;

/** Role assignments of both subscriptions. */
export const ROLE_ASSIGNMENTS: Row[] = [
  assignment(1, IDS.subProd, 'owner', 'owner', 'User'),
  assignment(2, IDS.subProd, 'reader', 'reader', 'User'),
  assignment(3, IDS.subProd, 'blobDataReader', 'support', 'Group'),
  assignment(4, IDS.subProd, 'blobDataContributor', 'dev2', 'User'),
  assignment(5, IDS.subProd, 'blobDataReader', 'etl', 'ServicePrincipal'),
  assignment(6, rgSecurity, 'blobDataContributor', 'dev1', 'User'),
  assignment(7, auditContainer, 'blobDataReader', 'auditor', 'User'),
  assignment(8, IDS.auditStore, 'blobDataReader', 'siem', 'ServicePrincipal'),
  assignment(9, IDS.auditStore, 'readerAndDataAccess', 'keys', 'ServicePrincipal'),
  assignment(
    10,
    `${IDS.auditStore}/blobServices/default/containers/exports`,
    'blobDataReader',
    'other',
    'User',
  ),
  assignment(11, `/subscriptions/${SUB_PROD}/resourceGroups/rg-ehr`, 'blobDataOwner', 'dataowner', 'User'),
  assignment(20, IDS.subLab, 'reader', 'labReader', 'User'),
];

/** Role definitions, as Resource Graph lists them for each subscription. */
export const ROLE_DEFINITIONS: Row[] = [SUB_PROD, SUB_LAB].flatMap((sub) =>
  (Object.keys(ROLES) as (keyof typeof ROLES)[]).map((role) => definition(sub, role)),
);
