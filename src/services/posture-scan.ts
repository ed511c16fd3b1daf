/**
 * `posture scan`: the checks over the fleet view of a provider (for each account and region the
 * newest stored snapshot), stored as a scan with its drift from the previous scan (new failures,
 * resolved, other status changes) and with the mutes in force applied — a muted failure is listed
 * with its mute and does not fail the scan; an expired mute no longer applies, so the finding is
 * open again. One transaction, one audit event.
 *
 * A scope (accounts, regions, tags, PHI only) narrows what is reported, never what is stored: the
 * stored scan is always whole, so drift between a narrowed and a whole scan cannot be invented.
 */
import type { CloudResource, CloudSnapshot } from '../core/cloud.js';
import { AppError } from '../core/errors.js';
import { classifyPhi } from '../core/phi.js';
import type { CheckResult, PostureParams } from '../posture/check.js';
import { ACCOUNT_TYPE } from '../posture/guardrails.js';
import { DEFAULT_PARAMS } from '../posture/params.js';
import { POSTURE_CHECKS } from '../posture/registry.js';
import { runChecks } from '../posture/run.js';
import type { Db } from '../store/db.js';
import { appendAudit } from '../store/repositories/audit.js';
import { fleetSnapshot } from '../store/repositories/cloud-snapshots.js';
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

/** What a scan reports; every part optional, all given parts must hold. */
export interface PostureScope {
  accounts?: readonly string[];
  regions?: readonly string[];
  /** `KEY=VALUE` (or `KEY` for any value) on the resource's tags. */
  tags?: readonly string[];
  /** Only resources classified PHI by their tags (core/phi.ts). */
  phi?: boolean;
}

export interface PostureScanResult {
  scanId: number;
  snapshot: { id: number; ids: number[]; collectedAt: string; accounts: string[] };
  results: ScannedResult[];
  counts: { pass: number; fail: number; manual: number; error: number; muted: number };
  drift: { new: string[]; resolved: string[]; changed: { findingId: string; from: string; to: string }[] };
}

/** Scan the latest snapshot of `provider` and store the results. */
export async function runPostureScan(
  db: Db,
  provider: 'aws' | 'azure',
  opts: { actor: string; at?: Date; params?: PostureParams; scope?: PostureScope },
): Promise<PostureScanResult> {
  const at = opts.at ?? new Date();
  const params = opts.params ?? DEFAULT_PARAMS;
  const snapshot = await fleetSnapshot(db, provider);
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
      { snapshotIds: snapshot.snapshotIds, provider, at, params, counts: run.counts },
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
        snapshotIds: snapshot.snapshotIds,
        counts,
        drift: { new: drift.new.length, resolved: drift.resolved.length, changed: drift.changed.length },
      },
      at,
    });
    const inScope = scopeFilter(snapshot, opts.scope);
    const shown = results.filter(inScope);
    const shownIds = new Set(shown.map((r) => r.findingId));
    const all = results.length === shown.length;
    return {
      scanId,
      snapshot: {
        id: snapshot.snapshotIds[0] as number,
        ids: snapshot.snapshotIds,
        collectedAt: snapshot.collectedAt,
        accounts: snapshot.accounts,
      },
      results: shown,
      counts: all ? counts : countOf(shown),
      drift: all
        ? drift
        : {
            new: drift.new.filter((id) => shownIds.has(id)),
            resolved: drift.resolved.filter((id) =>
              results.some((r) => r.findingId === id) ? shownIds.has(id) : inScopeId(id, opts.scope),
            ),
            changed: drift.changed.filter((c) => shownIds.has(c.findingId)),
          },
    };
  });
}

function countOf(results: readonly ScannedResult[]): PostureScanResult['counts'] {
  const c = { pass: 0, fail: 0, manual: 0, error: 0, muted: 0 };
  for (const r of results) {
    c[r.status]++;
    if (r.mute) c.muted++;
  }
  return c;
}

// Account-level results (the account or subscription itself) govern every resource in it: a tag
// scope keeps them, and a region scope keeps those of the whole account (region `global`).
const ACCOUNT_LEVEL = new Set(Object.values(ACCOUNT_TYPE));

function tagMatches(tags: Record<string, string>, spec: string): boolean {
  const eq = spec.indexOf('=');
  if (eq < 0) return Object.hasOwn(tags, spec);
  return tags[spec.slice(0, eq)] === spec.slice(eq + 1);
}

/** Whether a result is in the scope, judged on its resource as the snapshot has it. */
function scopeFilter(
  snapshot: CloudSnapshot,
  scope: PostureScope | undefined,
): (r: ScannedResult) => boolean {
  if (scope === undefined) return () => true;
  const byKey = new Map<string, CloudResource>(
    snapshot.resources.map((x) => [`${x.account}\u0000${x.id}`, x]),
  );
  return (r) => {
    if (scope.accounts?.length && !scope.accounts.includes(r.account)) return false;
    const accountLevel = ACCOUNT_LEVEL.has(r.resourceType);
    if (scope.regions?.length && r.region !== 'global' && !scope.regions.includes(r.region)) return false;
    if (accountLevel || (!scope.tags?.length && !scope.phi)) return true;
    const tags = byKey.get(`${r.account}\u0000${r.resourceId}`)?.tags ?? {};
    if (scope.phi && !classifyPhi(tags).phi) return false;
    return (scope.tags ?? []).every((t) => tagMatches(tags, t));
  };
}

/** A resolved finding is no longer in the snapshot's results: judge its scope by its id alone. */
function inScopeId(findingId: string, scope: PostureScope | undefined): boolean {
  const [, account = '', region = ''] = findingId.split('|');
  if (scope?.accounts?.length && !scope.accounts.includes(account)) return false;
  if (scope?.regions?.length && region !== 'global' && !scope.regions.includes(region)) return false;
  // Its tags are gone with it; a tag scope cannot place it, so it is shown.
  return true;
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
