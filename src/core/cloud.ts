/**
 * The cloud configuration snapshot: every resource a cloud collector (AWS SDK, Azure Resource
 * Graph) or an AWS Config snapshot file saw, in one provider-neutral envelope around the
 * provider's own configuration shape. Inventory maps it to assets; posture (issue 6) evaluates
 * it. Both read the same snapshot, so a live collection and a Config snapshot give the same
 * answers.
 *
 * AWS resources use AWS Config's vocabulary: `type` is the Config resource type and
 * `configuration` / `supplementary` are the configuration item's `configuration` and
 * `supplementaryConfiguration`. The live collector produces that shape by camel-casing the API
 * responses (which is how Config itself derives most of them); see docs/cloud-snapshot.md for
 * every type and the fields we rely on.
 */

export const CLOUD_PROVIDERS = ['aws', 'azure'] as const;
export type CloudProvider = (typeof CLOUD_PROVIDERS)[number];

/** Region of account-wide resources (IAM users, S3 account settings, Organizations). */
export const GLOBAL_REGION = 'global';

export interface CloudResource {
  provider: CloudProvider;
  /** AWS account id or Azure subscription id. */
  account: string;
  /** AWS region or Azure location; `global` for account-wide resources. */
  region: string;
  /** AWS Config resource type (`AWS::S3::Bucket`) or Azure ARM type in lower case. */
  type: string;
  /** ARN or ARM resource id: stable across collections, used to merge and to key findings. */
  id: string;
  name: string;
  tags: Record<string, string>;
  /** AWS: the Config item's `configuration`. Azure: the ARM resource's `properties`. */
  configuration: Record<string, unknown>;
  /** AWS: the Config item's `supplementaryConfiguration`. Azure: related lookups (e.g. patch assessment). */
  supplementary: Record<string, unknown>;
  /** What produced it: `aws-sdk`, `aws-config-snapshot`, `azure-resource-graph`. */
  source: string;
}

/** A part of the estate that could not be seen, and why: reported, never passed over. */
export interface CollectionGap {
  provider: CloudProvider;
  account: string;
  region: string;
  /** Service or API family (`s3`, `iam`, `Microsoft.Sql`). */
  service: string;
  /** The operation and the error, e.g. `GetBucketPolicy: AccessDenied`. */
  reason: string;
  /**
   * Left out on purpose (`collect aws --service`), not refused: the data is just as absent, so
   * checks report it as unread, but the collection is not partial.
   */
  skipped?: true;
}

export interface CloudSnapshot {
  provider: CloudProvider;
  /** ISO time the collection started (or the Config snapshot's capture time). */
  collectedAt: string;
  accounts: string[];
  regions: string[];
  resources: CloudResource[];
  gaps: CollectionGap[];
}

/**
 * Members whose value is a map keyed by data, not by member names (ECR's severity counts:
 * `{ CRITICAL: 2 }`): their keys are kept as the API gave them.
 */
const DATA_KEYED_MAPS = new Set(['FindingSeverityCounts']);

/** Deep camel-casing of an AWS API response (`InstanceId` → `instanceId`),
 * the transformation AWS Config applies to most describe-call shapes. Dates become ISO strings. */
export function awsConfigShape(value: unknown, keepKeys = false): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => awsConfigShape(v));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined || k === '$metadata') continue;
    // The SDK spells members camelCase (`findingSeverityCounts`) or PascalCase: match either.
    const isMap = DATA_KEYED_MAPS.has(k.charAt(0).toUpperCase() + k.slice(1));
    out[keepKeys ? k : camelKey(k)] = awsConfigShape(v, isMap);
  }
  return out;
}

/** `InstanceId` → `instanceId`, `DBInstanceIdentifier` → `dBInstanceIdentifier`: only the first
 * letter is lowered, as AWS Config's items do (its RDS items say `dBInstanceIdentifier`). */
export function camelKey(key: string): string {
  return key.charAt(0).toLowerCase() + key.slice(1);
}

/** Tags as AWS APIs return them (`[{Key, Value}]` or `[{key, value}]`) → a plain record. */
export function tagRecord(tags: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (Array.isArray(tags)) {
    for (const t of tags) {
      if (t === null || typeof t !== 'object') continue;
      const o = t as Record<string, unknown>;
      const k = o.Key ?? o.key ?? o.TagKey ?? o.tagKey;
      const v = o.Value ?? o.value ?? o.TagValue ?? o.tagValue;
      if (typeof k === 'string') out[k] = typeof v === 'string' ? v : '';
    }
  } else if (tags !== null && typeof tags === 'object') {
    for (const [k, v] of Object.entries(tags)) out[k] = typeof v === 'string' ? v : String(v ?? '');
  }
  return out;
}

/**
 * ARM types (lower case) of the Azure resources in a snapshot: what the collector asks Resource
 * Graph for and what inventory and posture read, so both sides spell them alike.
 */
export const AZURE_TYPES = {
  virtualMachine: 'microsoft.compute/virtualmachines',
  networkInterface: 'microsoft.network/networkinterfaces',
  publicIpAddress: 'microsoft.network/publicipaddresses',
  networkSecurityGroup: 'microsoft.network/networksecuritygroups',
  storageAccount: 'microsoft.storage/storageaccounts',
  sqlServer: 'microsoft.sql/servers',
  sqlDatabase: 'microsoft.sql/servers/databases',
  keyVault: 'microsoft.keyvault/vaults',
  // Azure Update Manager's assessment records (docs "Access Azure Update Manager operations data
  // using Azure Resource Graph"): one summary per machine and one row per *available* update.
  patchAssessment: 'microsoft.compute/virtualmachines/patchassessmentresults',
  softwarePatch: 'microsoft.compute/virtualmachines/patchassessmentresults/softwarepatches',
  // `resourcecontainers`: the subscription itself (tenant, state, tags), subject of
  // subscription-wide settings (activity log) and the link to its Entra tenant.
  subscription: 'microsoft.resources/subscriptions',
  // `authorizationresources` ("Announcing AuthorizationResources in Azure Resource Graph"):
  // Azure RBAC assignments at and below the queried subscriptions, and the roles they name.
  roleAssignment: 'microsoft.authorization/roleassignments',
  roleDefinition: 'microsoft.authorization/roledefinitions',
  // Entra conditional access of one tenant, read from Microsoft Graph (collector's entra.ts).
  conditionalAccess: 'microsoft.graph/conditionalaccess',
} as const;
