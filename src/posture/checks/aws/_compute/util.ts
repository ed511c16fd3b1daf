/**
 * Small readers shared by the AWS compute and network checks: safe access into the untyped
 * `configuration` / `supplementary` records, PHI and instance lookups, and the gap handling every
 * check needs (data that could not be read is an `error` result, never a pass or a fail).
 */
import type { CloudResource, CloudSnapshot } from '../../../../core/cloud.js';
import { classifyPhi } from '../../../../core/phi.js';

import { list, num, record, str } from '../../../read.js';

export { list, num, record as rec, str };

/** Whether a resource's tags classify it as PHI (core/phi.ts rules). */
export function isPhi(r: Pick<CloudResource, 'tags'>): boolean {
  return classifyPhi(r.tags).phi;
}

/** Key of an object inside one account and region (EC2 ids are unique only there). */
export function scoped(r: Pick<CloudResource, 'account' | 'region'>, id: string): string {
  return `${r.account}|${r.region}|${id}`;
}

/** Resources of a type indexed by a configuration id (e.g. `instanceId`) within account+region. */
export function indexBy(snapshot: CloudSnapshot, type: string, key: string): Map<string, CloudResource> {
  const out = new Map<string, CloudResource>();
  for (const r of snapshot.resources) {
    if (r.type !== type) continue;
    const id = str(r.configuration[key]);
    if (id) out.set(scoped(r, id), r);
  }
  return out;
}

/** The snapshot's collection time in ms: checks use it as "now" so they stay pure. */
export function snapshotTime(snapshot: CloudSnapshot): number | undefined {
  const t = Date.parse(snapshot.collectedAt);
  return Number.isNaN(t) ? undefined : t;
}

export const DAY_MS = 86_400_000;
