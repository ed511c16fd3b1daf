/**
 * `collect aws`: EC2 instances with their SSM inventory and patch state, collected with the AWS
 * SDK v3 (standard credential chain), written as assets in one transaction. Gaps (a service the
 * credentials may not read) are audited and reported, never passed over silently.
 */
import { canonicalJson } from '../core/canonical-json.js';
import { sha256Hex } from '../core/digest.js';
import { type CollectAwsOptions, collectAwsInventory } from '../sources/cloud/aws/collect-ec2-ssm.js';
import type { Db } from '../store/db.js';
import { appendAudit } from '../store/repositories/audit.js';
import { claimImport, recordImport, setImportSummary } from '../store/repositories/imports.js';
import { noChanges, type RefreshSummary, refreshFindings } from './refresh-findings.js';
import { writeExtractions } from './write-extractions.js';

export interface ImportAwsResult {
  status: 'imported' | 'unchanged';
  importId: number;
  assets: number;
  created: number;
  gaps: { service: string; region: string; reason: string }[];
  findings: RefreshSummary;
}

/** Collect from AWS and import the result. */
export async function importAws(
  db: Db,
  opts: CollectAwsOptions & { actor: string; at?: Date },
): Promise<ImportAwsResult> {
  const { actor, at: when, ...collect } = opts;
  const at = when ?? new Date();
  const inventory = await collectAwsInventory(collect);
  // Unchanged configuration collected again is recognised by its content, not by time.
  const sha256 = sha256Hex(canonicalJson(inventory));
  return db.transaction(async (tx) => {
    const base = { assets: inventory.assets.length, gaps: inventory.gaps };
    const prior = await claimImport(tx, { kind: 'cloud', sha256 });
    if (prior)
      return { ...base, status: 'unchanged' as const, importId: prior.id, created: 0, findings: noChanges() };
    const importId = await recordImport(tx, {
      kind: 'cloud',
      adapter: 'cloud/aws-ec2-ssm',
      adapterVersion: '1',
      source: `aws:${collect.regions.join(',')}`,
      sha256,
      importedAt: at,
    });
    const { assetIds, created, events } = await writeExtractions(tx, inventory.assets, {
      source: 'cloud/aws-ec2-ssm',
      ref: (e) => e.asset.externalId,
      importId,
      at,
      actor,
    });
    const summary = { assets: inventory.assets.length, created, gaps: inventory.gaps.length };
    await setImportSummary(tx, importId, summary);
    await appendAudit(
      tx,
      {
        actor,
        action: 'import.cloud',
        entityType: 'import',
        entityId: String(importId),
        data: { provider: 'aws', regions: collect.regions, ...summary, gapList: inventory.gaps },
        at,
      },
      ...events,
    );
    const findings = await refreshFindings(tx, assetIds, { at, actor });
    return { ...base, status: 'imported' as const, importId, created, findings };
  });
}
