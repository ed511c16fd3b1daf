/**
 * `import advisories`: a folder, zip or file of OSV records into the store in one transaction;
 * every asset with a component the changed advisories name gets its findings refreshed — the
 * fleet is not rescanned, the (ecosystem, name) index finds the affected assets.
 */
import { createHash } from 'node:crypto';
import { readAdvisories } from '../feeds/osv/read-advisories.js';
import type { Db } from '../store/db.js';
import { upsertAdvisories } from '../store/repositories/advisories.js';
import { appendAudit } from '../store/repositories/audit.js';
import { assetsWithPackages } from '../store/repositories/components.js';
import { assetsWithFindingsOnIds } from '../store/repositories/findings.js';
import { claimImport, recordImport, setImportSummary } from '../store/repositories/imports.js';
import { noChanges, type RefreshSummary, refreshFindings } from './refresh-findings.js';

export interface ImportAdvisoriesResult {
  status: 'imported' | 'unchanged';
  importId: number;
  source: string;
  sha256: string;
  records: number;
  withdrawn: number;
  skipped: { file: string; reason: string }[];
  advisories: { inserted: number; updated: number; unchanged: number; stale: number };
  assetsRefreshed: number;
  findings: RefreshSummary;
}

/** Import OSV advisories from `path`. */
export async function importAdvisories(
  db: Db,
  path: string,
  opts: { actor: string; at?: Date; onProgress?: (done: number, total: number) => void },
): Promise<ImportAdvisoriesResult> {
  const at = opts.at ?? new Date();
  const read = await readAdvisories(path, opts.onProgress ? { onProgress: opts.onProgress } : {});
  // The set's identity is the digests of its records, so the same feed from another path or zip
  // is recognised as already imported.
  const digest = createHash('sha256');
  for (const r of read.records) digest.update(`${r.advisory.id}\u0000${r.source.sha256}\n`);
  const sha256 = digest.digest('hex');
  const withdrawn = read.records.filter((r) => r.advisory.withdrawn).length;
  const base = { source: path, sha256, records: read.records.length, withdrawn, skipped: read.skipped };
  return db.transaction(async (tx) => {
    const prior = await claimImport(tx, { kind: 'advisories', sha256 });
    if (prior) {
      return {
        ...base,
        status: 'unchanged',
        importId: prior.id,
        advisories: { inserted: 0, updated: 0, unchanged: read.records.length, stale: 0 },
        assetsRefreshed: 0,
        findings: noChanges(),
      } satisfies ImportAdvisoriesResult;
    }
    const importId = await recordImport(tx, {
      kind: 'advisories',
      adapter: 'feeds/osv',
      adapterVersion: '1',
      source: path,
      sha256,
      importedAt: at,
    });
    const upsert = await upsertAdvisories(tx, read.records, importId, at);
    // Assets running a package the changed advisories name, and assets holding a finding on one
    // of them (an update may drop a package or narrow a range: those findings must resolve).
    const assetIds = [
      ...new Set([
        ...(await assetsWithPackages(tx, upsert.packages)),
        ...(await assetsWithFindingsOnIds(tx, upsert.changed)),
      ]),
    ];
    const findings = await refreshFindings(tx, assetIds, { at, actor: opts.actor });
    const summary = {
      records: read.records.length,
      withdrawn,
      ...upsert.counts,
      skipped: read.skipped.length,
    };
    await setImportSummary(tx, importId, summary);
    await appendAudit(tx, {
      actor: opts.actor,
      action: 'import.advisories',
      entityType: 'import',
      entityId: String(importId),
      data: {
        source: path,
        sha256,
        ...summary,
        changed: upsert.changed.slice(0, 5000),
        assetsRefreshed: assetIds.length,
      },
      at,
    });
    return {
      ...base,
      status: 'imported' as const,
      importId,
      advisories: upsert.counts,
      assetsRefreshed: assetIds.length,
      findings,
    };
  });
}
