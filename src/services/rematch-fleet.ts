/**
 * `findings rematch`: refresh every asset's findings against the stored advisories — after a
 * policy or matcher upgrade, or to prove the stored findings are what today's data says. Assets go
 * in batches, one transaction each, so a crash loses at most one batch and the log stays consistent.
 */
import type { Db } from '../store/db.js';
import { noChanges, type RefreshSummary, refreshFindings } from './refresh-findings.js';

/** Refresh all assets; returns the summed changes. */
export async function rematchFleet(
  db: Db,
  opts: { actor: string; at?: Date; batch?: number; onProgress?: (done: number, total: number) => void },
): Promise<RefreshSummary & { assets: number }> {
  const at = opts.at ?? new Date();
  const { rows } = await db.query<{ id: number }>('SELECT id FROM assets ORDER BY id');
  const ids = rows.map((r) => r.id);
  const total = noChanges();
  // 400 assets × ~500 components is past the parallel threshold: each batch matches on all cores.
  const size = opts.batch ?? 400;
  for (let i = 0; i < ids.length; i += size) {
    const s = await db.transaction((tx) =>
      refreshFindings(tx, ids.slice(i, i + size), { at, actor: opts.actor }),
    );
    for (const k of Object.keys(total) as (keyof RefreshSummary)[]) total[k] += s[k];
    opts.onProgress?.(Math.min(i + size, ids.length), ids.length);
  }
  return { ...total, assets: ids.length };
}
