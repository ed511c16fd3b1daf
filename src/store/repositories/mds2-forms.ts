/**
 * MDS2 forms as stored, and which device assets they cover. A device's form is the latest one
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

export interface DeviceFormMatch {
  assetId: number;
  formId: number;
  tags: Record<string, string>;
  facts: Record<string, boolean | null>;
}

/**
 * For the given device assets (all devices when `assetIds` is omitted): the latest covering
 * form, with the asset's current tags. Devices without a covering form are absent.
 */
export async function deviceForms(
  tx: Queryable,
  keyOf: (tags: Record<string, string>) => string | undefined,
  assetIds?: number[],
): Promise<DeviceFormMatch[]> {
  const { rows } = await tx.query<{ id: number; tags: Record<string, string> }>(
    `SELECT id, tags FROM assets WHERE kind = 'medical-device' AND ($1::bigint[] IS NULL OR id = ANY($1::bigint[]))`,
    [assetIds ? assetIds.map(String) : null],
  );
  const out: DeviceFormMatch[] = [];
  for (const a of rows) {
    const key = keyOf(a.tags);
    if (key === undefined) continue;
    const f = await tx.query<{ id: number; facts: Record<string, boolean | null> }>(
      'SELECT id, facts FROM mds2_forms WHERE $1 = ANY(model_keys) ORDER BY id DESC LIMIT 1',
      [key],
    );
    const form = f.rows[0];
    if (form) out.push({ assetId: Number(a.id), formId: Number(form.id), tags: a.tags, facts: form.facts });
  }
  return out;
}

/** Merge tags into an asset (no other field changes). */
export async function mergeAssetTags(
  tx: Queryable,
  assetId: number,
  tags: Record<string, string>,
): Promise<void> {
  await tx.query('UPDATE assets SET tags = tags || $2::jsonb WHERE id = $1', [assetId, JSON.stringify(tags)]);
}
