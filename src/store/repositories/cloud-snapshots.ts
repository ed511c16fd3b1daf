/**
 * Cloud snapshots as stored: one row per collection, one per resource. Written once inside the
 * import's transaction; readers get the latest snapshot per provider, a given one, or the fleet
 * view posture scans (the newest snapshot of each account and region).
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

export interface FleetSnapshot extends CloudSnapshot {
  /** The snapshots the view is made of, newest first. */
  snapshotIds: number[];
}

/**
 * The fleet as last seen: for every account and region, the resources and gaps of the newest
 * snapshot that covers it. Accounts collected separately (one `collect aws --account` each, one
 * AWS Config file per account and region) then scan together, and an older snapshot never
 * overrides a newer one. An AWS snapshot covers its declared regions, and `global` (IAM, S3
 * buckets, account settings) only where it holds global resources or gaps of that account; an
 * Azure snapshot covers its subscriptions whole (Resource Graph has no region scope).
 * Ages (keys, AMIs) are measured at the newest collection time. Null when none is stored.
 */
export async function fleetSnapshot(db: Queryable, provider: CloudProvider): Promise<FleetSnapshot | null> {
  const { rows: heads } = await db.query<{
    id: number;
    collected_at: string;
    accounts: string[];
    regions: string[];
  }>(
    'SELECT id, collected_at, accounts, regions FROM cloud_snapshots WHERE provider = $1 ORDER BY collected_at DESC, id DESC',
    [provider],
  );
  if (heads.length === 0) return null;
  const covered = new Set<string>();
  const key = (account: string, region: string) => `${account}\u0000${region}`;
  const isCovered = (account: string, region: string) =>
    covered.has(key(account, '*')) || covered.has(key(account, region));
  const out: FleetSnapshot = {
    provider,
    collectedAt: new Date(heads[0]!.collected_at).toISOString(),
    accounts: [],
    regions: [],
    resources: [],
    gaps: [],
    snapshotIds: [],
  };
  for (const h of heads) {
    const id = Number(h.id);
    // Whole history is not read: a snapshot whose every pair a newer one covers adds nothing.
    if (h.accounts.every((a) => isCovered(a, '*') || [...h.regions, 'global'].every((r) => isCovered(a, r))))
      continue;
    const snap = await getSnapshot(db, id);
    if (!snap) continue;
    const globals = new Set(
      [...snap.resources, ...snap.gaps].filter((x) => x.region === 'global').map((x) => x.account),
    );
    const declared = (account: string) =>
      provider === 'azure' ? ['*'] : [...snap.regions, ...(globals.has(account) ? ['global'] : [])];
    // What this snapshot wins: its declared (account, region) pairs no newer snapshot covered.
    // Scopes above the accounts (an Entra tenant over its subscriptions) are covered like them.
    const scopes = [...new Set([...snap.accounts, ...snap.resources.map((r) => r.account)])];
    const wins = new Set<string>();
    for (const a of scopes) for (const r of declared(a)) if (!isCovered(a, r)) wins.add(key(a, r));
    const winsAccount = new Set(scopes.filter((a) => declared(a).some((r) => wins.has(key(a, r)))));
    // A global collector places some resources in regions it did not declare (S3 buckets in
    // their own region): they come along unless a newer snapshot declared that region.
    const takes = (account: string, region: string) =>
      wins.has(key(account, '*')) ||
      wins.has(key(account, region)) ||
      (winsAccount.has(account) && !declared(account).includes(region) && !isCovered(account, region));
    const resources = snap.resources.filter((r) => takes(r.account, r.region));
    const gaps = snap.gaps.filter((g) => takes(g.account, g.region));
    for (const w of wins) covered.add(w);
    if (winsAccount.size === 0) continue;
    out.snapshotIds.push(id);
    out.resources.push(...resources);
    out.gaps.push(...gaps);
    out.accounts.push(...snap.accounts.filter((a) => winsAccount.has(a)));
    out.regions.push(...snap.regions);
  }
  // An undeclared-region resource may also be in an older snapshot that declared its region.
  const seen = new Set<string>();
  out.resources = out.resources.filter((r) => {
    const k = `${r.account}\u0000${r.type}\u0000${r.id}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  out.accounts = [...new Set(out.accounts)].sort();
  out.regions = [...new Set(out.regions)].sort();
  return out;
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
