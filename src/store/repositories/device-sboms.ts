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

/** The SBOM that applies to a device of `modelKey` running `firmware`, or null. */
export async function deviceSbomFor(
  tx: Queryable,
  modelKey: string,
  firmware: string | null,
): Promise<DeviceSbom | null> {
  const { rows } = await tx.query<Record<string, unknown>>(
    `SELECT id, model_key, firmware, adapter, components FROM device_sboms
     WHERE model_key = $1 AND (firmware IS NULL OR firmware = $2)
     ORDER BY (firmware IS NULL), id DESC LIMIT 1`,
    [modelKey, firmware],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    id: Number(r.id),
    modelKey: r.model_key as string,
    firmware: (r.firmware as string | null) ?? null,
    adapter: r.adapter as string,
    components: r.components as ComponentRecord[],
  };
}
