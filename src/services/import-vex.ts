/**
 * `import vex`: a CycloneDX VEX, OpenVEX or CSAF VEX document. Its statements are stored whole as
 * evidence, and every asset holding a finding on a vulnerability they name is refreshed: a
 * supplier's `not_affected` or `fixed` closes the finding with the statement attached.
 */
import { readVexFile } from '../feeds/vex/read-vex.js';
import type { Db } from '../store/db.js';
import { appendAudit } from '../store/repositories/audit.js';
import { assetsWithFindingsOnIds } from '../store/repositories/findings.js';
import { claimImport, recordImport, setImportSummary } from '../store/repositories/imports.js';
import { addVexStatements } from '../store/repositories/vex.js';
import { noChanges, type RefreshSummary, refreshFindings } from './refresh-findings.js';

export interface ImportVexResult {
  status: 'imported' | 'unchanged';
  importId: number;
  format: string;
  statements: number;
  rejected: { ref: string; reason: string }[];
  assetsRefreshed: number;
  findings: RefreshSummary;
}

/** Import one VEX document. */
export async function importVex(
  db: Db,
  path: string,
  opts: { actor: string; at?: Date },
): Promise<ImportVexResult> {
  const at = opts.at ?? new Date();
  const read = await readVexFile(path);
  const { sha256 } = read;
  const base = { format: read.format, statements: read.statements.length, rejected: read.rejected };
  return db.transaction(async (tx) => {
    const prior = await claimImport(tx, { kind: 'vex', sha256 });
    if (prior)
      return {
        ...base,
        status: 'unchanged' as const,
        importId: prior.id,
        assetsRefreshed: 0,
        findings: noChanges(),
      };
    const importId = await recordImport(tx, {
      kind: 'vex',
      adapter: `feeds/vex/${read.format}`,
      adapterVersion: '1',
      source: path,
      sha256,
      importedAt: at,
    });
    await addVexStatements(tx, read.statements, importId);
    const ids = [...new Set(read.statements.flatMap((s) => [s.vulnerability, ...s.aliases]))];
    const assetIds = await assetsWithFindingsOnIds(tx, ids);
    const findings = await refreshFindings(tx, assetIds, { at, actor: opts.actor });
    const summary = {
      format: read.format,
      statements: read.statements.length,
      rejected: read.rejected.length,
    };
    await setImportSummary(tx, importId, summary);
    await appendAudit(tx, {
      actor: opts.actor,
      action: 'import.vex',
      entityType: 'import',
      entityId: String(importId),
      data: {
        source: path,
        sha256,
        ...summary,
        rejectedRecords: read.rejected.slice(0, 1000),
        assetsRefreshed: assetIds.length,
      },
      at,
    });
    return { ...base, status: 'imported' as const, importId, assetsRefreshed: assetIds.length, findings };
  });
}
