/**
 * Attaching MDS2 forms to device assets, in the caller's transaction: when a form is imported
 * (every device of its models) and when devices are imported (each new or updated device gets
 * the latest form of its model). The facts become `mds2:<fact>` tags (`yes`/`no`/`unknown`)
 * plus `mds2:form`, and each device whose tags change gets an `asset.mds2-attached` audit event.
 */
import type { Queryable } from '../store/db.js';
import type { NewAuditEvent } from '../store/repositories/audit.js';
import { latestFormsByModelKey, MDS2_TAG_PREFIX, mergeAssetTags } from '../store/repositories/mds2-forms.js';
import { keyedDevices } from './device-models.js';

/** Tag the devices (all, or `assetIds`) with their model's latest form; returns audit events. */
export async function attachMds2Forms(
  tx: Queryable,
  ctx: { actor: string; at: Date; assetIds?: number[] },
): Promise<NewAuditEvent[]> {
  const events: NewAuditEvent[] = [];
  const devices = await keyedDevices(tx, ctx.assetIds);
  const forms = await latestFormsByModelKey(
    tx,
    devices.map((d) => d.key),
  );
  for (const d of devices) {
    const form = forms.get(d.key);
    if (!form) continue;
    const m = { assetId: d.id, formId: form.id, tags: d.tags, facts: form.facts };
    const tags: Record<string, string> = { [`${MDS2_TAG_PREFIX}form`]: String(m.formId) };
    for (const [fact, v] of Object.entries(m.facts)) {
      tags[`${MDS2_TAG_PREFIX}${fact}`] = v === null ? 'unknown' : v ? 'yes' : 'no';
    }
    const changed = Object.keys(tags).filter((k) => m.tags[k] !== tags[k]);
    if (changed.length === 0) continue;
    await mergeAssetTags(tx, m.assetId, tags);
    events.push({
      actor: ctx.actor,
      action: 'asset.mds2-attached',
      entityType: 'asset',
      entityId: String(m.assetId),
      data: { formId: m.formId, changed },
      at: ctx.at,
    });
  }
  return events;
}
