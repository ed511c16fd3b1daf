import { type AssetFlag, assetFlags } from '../../core/asset-flags.js';
import type { AssetRecord } from '../../core/inventory.js';
import { classifyPhi, environmentFromTags } from '../../core/phi.js';
import type { Queryable } from '../db.js';

export interface AssetRow {
  id: number;
  externalId: string;
  name: string;
  kind: string;
  provider: string | null;
  account: string | null;
  region: string | null;
  tags: Record<string, string>;
  phi: boolean;
  phiSource: string;
  environment: string;
  internetExposed: boolean | null;
  clinicalCriticality: string | null;
  supportStatus: string;
  owner: string | null;
  version: string | null;
  firstSeen: string;
  lastSeen: string;
}

const COLUMNS = `id, external_id, name, kind, provider, account, region, tags, phi, phi_source, environment,
  internet_exposed, clinical_criticality, support_status, owner, version, first_seen, last_seen`;

function toRow(r: Record<string, unknown>): AssetRow {
  return {
    id: r.id as number,
    externalId: r.external_id as string,
    name: r.name as string,
    kind: r.kind as string,
    provider: (r.provider as string | null) ?? null,
    account: (r.account as string | null) ?? null,
    region: (r.region as string | null) ?? null,
    tags: r.tags as Record<string, string>,
    phi: r.phi as boolean,
    phiSource: r.phi_source as string,
    environment: r.environment as string,
    internetExposed: (r.internet_exposed as boolean | null) ?? null,
    clinicalCriticality: (r.clinical_criticality as string | null) ?? null,
    supportStatus: r.support_status as string,
    owner: (r.owner as string | null) ?? null,
    version: (r.version as string | null) ?? null,
    firstSeen: new Date(r.first_seen as string).toISOString(),
    lastSeen: new Date(r.last_seen as string).toISOString(),
  };
}

export interface UpsertedAsset {
  asset: AssetRow;
  created: boolean;
  /** Field names whose value changed (empty when created or unchanged). */
  changed: string[];
}

/**
 * Insert or update an asset by its external id and record the sighting. A sighting adds what its
 * source knows and never erases what another source (or an earlier override) said: tags merge,
 * fields the record leaves out keep their stored value, and an explicit PHI override stays in
 * force until overridden again — an SBOM re-import must not quietly take an asset out of PHI scope.
 */
export async function upsertAsset(
  tx: Queryable,
  rec: AssetRecord,
  sighting: { source: string; ref: string; importId: number | null; at: Date },
  phiOverride?: boolean,
): Promise<UpsertedAsset> {
  const before = await tx.query<Record<string, unknown>>(
    `SELECT ${COLUMNS} FROM assets WHERE external_id = $1`,
    [rec.externalId],
  );
  const prior = before.rows[0] ? toRow(before.rows[0]) : undefined;
  const tags = { ...prior?.tags, ...rec.tags };
  const override = phiOverride ?? (prior?.phiSource === 'override' ? prior.phi : undefined);
  const phi = classifyPhi(tags, override);
  const tagEnv = environmentFromTags(tags);
  const values = {
    name: rec.name,
    kind: rec.kind,
    provider: rec.provider ?? prior?.provider ?? null,
    account: rec.account ?? prior?.account ?? null,
    region: rec.region ?? prior?.region ?? null,
    tags,
    phi: phi.phi,
    phi_source: phi.source,
    environment: rec.environment ?? (tagEnv !== 'unknown' ? tagEnv : (prior?.environment ?? 'unknown')),
    internet_exposed: rec.internetExposed ?? prior?.internetExposed ?? null,
    clinical_criticality: rec.clinicalCriticality ?? prior?.clinicalCriticality ?? null,
    support_status: rec.supportStatus ?? prior?.supportStatus ?? 'unknown',
    owner: rec.owner ?? prior?.owner ?? null,
    version: rec.version ?? prior?.version ?? null,
  };
  let row: AssetRow;
  let changed: string[] = [];
  const priorRaw = before.rows[0];
  if (priorRaw) {
    changed = Object.entries(values)
      .filter(([k, v]) => JSON.stringify(priorRaw[k] ?? null) !== JSON.stringify(v))
      .map(([k]) => k);
    const { rows } = await tx.query<Record<string, unknown>>(
      `UPDATE assets SET name=$2, kind=$3, provider=$4, account=$5, region=$6, tags=$7, phi=$8, phi_source=$9,
         environment=$10, internet_exposed=$11, clinical_criticality=$12, support_status=$13, owner=$14,
         version=$15, last_seen=GREATEST(last_seen, $16)
       WHERE external_id = $1 RETURNING ${COLUMNS}`,
      [rec.externalId, ...Object.values(values), sighting.at],
    );
    row = toRow(rows[0]!);
  } else {
    const { rows } = await tx.query<Record<string, unknown>>(
      `INSERT INTO assets (external_id, name, kind, provider, account, region, tags, phi, phi_source, environment,
         internet_exposed, clinical_criticality, support_status, owner, version, first_seen, last_seen)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$16) RETURNING ${COLUMNS}`,
      [rec.externalId, ...Object.values(values), sighting.at],
    );
    row = toRow(rows[0]!);
  }
  await tx.query(
    `INSERT INTO asset_sightings (asset_id, source, source_ref, import_id, first_seen, last_seen)
     VALUES ($1, $2, $3, $4, $5, $5)
     ON CONFLICT (asset_id, source, source_ref)
     DO UPDATE SET last_seen = GREATEST(asset_sightings.last_seen, EXCLUDED.last_seen), import_id = EXCLUDED.import_id`,
    [row.id, sighting.source, sighting.ref, sighting.importId, sighting.at],
  );
  return { asset: row, created: !prior, changed };
}

export interface AssetListRow extends AssetRow {
  sources: string[];
  components: number;
  openFindings: number;
  /** `stale` (not seen within the window), `phi-in-non-production`. */
  flags: AssetFlag[];
}

/** Every asset with its sources, present component count and open finding count. */
export async function listAssets(
  db: Queryable,
  filter: { phi?: boolean; now?: Date; staleDays?: number } = {},
): Promise<AssetListRow[]> {
  const { rows } = await db.query<Record<string, unknown>>(
    `SELECT ${COLUMNS.split(',')
      .map((c) => `a.${c.trim()}`)
      .join(', ')},
       COALESCE((SELECT array_agg(DISTINCT s.source ORDER BY s.source) FROM asset_sightings s WHERE s.asset_id = a.id), '{}') AS sources,
       (SELECT count(*) FROM components c WHERE c.asset_id = a.id AND c.removed_at IS NULL)::int AS components,
       (SELECT count(*) FROM findings f WHERE f.asset_id = a.id AND f.state IN ('open', 'unknown'))::int AS open_findings
     FROM assets a
     WHERE ($1::boolean IS NULL OR a.phi = $1)
     ORDER BY a.name, a.id`,
    [filter.phi ?? null],
  );
  return rows
    .map((r) => ({
      ...toRow(r),
      sources: r.sources as string[],
      components: r.components as number,
      openFindings: r.open_findings as number,
    }))
    .map((a) => ({ ...a, flags: assetFlags(a, filter.now ?? new Date(), filter.staleDays) }));
}

/** Assets by id, in one query (ids not found are absent from the map). */
export async function getAssets(db: Queryable, ids: readonly number[]): Promise<Map<number, AssetRow>> {
  if (ids.length === 0) return new Map();
  const { rows } = await db.query<Record<string, unknown>>(
    `SELECT ${COLUMNS} FROM assets WHERE id = ANY($1::bigint[])`,
    [ids.map(String)],
  );
  return new Map(rows.map((r) => [r.id as number, toRow(r)]));
}

/** One asset by id, or null. */
export async function getAsset(db: Queryable, id: number): Promise<AssetRow | null> {
  const { rows } = await db.query<Record<string, unknown>>(`SELECT ${COLUMNS} FROM assets WHERE id = $1`, [
    id,
  ]);
  return rows[0] ? toRow(rows[0]) : null;
}

/** Device assets (all, or those of `ids`) with the fields device attachments key on, in one query. */
export async function deviceAssets(
  tx: Queryable,
  ids?: readonly number[],
): Promise<{ id: number; tags: Record<string, string>; version: string | null }[]> {
  const { rows } = await tx.query<{ id: number; tags: Record<string, string>; version: string | null }>(
    `SELECT id, tags, version FROM assets
     WHERE kind = 'medical-device' AND ($1::bigint[] IS NULL OR id = ANY($1::bigint[])) ORDER BY id`,
    [ids ? ids.map(String) : null],
  );
  return rows.map((r) => ({ id: Number(r.id), tags: r.tags, version: r.version ?? null }));
}
