/**
 * `collect azure`: a Resource Graph snapshot of the tenant's subscriptions (credentials from
 * @azure/identity's DefaultAzureCredential chain), stored and merged into the inventory.
 */
import { type CollectAzureOptions, collectAzureSnapshot } from '../sources/cloud/azure/collect.js';
import { azureSnapshotAssets } from '../sources/cloud/azure/snapshot-assets.js';
import type { Db } from '../store/db.js';
import { type CloudImportResult, importCloudSnapshot } from './import-cloud.js';

/** Collect from Azure and import the snapshot. */
export async function importAzure(
  db: Db,
  opts: CollectAzureOptions & { actor: string; at?: Date },
): Promise<CloudImportResult> {
  const { actor, at, ...collect } = opts;
  const snapshot = await collectAzureSnapshot(collect);
  const scope = collect.managementGroup
    ? `mg:${collect.managementGroup}`
    : (collect.subscriptions ?? []).slice().sort().join(',') || 'all';
  const origin = {
    adapter: 'cloud/azure-resource-graph',
    adapterVersion: '1',
    source: `azure:${scope}`,
    live: true,
  };
  return importCloudSnapshot(db, snapshot, azureSnapshotAssets, origin, { actor, ...(at && { at }) });
}
