/**
 * `collect aws`: a configuration snapshot of one or many AWS accounts collected with the AWS SDK
 * v3 (standard credential chain), stored, and merged into the inventory in one transaction.
 * Gaps (what the credentials may not read) are stored, audited and reported, never passed over.
 */
import { type CollectAwsOptions, collectAwsSnapshot } from '../sources/cloud/aws/collect-snapshot.js';
import { AWS_COLLECTORS } from '../sources/cloud/aws/collectors.js';
import { awsSnapshotAssets } from '../sources/cloud/aws/snapshot-assets.js';
import type { Db } from '../store/db.js';
import { type CloudImportResult, importCloudSnapshot } from './import-cloud.js';

/** Collect from AWS and import the snapshot. */
export async function importAws(
  db: Db,
  opts: CollectAwsOptions & { actor: string; at?: Date },
): Promise<CloudImportResult> {
  const { actor, at, ...collect } = opts;
  const snapshot = await collectAwsSnapshot(collect, AWS_COLLECTORS);
  // The scope names what was asked for, so a later collection of the same scope is compared
  // with this one and not with a collection of other accounts or regions.
  const scope = [
    collect.organization ? 'organization' : (collect.accounts ?? []).slice().sort().join(',') || 'caller',
    [...collect.regions].sort().join(','),
    (collect.services ?? []).slice().sort().join(','),
  ].join(':');
  const origin = { adapter: 'cloud/aws-sdk', adapterVersion: '1', source: `aws:${scope}`, live: true };
  return importCloudSnapshot(db, snapshot, awsSnapshotAssets, origin, { actor, ...(at && { at }) });
}
