/**
 * Blob settings of storage accounts that live on child resources Resource Graph does not index,
 * read with ARM GETs (arm-lookups.ts), Microsoft.Storage 2023-01-01:
 * - `blobServices/default` ("Blob Services - Get Service Properties") →
 *   `supplementary.blobServiceProperties` (`deleteRetentionPolicy`, `isVersioningEnabled`,
 *   `containerDeleteRetentionPolicy`, …);
 * - `encryptionScopes` ("Encryption Scopes - List") → `supplementary.encryptionScopes` (items
 *   with `properties.source: Microsoft.Storage | Microsoft.KeyVault`, `state`,
 *   `requireInfrastructureEncryption`, `keyVaultProperties`).
 * FileStorage accounts (premium file shares) have no blob service and are skipped.
 */
import type { CloudResource } from '../../../core/cloud.js';
import type { ArmLookup } from './arm-lookups.js';
import { AZURE_TYPES } from './queries.js';

/** Microsoft.Storage API version of both lookups. */
export const STORAGE_API_VERSION = '2023-01-01';

/** Whether an account has a blob service (every kind but FileStorage). */
export function hasBlobService(r: CloudResource): boolean {
  return String(r.supplementary.kind ?? '').toLowerCase() !== 'filestorage';
}

/** The lookups a snapshot's storage accounts need. */
export function storageLookups(resources: readonly CloudResource[]): ArmLookup[] {
  const out: ArmLookup[] = [];
  for (const r of resources) {
    if (r.type !== AZURE_TYPES.storageAccount || !hasBlobService(r)) continue;
    const common = { resource: r, apiVersion: STORAGE_API_VERSION, service: 'Microsoft.Storage' };
    out.push({
      ...common,
      path: `${r.id}/blobServices/default`,
      key: 'blobServiceProperties',
      kind: 'properties',
    });
    out.push({ ...common, path: `${r.id}/encryptionScopes`, key: 'encryptionScopes', kind: 'list' });
  }
  return out;
}
