/**
 * Device SBOMs as stored: one per (model, firmware) import. A device asset takes the latest SBOM
 * of its model whose firmware equals the device's, else the latest one for every firmware.
 */
import type { ComponentRecord, Rejected } from '../../core/inventory.js';
import type { Queryable } from '../db.js';

export interface DeviceSbom {
  id: number;
  modelKey: string;
  firmware: string | null;
  adapter: string;
  components: ComponentRecord[];
}

/** Store a device SBOM under its import; returns its id. */
export async function insertDeviceSbom(
  tx: Queryable,
  rec: {
    importId: number;
    modelKey: string;
    firmware: string | null;
    adapter: string;
    components: ComponentRecord[];
    rejected: Rejected[];
    at: Date;
  },
): Promise<number> {
  const { rows } = await tx.query<{ id: number }>(
    `INSERT INTO device_sboms (import_id, model_key, firmware, adapter, components, rejected, imported_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [
      rec.importId,
      rec.modelKey,
      rec.firmware,
      rec.adapter,
      JSON.stringify(rec.components),
      JSON.stringify(rec.rejected),
      rec.at,
    ],
  );
  return Number(rows[0]!.id);
}

/** The SBOMs stored for these model keys, without their components (one query). */
export async function deviceSbomsOfModels(
  tx: Queryable,
  keys: readonly string[],
): Promise<Omit<DeviceSbom, 'components'>[]> {
  if (keys.length === 0) return [];
  const { rows } = await tx.query<Record<string, unknown>>(
    'SELECT id, model_key, firmware, adapter FROM device_sboms WHERE model_key = ANY($1::text[]) ORDER BY id',
    [[...new Set(keys)]],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    modelKey: r.model_key as string,
    firmware: (r.firmware as string | null) ?? null,
    adapter: r.adapter as string,
  }));
}

/** The components of the given device SBOMs, by id (one query, each list read once). */
export async function deviceSbomComponents(
  tx: Queryable,
  ids: readonly number[],
): Promise<Map<number, ComponentRecord[]>> {
  if (ids.length === 0) return new Map();
  const { rows } = await tx.query<{ id: number; components: ComponentRecord[] }>(
    'SELECT id, components FROM device_sboms WHERE id = ANY($1::bigint[])',
    [[...new Set(ids)].map(String)],
  );
  return new Map(rows.map((r) => [Number(r.id), r.components]));
}

/**
 * The SBOM that applies to a device of `modelKey` on `firmware`: the latest for that firmware,
 * else the latest for every firmware of the model; undefined when none.
 */
export function pickDeviceSbom<T extends Pick<DeviceSbom, 'id' | 'modelKey' | 'firmware'>>(
  sboms: readonly T[],
  modelKey: string,
  firmware: string | null,
): T | undefined {
  const latest = (f: (s: T) => boolean) =>
    sboms
      .filter((s) => s.modelKey === modelKey && f(s))
      .reduce<T | undefined>((a, s) => (!a || s.id > a.id ? s : a), undefined);
  return latest((s) => s.firmware !== null && s.firmware === firmware) ?? latest((s) => s.firmware === null);
}
