import { readEpss } from '../feeds/epss/index.js';
import type { Db } from '../store/db.js';
import { appendAudit } from '../store/repositories/audit.js';
import { assetsWithFindingsOnIds } from '../store/repositories/findings.js';
import { claimImport, recordImport, setImportSummary } from '../store/repositories/imports.js';
import { upsertEpss } from '../store/repositories/intel.js';
import { noChanges, type RefreshSummary, refreshFindings } from './refresh-findings.js';

/** What `importEpss` reports. */
export interface ImportEpssResult {
  status: 'imported' | 'unchanged';
  importId: number;
  source: string;
  /** SHA-256 of the file's bytes as stored (compressed when it is gzip). */
  sha256: string;
  modelVersion: string | null;
  scoreDate: string | null;
  rows: number;
  /** CVEs whose score, percentile or model version differs from what was stored (0 when unchanged). */
  changed: number;
  notes: string[];
  assetsRefreshed: number;
  findings: RefreshSummary;
}

/** Import one EPSS scores file (gzip or plain). */
export async function importEpss(
  db: Db,
  path: string,
  opts: { actor: string; at?: Date },
): Promise<ImportEpssResult> {
  const at = opts.at ?? new Date();
  // Read (and so validate) first: a bad row fails before the transaction opens.
  const read = await readEpss(path);
  const sha256 = read.sha256;
  const base = {
    source: path,
    sha256,
    modelVersion: read.modelVersion,
    scoreDate: read.scoreDate,
    rows: read.rows,
    notes: read.notes,
  };
  return db.transaction(async (tx) => {
    const prior = await claimImport(tx, { kind: 'epss', sha256 });
    if (prior) {
      return {
        ...base,
        status: 'unchanged',
        importId: prior.id,
        changed: 0,
        assetsRefreshed: 0,
        findings: noChanges(),
      } satisfies ImportEpssResult;
    }
    const importId = await recordImport(tx, {
      kind: 'epss',
      adapter: 'feeds/epss',
      adapterVersion: '1',
      source: path,
      sha256,
      importedAt: at,
    });
    const rows = [...read.scores].map(([cveId, s]) => ({
      cveId,
      epssText: s.epssText,
      percentileText: s.percentileText,
      epss: s.epss,
      percentile: s.percentile,
    }));
    const changed = await upsertEpss(tx, rows, {
      modelVersion: read.modelVersion,
      scoreDate: read.scoreDate,
      importId,
    });
    const assetIds = await assetsWithFindingsOnIds(tx, changed);
    const findings = await refreshFindings(tx, assetIds, { at, actor: opts.actor });
    const summary = {
      modelVersion: read.modelVersion,
      scoreDate: read.scoreDate,
      scoreDateFrom: read.scoreDateFrom,
      rows: read.rows,
      changed: changed.length,
      assetsRefreshed: assetIds.length,
    };
    await setImportSummary(tx, importId, summary);
    await appendAudit(tx, {
      actor: opts.actor,
      action: 'import.epss',
      entityType: 'import',
      entityId: String(importId),
      data: { source: path, sha256, ...summary },
      at,
    });
    return {
      ...base,
      status: 'imported' as const,
      importId,
      changed: changed.length,
      assetsRefreshed: assetIds.length,
      findings,
    };
  });
}
