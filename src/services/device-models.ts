/**
 * The key device attachments meet on: a device asset's manufacturer/model (src/sources/devices
 * contract.ts `deviceModelKey`), for MDS2 forms and device SBOMs alike.
 */
import { DEVICE_TAGS, deviceModelKey } from '../sources/devices/contract.js';
import type { Queryable } from '../store/db.js';
import { deviceAssets } from '../store/repositories/assets.js';

/** The model key of a device asset from its tags, or undefined without a model. */
export function deviceKeyOf(tags: Record<string, string>): string | undefined {
  const model = tags[DEVICE_TAGS.model];
  return model === undefined ? undefined : deviceModelKey(tags[DEVICE_TAGS.manufacturer], model);
}

/** Device assets (all, or `ids`) that name a model, with their model key. */
export async function keyedDevices(
  tx: Queryable,
  ids?: readonly number[],
): Promise<{ id: number; tags: Record<string, string>; version: string | null; key: string }[]> {
  return (await deviceAssets(tx, ids)).flatMap((d) => {
    const key = deviceKeyOf(d.tags);
    return key === undefined ? [] : [{ ...d, key }];
  });
}
