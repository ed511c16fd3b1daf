/**
 * `posture scan`: the checks over the latest stored snapshot of a provider, stored as a scan with
 * its drift from the previous scan (new failures, resolved, other status changes) and with the
 * mutes in force applied — a muted failure is listed with its mute and does not fail the scan;
 * an expired mute no longer applies, so the finding is open again. One transaction, one audit event.
 */
import { AppError } from '../core/errors.js';
import type { CheckResult, PostureParams } from '../posture/check.js';
import { DEFAULT_PARAMS } from '../posture/params.js';
import { POSTURE_CHECKS } from '../posture/registry.js';
import { runChecks } from '../posture/run.js';
import type { Db } from '../store/db.js';
import { appendAudit } from '../store/repositories/audit.js';
import { latestSnapshot } from '../store/repositories/cloud-snapshots.js';
import {
  activeMutes,
  insertMute,
  insertScan,
  type PostureMute,
  previousStatuses,
} from '../store/repositories/posture.js';

export type ScannedResult = CheckResult & {
  mute?: { id: number; reason: string; owner: string; expiresAt: string };
};

export interface PostureScanResult {
  scanId: number;
  snapshot: { id: number; collectedAt: string };
  results: ScannedResult[];
  counts: { pass: number; fail: number; manual: number; error: number; muted: number };
  drift: { new: string[]; resolved: string[]; changed: { findingId: string; from: string; to: string }[] };
}

/** Scan the latest snapshot of `provider` and store the results. */
export async function runPostureScan(
  db: Db,
  provider: 'aws' | 'azure',
  opts: { actor: string; at?: Date; params?: PostureParams },
): Promise<PostureScanResult> {
  const at = opts.at ?? new Date();
  const params = opts.params ?? DEFAULT_PARAMS;
  const snapshot = await latestSnapshot(db, provider);
  if (!snapshot) {
    throw new AppError('NOT_FOUND', {
      reason: `no ${provider} snapshot: run collect ${provider} or import aws-config first`,
    });
  }
  const run = runChecks(POSTURE_CHECKS, snapshot, params);
  return db.transaction(async (tx) => {
    const mutes = await activeMutes(tx, at);
    const results: ScannedResult[] = run.results.map((r) => {
      const mute = r.status === 'fail' ? mutes.get(r.findingId) : undefined;
      return mute ? { ...r, mute } : r;
    });
    const scanId = await insertScan(
      tx,
      { snapshotId: snapshot.id, provider, at, params, counts: run.counts },
      results,
    );
    const before = await previousStatuses(tx, provider, scanId);
    const now = new Map(results.map((r) => [r.findingId, r.status]));
    const drift: PostureScanResult['drift'] = { new: [], resolved: [], changed: [] };
    for (const [id, status] of now) {
      const was = before.get(id);
      if (status === 'fail' && was !== 'fail') drift.new.push(id);
      else if (was !== undefined && was !== status && !(was === 'fail' && status === 'pass'))
        drift.changed.push({ findingId: id, from: was, to: status });
    }
    for (const [id, was] of before) if (was === 'fail' && now.get(id) !== 'fail') drift.resolved.push(id);
    const counts = { ...run.counts, muted: results.filter((r) => r.mute).length };
    await appendAudit(tx, {
      actor: opts.actor,
      action: 'posture.scan',
      entityType: 'posture-scan',
      entityId: String(scanId),
      data: {
        provider,
        snapshotId: snapshot.id,
        counts,
        drift: { new: drift.new.length, resolved: drift.resolved.length, changed: drift.changed.length },
      },
      at,
    });
    return {
      scanId,
      snapshot: { id: snapshot.id, collectedAt: snapshot.collectedAt },
      results,
      counts,
      drift,
    };
  });
}

/** Mute one posture finding: a reason, an owner and an expiry are required; audited. */
export async function mutePostureFinding(
  db: Db,
  m: { findingId: string; reason: string; owner: string; expiresAt: Date; actor: string; at?: Date },
): Promise<PostureMute> {
  const at = m.at ?? new Date();
  if (!m.reason.trim() || !m.owner.trim())
    throw new AppError('USAGE', { reason: 'a mute needs a reason and an owner' });
  if (m.expiresAt.getTime() <= at.getTime())
    throw new AppError('USAGE', { reason: 'the expiry must be in the future' });
  return db.transaction(async (tx) => {
    const mute = await insertMute(tx, { ...m, createdBy: m.actor, at });
    await appendAudit(tx, {
      actor: m.actor,
      action: 'posture.muted',
      entityType: 'posture-finding',
      entityId: m.findingId,
      data: { mute: mute.id, reason: mute.reason, owner: mute.owner, expiresAt: mute.expiresAt },
      at,
    });
    return mute;
  });
}
