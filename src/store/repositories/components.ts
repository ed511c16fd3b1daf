import type { ComponentRecord } from '../../core/inventory.js';
import { packageKeyParts } from '../../matching/advisory-index.js';
import { matchKey } from '../../matching/match.js';
import type { Queryable } from '../db.js';
import { insertMany } from './sql.js';

export interface ComponentRow {
  id: number;
  assetId: number;
  purl: string;
  ecosystem: string | null;
  name: string;
  version: string | null;
  sourceName: string | null;
  sourceVersion: string | null;
  distroRelease: string | null;
  foundBy: string;
  /** Where in the input: CycloneDX bom-ref (VEX statements may name components by it). */
  ref?: string;
}

export interface ComponentSync {
  added: number;
  removed: number;
  kept: number;
}

/**
 * Make the asset's components from one source equal to `components`: new ones are inserted,
 * present ones touched, and ones this source no longer reports marked removed (never deleted —
 * findings and evidence still point at them). Other sources' components are left alone.
 */
export async function syncComponents(
  tx: Queryable,
  assetId: number,
  components: readonly ComponentRecord[],
  foundBy: string,
  at: Date,
): Promise<ComponentSync> {
  const { rows } = await tx.query<{ id: number; purl: string; removed_at: Date | null }>(
    'SELECT id, purl, removed_at FROM components WHERE asset_id = $1 AND found_by = $2',
    [assetId, foundBy],
  );
  const existing = new Map(rows.map((r) => [r.purl, r]));
  const incoming = new Set(components.map((c) => c.purl));
  const fresh = components.filter((c) => !existing.has(c.purl));
  const keep = rows.filter((r) => incoming.has(r.purl)).map((r) => r.id);
  const gone = rows.filter((r) => !incoming.has(r.purl) && r.removed_at === null).map((r) => r.id);
  if (keep.length) {
    await tx.query('UPDATE components SET last_seen = $2, removed_at = NULL WHERE id = ANY($1::bigint[])', [
      keep.map(String),
      at,
    ]);
  }
  if (gone.length) {
    await tx.query('UPDATE components SET removed_at = $2 WHERE id = ANY($1::bigint[])', [
      gone.map(String),
      at,
    ]);
  }
  // Another source may already report this purl on the asset (an SBOM and its attestation, a
  // scanner and an SBOM): one component row, seen again, keeping the source that found it first.
  await insertMany(
    tx,
    `INSERT INTO components (asset_id, purl, ecosystem, name, version, source_name, source_version,
       distro_release, found_by, ref, first_seen, last_seen, match_name)`,
    fresh.map((c) => {
      // Stored under the names advisories are indexed by, so the join needs no normalisation.
      const key = c.ecosystem ? packageKeyParts(c.ecosystem, c.name) : null;
      return [
        assetId,
        c.purl,
        key?.ecosystem ?? null,
        key?.name ?? c.name,
        c.version,
        c.sourceName ?? null,
        c.sourceVersion ?? null,
        c.distroRelease ?? null,
        foundBy,
        c.ref ?? null,
        at,
        at,
        // The advisory-index name (source or binary package): what a new advisory is joined on.
        key
          ? packageKeyParts(key.ecosystem, matchKey({ ...c, ecosystem: key.ecosystem, name: key.name }).name)
              .name
          : c.name,
      ];
    }),
    'ON CONFLICT (asset_id, purl) DO UPDATE SET last_seen = EXCLUDED.last_seen, removed_at = NULL',
  );
  return { added: fresh.length, removed: gone.length, kept: keep.length };
}

/** Present components of the given assets. */
export async function presentComponents(db: Queryable, assetIds: readonly number[]): Promise<ComponentRow[]> {
  if (assetIds.length === 0) return [];
  const { rows } = await db.query<Record<string, unknown>>(
    `SELECT id, asset_id, purl, ecosystem, name, version, source_name, source_version, distro_release, found_by, ref
     FROM components WHERE asset_id = ANY($1::bigint[]) AND removed_at IS NULL ORDER BY id`,
    [assetIds.map(String)],
  );
  return rows.map((r) => ({
    id: r.id as number,
    assetId: r.asset_id as number,
    purl: r.purl as string,
    ecosystem: (r.ecosystem as string | null) ?? null,
    name: r.name as string,
    version: (r.version as string | null) ?? null,
    sourceName: (r.source_name as string | null) ?? null,
    sourceVersion: (r.source_version as string | null) ?? null,
    distroRelease: (r.distro_release as string | null) ?? null,
    foundBy: r.found_by as string,
    ...(r.ref ? { ref: r.ref as string } : {}),
  }));
}

/** Assets that have a present component named by any of the (ecosystem, name) pairs. */
export async function assetsWithPackages(
  db: Queryable,
  packages: readonly { ecosystem: string; name: string }[],
): Promise<number[]> {
  if (packages.length === 0) return [];
  const { rows } = await db.query<{ asset_id: number }>(
    `SELECT DISTINCT c.asset_id FROM components c
     JOIN unnest($1::text[], $2::text[]) AS p(ecosystem, name)
       ON c.ecosystem = p.ecosystem AND c.match_name = p.name
     WHERE c.removed_at IS NULL ORDER BY c.asset_id`,
    [packages.map((p) => p.ecosystem), packages.map((p) => p.name)],
  );
  return rows.map((r) => r.asset_id);
}
