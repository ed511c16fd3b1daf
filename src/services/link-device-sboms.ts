/**
 * Applying device SBOMs to device assets, in the caller's transaction: each device of a model
 * gets the components of the SBOM for its firmware (or of the model's firmware-independent
 * SBOM), found by `device-sbom`, so a firmware upgrade swaps the set and the old components are
 * marked removed. Devices whose components change get an audit event.
 */
import type { Queryable } from '../store/db.js';
import type { NewAuditEvent } from '../store/repositories/audit.js';
import { syncComponents } from '../store/repositories/components.js';
import {
  deviceSbomComponents,
  deviceSbomsOfModels,
  pickDeviceSbom,
} from '../store/repositories/device-sboms.js';
import { keyedDevices } from './device-models.js';

/** The `found_by` of components that come from a device SBOM. */
export const DEVICE_SBOM_SOURCE = 'device-sbom';

/** Link every device (or `assetIds`) to its SBOM; returns the changed asset ids and audit events. */
export async function linkDeviceSboms(
  tx: Queryable,
  ctx: { actor: string; at: Date; assetIds?: number[] },
): Promise<{ assetIds: number[]; events: NewAuditEvent[] }> {
  const devices = await keyedDevices(tx, ctx.assetIds);
  const sboms = await deviceSbomsOfModels(
    tx,
    devices.map((d) => d.key),
  );
  const chosen = new Map(devices.map((d) => [d.id, pickDeviceSbom(sboms, d.key, d.version)]));
  const components = await deviceSbomComponents(
    tx,
    [...chosen.values()].flatMap((s) => (s ? [s.id] : [])),
  );
  const changed: number[] = [];
  const events: NewAuditEvent[] = [];
  for (const d of devices) {
    // No SBOM for this firmware: components an SBOM of older firmware gave are marked removed,
    // since they describe software the device no longer runs.
    const sbom = chosen.get(d.id);
    const list = sbom ? (components.get(sbom.id) ?? []) : [];
    const sync = await syncComponents(tx, d.id, list, DEVICE_SBOM_SOURCE, ctx.at);
    if (sync.added === 0 && sync.removed === 0) continue;
    changed.push(d.id);
    events.push({
      actor: ctx.actor,
      action: 'asset.device-sbom-linked',
      entityType: 'asset',
      entityId: String(d.id),
      data: { deviceSbomId: sbom?.id ?? null, firmware: d.version, ...sync },
      at: ctx.at,
    });
  }
  return { assetIds: changed, events };
}
