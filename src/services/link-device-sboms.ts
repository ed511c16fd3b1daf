/**
 * Applying device SBOMs to device assets, in the caller's transaction: each device of a model
 * gets the components of the SBOM for its firmware (or of the model's firmware-independent
 * SBOM), found by `device-sbom`, so a firmware upgrade swaps the set and the old components are
 * marked removed. Devices whose components change get an audit event.
 */
import type { Queryable } from '../store/db.js';
import type { NewAuditEvent } from '../store/repositories/audit.js';
import { syncComponents } from '../store/repositories/components.js';
import { deviceSbomFor } from '../store/repositories/device-sboms.js';
import { deviceKeyOf } from './attach-mds2.js';

/** The `found_by` of components that come from a device SBOM. */
export const DEVICE_SBOM_SOURCE = 'device-sbom';

/** Link every device (or `assetIds`) to its SBOM; returns the changed asset ids and audit events. */
export async function linkDeviceSboms(
  tx: Queryable,
  ctx: { actor: string; at: Date; assetIds?: number[] },
): Promise<{ assetIds: number[]; events: NewAuditEvent[] }> {
  const { rows } = await tx.query<{ id: number; tags: Record<string, string>; version: string | null }>(
    `SELECT id, tags, version FROM assets WHERE kind = 'medical-device' AND ($1::bigint[] IS NULL OR id = ANY($1::bigint[]))`,
    [ctx.assetIds ? ctx.assetIds.map(String) : null],
  );
  const changed: number[] = [];
  const events: NewAuditEvent[] = [];
  for (const a of rows) {
    const key = deviceKeyOf(a.tags);
    if (key === undefined) continue;
    // No SBOM for this firmware: components an SBOM of older firmware gave are marked removed,
    // since they describe software the device no longer runs.
    const sbom = await deviceSbomFor(tx, key, a.version);
    const sync = await syncComponents(tx, Number(a.id), sbom?.components ?? [], DEVICE_SBOM_SOURCE, ctx.at);
    if (sync.added === 0 && sync.removed === 0) continue;
    changed.push(Number(a.id));
    events.push({
      actor: ctx.actor,
      action: 'asset.device-sbom-linked',
      entityType: 'asset',
      entityId: String(a.id),
      data: { deviceSbomId: sbom?.id ?? null, firmware: a.version, ...sync },
      at: ctx.at,
    });
  }
  return { assetIds: changed, events };
}
