/**
 * Writing many assets from one source inside the caller's transaction: upsert each asset (merging
 * with other sightings by external id), sync its components, audit each creation or change.
 * Shared by the sources that see many assets at once (device exports, cloud collectors).
 */
import type { Extraction } from '../core/inventory.js';
import type { Queryable } from '../store/db.js';
import { upsertAsset } from '../store/repositories/assets.js';
import type { NewAuditEvent } from '../store/repositories/audit.js';
import { syncComponents } from '../store/repositories/components.js';

/** Upsert the assets and components; returns the asset ids, how many were new, and the audit events. */
export async function writeExtractions(
  tx: Queryable,
  items: readonly Extraction[],
  ctx: { source: string; ref: (e: Extraction) => string; importId: number; at: Date; actor: string },
): Promise<{ assetIds: number[]; created: number; events: NewAuditEvent[] }> {
  const events: NewAuditEvent[] = [];
  const assetIds: number[] = [];
  let created = 0;
  for (const item of items) {
    const {
      asset,
      created: isNew,
      changed,
    } = await upsertAsset(tx, item.asset, {
      source: ctx.source,
      ref: ctx.ref(item),
      importId: ctx.importId,
      at: ctx.at,
    });
    await syncComponents(tx, asset.id, item.components, ctx.source, ctx.at);
    assetIds.push(asset.id);
    if (isNew) created++;
    events.push({
      actor: ctx.actor,
      action: isNew ? 'asset.created' : 'asset.updated',
      entityType: 'asset',
      entityId: String(asset.id),
      data: {
        externalId: asset.externalId,
        name: asset.name,
        kind: asset.kind,
        phi: asset.phi,
        phiSource: asset.phiSource,
        changed,
        rejected: item.rejected.slice(0, 100),
      },
      at: ctx.at,
    });
  }
  return { assetIds, created, events };
}
