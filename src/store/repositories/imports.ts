import type { Queryable } from '../db.js';

export type ImportKind = 'sbom' | 'advisories' | 'kev';

export interface ImportRecord {
  id: number;
  kind: ImportKind;
  adapter: string;
  adapterVersion: string;
  source: string;
  sha256: string;
  target: string;
  importedAt: string;
  summary: Record<string, unknown>;
}

/** The earlier import of the same bytes, if any: re-importing them must change nothing. */
export async function findImport(
  db: Queryable,
  kind: ImportKind,
  sha256: string,
  target = '',
): Promise<ImportRecord | null> {
  const { rows } = await db.query<{
    id: number;
    kind: ImportKind;
    adapter: string;
    adapter_version: string;
    source: string;
    sha256: string;
    target: string;
    imported_at: Date;
    summary: Record<string, unknown>;
  }>('SELECT * FROM imports WHERE kind = $1 AND sha256 = $2 AND target = $3', [kind, sha256, target]);
  const r = rows[0];
  if (!r) return null;
  return {
    id: r.id,
    kind: r.kind,
    adapter: r.adapter,
    adapterVersion: r.adapter_version,
    source: r.source,
    sha256: r.sha256,
    target: r.target,
    importedAt: new Date(r.imported_at).toISOString(),
    summary: r.summary,
  };
}

/** Record an import; returns its id. */
export async function recordImport(
  tx: Queryable,
  rec: Omit<ImportRecord, 'id' | 'importedAt'> & { importedAt: Date },
): Promise<number> {
  const { rows } = await tx.query<{ id: number }>(
    `INSERT INTO imports (kind, adapter, adapter_version, source, sha256, target, imported_at, summary)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      rec.kind,
      rec.adapter,
      rec.adapterVersion,
      rec.source,
      rec.sha256,
      rec.target,
      rec.importedAt,
      rec.summary,
    ],
  );
  return rows[0]!.id;
}

/** Fill in an import's summary once the work it describes is done (same transaction). */
export async function setImportSummary(
  tx: Queryable,
  id: number,
  summary: Record<string, unknown>,
): Promise<void> {
  await tx.query('UPDATE imports SET summary = $2 WHERE id = $1', [id, summary]);
}
