/**
 * Importing a cloud snapshot, whoever produced it (AWS SDK collection, AWS Config snapshot file,
 * Azure Resource Graph): the snapshot and its resources are stored for posture, the assets it
 * implies are merged into the inventory, and findings are refreshed, all in one transaction.
 *
 * Sameness differs by origin. A file (Config snapshot) is the same import when its content is
 * the same: re-importing it changes nothing. A live collection is compared with the latest one
 * of the same scope only: unchanged content records that the assets were seen again (their
 * `last_seen` moves, so a stable fleet never turns stale), while A → B → A stores A again,
 * because the estate really changed twice.
 */
import { canonicalJson } from '../core/canonical-json.js';
import type { CloudSnapshot } from '../core/cloud.js';
import { sha256Hex } from '../core/digest.js';
import type { Extraction } from '../core/inventory.js';
import type { Db, Queryable } from '../store/db.js';
import { appendAudit } from '../store/repositories/audit.js';
import { insertSnapshot } from '../store/repositories/cloud-snapshots.js';
import { claimImport, recordImport, setImportSummary } from '../store/repositories/imports.js';
import { noChanges, type RefreshSummary, refreshFindings } from './refresh-findings.js';
import { writeExtractions } from './write-extractions.js';

export interface CloudImportOrigin {
  /** Adapter id recorded with the import and as the assets' sighting source. */
  adapter: string;
  adapterVersion: string;
  /** Where it came from: `aws:<accounts>:<regions>` or the file path. */
  source: string;
  /** True for live collections (see the header), false for files. */
  live: boolean;
}

export interface CloudImportResult {
  status: 'imported' | 'unchanged';
  importId: number;
  snapshotId: number | null;
  resources: number;
  assets: number;
  created: number;
  gaps: CloudSnapshot['gaps'];
  findings: RefreshSummary;
}

/** Digest of what was seen, not when: the collection time is left out. */
export function snapshotDigest(s: CloudSnapshot): string {
  const { collectedAt: _, ...content } = s;
  return sha256Hex(canonicalJson(content));
}

/** Store a snapshot, merge its assets and refresh findings in one transaction. */
export async function importCloudSnapshot(
  db: Db,
  snapshot: CloudSnapshot,
  toAssets: (s: CloudSnapshot) => Extraction[],
  origin: CloudImportOrigin,
  opts: { actor: string; at?: Date },
): Promise<CloudImportResult> {
  const at = opts.at ?? new Date();
  const sha256 = snapshotDigest(snapshot);
  const base = { resources: snapshot.resources.length, gaps: snapshot.gaps };
  return db.transaction(async (tx) => {
    const scope = `${origin.adapter} ${origin.source}`;
    let optionsDigest = '';
    if (origin.live) {
      const latest = await latestImportOfScope(tx, scope);
      if (latest?.sha256 === sha256) {
        await markSeen(tx, latest.id, at);
        return unchanged(base, latest.id, latest.snapshotId, latest.assets);
      }
      optionsDigest = `after:${latest?.id ?? 0}`;
    }
    const prior = await claimImport(tx, { kind: 'cloud', sha256, target: scope, optionsDigest });
    if (prior) return unchanged(base, prior.id, null, Number(prior.summary.assets ?? 0));
    // Mapping a large estate costs seconds: done only once the snapshot is known to be new.
    const assets = toAssets(snapshot);
    const importId = await recordImport(tx, {
      kind: 'cloud',
      adapter: origin.adapter,
      adapterVersion: origin.adapterVersion,
      source: origin.source,
      sha256,
      target: scope,
      optionsDigest,
      importedAt: at,
    });
    const snapshotId = await insertSnapshot(tx, importId, snapshot);
    const { assetIds, created, events } = await writeExtractions(tx, assets, {
      source: origin.adapter,
      ref: (e) => e.asset.externalId,
      importId,
      at,
      actor: opts.actor,
    });
    const summary = {
      provider: snapshot.provider,
      accounts: snapshot.accounts,
      regions: snapshot.regions,
      resources: snapshot.resources.length,
      assets: assets.length,
      created,
      gaps: snapshot.gaps.length,
    };
    await setImportSummary(tx, importId, summary);
    await appendAudit(
      tx,
      {
        actor: opts.actor,
        action: 'import.cloud',
        entityType: 'import',
        entityId: String(importId),
        data: { ...summary, source: origin.source, snapshotId, gapList: snapshot.gaps.slice(0, 200) },
        at,
      },
      ...events,
    );
    const findings = await refreshFindings(tx, assetIds, { at, actor: opts.actor });
    return {
      ...base,
      assets: assets.length,
      status: 'imported' as const,
      importId,
      snapshotId,
      created,
      findings,
    };
  });
}

function unchanged(
  base: Pick<CloudImportResult, 'resources' | 'gaps'>,
  importId: number,
  snapshotId: number | null,
  assets: number,
): CloudImportResult {
  return { ...base, assets, status: 'unchanged', importId, snapshotId, created: 0, findings: noChanges() };
}

async function latestImportOfScope(
  tx: Queryable,
  scope: string,
): Promise<{ id: number; sha256: string; snapshotId: number | null; assets: number } | undefined> {
  const { rows } = await tx.query<{
    id: number;
    sha256: string;
    snapshot_id: number | null;
    summary: Record<string, unknown>;
  }>(
    `SELECT i.id, i.sha256, i.summary, s.id AS snapshot_id FROM imports i LEFT JOIN cloud_snapshots s ON s.import_id = i.id
     WHERE i.kind = 'cloud' AND i.target = $1 ORDER BY i.id DESC LIMIT 1`,
    [scope],
  );
  const r = rows[0];
  return r
    ? {
        id: Number(r.id),
        sha256: r.sha256,
        snapshotId: r.snapshot_id === null ? null : Number(r.snapshot_id),
        assets: Number(r.summary.assets ?? 0),
      }
    : undefined;
}

// A sighting time is an observation, not a change of state: it moves forward only.
async function markSeen(tx: Queryable, importId: number, at: Date): Promise<void> {
  await tx.query('UPDATE asset_sightings SET last_seen = GREATEST(last_seen, $2) WHERE import_id = $1', [
    importId,
    at,
  ]);
  await tx.query(
    `UPDATE assets SET last_seen = GREATEST(last_seen, $2)
     WHERE id IN (SELECT asset_id FROM asset_sightings WHERE import_id = $1)`,
    [importId, at],
  );
}
