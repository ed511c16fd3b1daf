import type { Queryable } from '../db.js';

export type ImportKind =
  | 'sbom'
  | 'advisories'
  | 'kev'
  | 'vex'
  | 'devices'
  | 'cloud'
  | 'mds2'
  | 'device-sbom'
  | 'cve'
  | 'epss';

export interface ImportRecord {
  id: number;
  kind: ImportKind;
  adapter: string;
  adapterVersion: string;
  source: string;
  sha256: string;
  target: string;
  optionsDigest: string;
  importedAt: string;
  summary: Record<string, unknown>;
}

/** What makes two imports the same: kind, bytes, target and options. */
export interface ImportKey {
  kind: ImportKind;
  sha256: string;
  target?: string;
  optionsDigest?: string;
}

/**
 * Inside an import's transaction: serialise imports of the same key across processes, then
 * return the earlier import of it, if any — re-importing the same thing must change nothing,
 * and two concurrent imports of it must not both write.
 */
export async function claimImport(tx: Queryable, key: ImportKey): Promise<ImportRecord | null> {
  const target = key.target ?? '';
  const opts = key.optionsDigest ?? '';
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
    JSON.stringify(['import', key.kind, key.sha256, target, opts]),
  ]);
  const { rows } = await tx.query<Record<string, unknown>>(
    'SELECT * FROM imports WHERE kind = $1 AND sha256 = $2 AND target = $3 AND options_digest = $4',
    [key.kind, key.sha256, target, opts],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    id: r.id as number,
    kind: r.kind as ImportKind,
    adapter: r.adapter as string,
    adapterVersion: r.adapter_version as string,
    source: r.source as string,
    sha256: r.sha256 as string,
    target: r.target as string,
    optionsDigest: r.options_digest as string,
    importedAt: new Date(r.imported_at as string).toISOString(),
    summary: r.summary as Record<string, unknown>,
  };
}

/** Record an import; returns its id. */
export async function recordImport(
  tx: Queryable,
  rec: Omit<ImportRecord, 'id' | 'importedAt' | 'target' | 'optionsDigest' | 'summary'> & {
    importedAt: Date;
    target?: string;
    optionsDigest?: string;
    summary?: Record<string, unknown>;
  },
): Promise<number> {
  const { rows } = await tx.query<{ id: number }>(
    `INSERT INTO imports (kind, adapter, adapter_version, source, sha256, target, options_digest, imported_at, summary)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [
      rec.kind,
      rec.adapter,
      rec.adapterVersion,
      rec.source,
      rec.sha256,
      rec.target ?? '',
      rec.optionsDigest ?? '',
      rec.importedAt,
      rec.summary ?? {},
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
