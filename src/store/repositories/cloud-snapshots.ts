/**
 * Cloud snapshots as stored: one row per collection, one per resource. Written once inside the
 * import's transaction; readers get the latest snapshot per provider (posture) or a given one.
 */
import type { CloudProvider, CloudResource, CloudSnapshot, CollectionGap } from '../../core/cloud.js';
import type { Queryable } from '../db.js';
import { insertMany } from './sql.js';

/** Store a snapshot and its resources under an import; returns the snapshot id. */
export async function insertSnapshot(tx: Queryable, importId: number, s: CloudSnapshot): Promise<number> {
  const { rows } = await tx.query<{ id: number }>(
    `INSERT INTO cloud_snapshots (import_id, provider, collected_at, accounts, regions, gaps, resource_count)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [importId, s.provider, s.collectedAt, s.accounts, s.regions, JSON.stringify(s.gaps), s.resources.length],
  );
  const id = rows[0]!.id;
  await insertMany(
    tx,
    `INSERT INTO cloud_resources (snapshot_id, resource_id, type, account, region, name, tags, configuration, supplementary, source)`,
    s.resources.map((r) => [
      id,
      r.id,
      r.type,
      r.account,
      r.region,
      r.name,
      JSON.stringify(r.tags),
      JSON.stringify(r.configuration),
      JSON.stringify(r.supplementary),
      r.source,
    ]),
  );
  return id;
}

export interface StoredSnapshot extends CloudSnapshot {
  id: number;
  importId: number;
}

/** The latest snapshot of a provider (by collection time), with its resources; null if none. */
export async function latestSnapshot(db: Queryable, provider: CloudProvider): Promise<StoredSnapshot | null> {
  const { rows } = await db.query<{ id: number }>(
    'SELECT id FROM cloud_snapshots WHERE provider = $1 ORDER BY collected_at DESC, id DESC LIMIT 1',
    [provider],
  );
  return rows[0] ? getSnapshot(db, rows[0].id) : null;
}

/** One stored snapshot with its resources in a stable order; null if the id is unknown. */
export async function getSnapshot(db: Queryable, id: number): Promise<StoredSnapshot | null> {
  const head = await db.query<Record<string, unknown>>('SELECT * FROM cloud_snapshots WHERE id = $1', [id]);
  const h = head.rows[0];
  if (!h) return null;
  const res = await db.query<Record<string, unknown>>(
    'SELECT * FROM cloud_resources WHERE snapshot_id = $1 ORDER BY account, type, resource_id',
    [id],
  );
  return {
    id,
    importId: Number(h.import_id),
    provider: h.provider as CloudProvider,
    collectedAt: new Date(h.collected_at as string).toISOString(),
    accounts: h.accounts as string[],
    regions: h.regions as string[],
    gaps: h.gaps as CollectionGap[],
    resources: res.rows.map(
      (r): CloudResource => ({
        provider: h.provider as CloudProvider,
        account: r.account as string,
        region: r.region as string,
        type: r.type as string,
        id: r.resource_id as string,
        name: r.name as string,
        tags: r.tags as Record<string, string>,
        configuration: r.configuration as Record<string, unknown>,
        supplementary: r.supplementary as Record<string, unknown>,
        source: r.source as string,
      }),
    ),
  };
}
