/**
 * `import kev`: the CISA KEV catalog. New entries escalate open findings whose advisory or alias
 * they name (the refresh re-tiers them and audits old and new deadline).
 */

import { sha256Hex } from '../core/digest.js';
import { parseJsonText } from '../core/structured-input.js';
import { parseKevCatalog } from '../feeds/kev/parse-kev.js';
import { readBoundedFile } from '../io/read-bounded.js';
import type { Db } from '../store/db.js';
import { appendAudit } from '../store/repositories/audit.js';
import { assetsWithFindingsOnIds } from '../store/repositories/findings.js';
import { claimImport, recordImport, setImportSummary } from '../store/repositories/imports.js';
import { addKevEntries } from '../store/repositories/kev.js';
import { noChanges, type RefreshSummary, refreshFindings } from './refresh-findings.js';

export interface ImportKevResult {
  status: 'imported' | 'unchanged';
  importId: number;
  catalogVersion: string;
  entries: number;
  added: number;
  findings: RefreshSummary;
}

/** Import a KEV catalog JSON file. */
export async function importKev(
  db: Db,
  path: string,
  opts: { actor: string; at?: Date },
): Promise<ImportKevResult> {
  const at = opts.at ?? new Date();
  const bytes = await readBoundedFile(path, 64 * 1024 * 1024);
  const sha256 = sha256Hex(bytes);
  const catalog = parseKevCatalog(parseJsonText(bytes.toString('utf8'), path), path);
  return db.transaction(async (tx) => {
    const prior = await claimImport(tx, { kind: 'kev', sha256 });
    if (prior) {
      return {
        status: 'unchanged',
        importId: prior.id,
        catalogVersion: catalog.catalogVersion,
        entries: catalog.entries.length,
        added: 0,
        findings: noChanges(),
      };
    }
    const importId = await recordImport(tx, {
      kind: 'kev',
      adapter: 'feeds/kev',
      adapterVersion: '1',
      source: path,
      sha256,
      importedAt: at,
    });
    const added = await addKevEntries(tx, catalog.entries, importId);
    const assetIds = await assetsWithFindingsOnIds(tx, added);
    const findings = await refreshFindings(tx, assetIds, { at, actor: opts.actor });
    const summary = {
      catalogVersion: catalog.catalogVersion,
      entries: catalog.entries.length,
      added: added.length,
    };
    await setImportSummary(tx, importId, summary);
    await appendAudit(tx, {
      actor: opts.actor,
      action: 'import.kev',
      entityType: 'import',
      entityId: String(importId),
      data: { source: path, sha256, ...summary },
      at,
    });
    return { status: 'imported' as const, importId, ...summary, added: added.length, findings };
  });
}
