/**
 * MDS2 forms as stored, and which device models they cover. A device's form is the latest one
 * whose model keys include the device's manufacturer/model key; its facts are copied onto the
 * device as `mds2:` tags so inventory, triage and posture see them like any other attribute.
 */
import type { Mds2Form } from '../../sources/devices/mds2.js';
import type { Queryable } from '../db.js';

export const MDS2_TAG_PREFIX = 'mds2:';

/** Store a parsed form under its import; returns the form id. */
export async function insertMds2Form(
  tx: Queryable,
  importId: number,
  form: Mds2Form,
  modelKeys: string[],
  at: Date,
): Promise<number> {
  const { rows } = await tx.query<{ id: number }>(
    `INSERT INTO mds2_forms (import_id, manufacturer, models, model_keys, answers, facts, imported_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [
      importId,
      form.manufacturer,
      form.models,
      modelKeys,
      JSON.stringify(form.answers),
      JSON.stringify(form.facts),
      at,
    ],
  );
  return Number(rows[0]!.id);
}

/** The latest form covering each model key (keys no form covers are absent), in one query. */
export async function latestFormsByModelKey(
  tx: Queryable,
  keys: readonly string[],
): Promise<Map<string, { id: number; facts: Record<string, boolean | null> }>> {
  if (keys.length === 0) return new Map();
  const { rows } = await tx.query<{ key: string; id: number; facts: Record<string, boolean | null> }>(
    `SELECT DISTINCT ON (k) k AS key, f.id, f.facts
     FROM mds2_forms f CROSS JOIN LATERAL unnest(f.model_keys) AS k
     WHERE k = ANY($1::text[]) ORDER BY k, f.id DESC`,
    [[...new Set(keys)]],
  );
  return new Map(rows.map((r) => [r.key, { id: Number(r.id), facts: r.facts }]));
}

/** Merge tags into an asset (no other field changes). */
export async function mergeAssetTags(
  tx: Queryable,
  assetId: number,
  tags: Record<string, string>,
): Promise<void> {
  await tx.query('UPDATE assets SET tags = tags || $2::jsonb WHERE id = $1', [assetId, JSON.stringify(tags)]);
}
