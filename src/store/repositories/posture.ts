/**
 * Posture scans, results and mutes as stored. A scan's results are written once; the previous
 * scan of the same provider is what drift is measured against.
 */
import type { CheckResult, CheckStatus } from '../../posture/check.js';
import type { Queryable } from '../db.js';
import { insertMany } from './sql.js';

/** Store one scan and its results; returns the scan id. */
export async function insertScan(
  tx: Queryable,
  scan: {
    snapshotIds: readonly number[];
    provider: string;
    at: Date;
    params: object;
    counts: Record<CheckStatus, number>;
  },
  results: readonly CheckResult[],
): Promise<number> {
  const { rows } = await tx.query<{ id: number }>(
    'INSERT INTO posture_scans (snapshot_id, snapshot_ids, provider, scanned_at, params, counts) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
    [
      scan.snapshotIds[0] ?? null,
      scan.snapshotIds.map(String),
      scan.provider,
      scan.at,
      JSON.stringify(scan.params),
      JSON.stringify(scan.counts),
    ],
  );
  const id = Number(rows[0]!.id);
  await insertMany(
    tx,
    'INSERT INTO posture_results (scan_id, finding_id, check_id, status, account, region, resource_id, resource_type, message, evidence)',
    results.map((r) => [
      id,
      r.findingId,
      r.checkId,
      r.status,
      r.account,
      r.region,
      r.resourceId,
      r.resourceType,
      r.message,
      JSON.stringify(r.evidence),
    ]),
  );
  return id;
}

/** Status by finding id in the latest scan of `provider` before `beforeScanId`; empty if none. */
export async function previousStatuses(
  db: Queryable,
  provider: string,
  beforeScanId: number,
): Promise<Map<string, CheckStatus>> {
  const { rows } = await db.query<{ finding_id: string; status: CheckStatus }>(
    `SELECT r.finding_id, r.status FROM posture_results r
     WHERE r.scan_id = (SELECT max(id) FROM posture_scans WHERE provider = $1 AND id < $2)`,
    [provider, beforeScanId],
  );
  return new Map(rows.map((r) => [r.finding_id, r.status]));
}

export interface PostureMute {
  id: number;
  findingId: string;
  reason: string;
  owner: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
}

/** Record a mute; returns it. */
export async function insertMute(
  tx: Queryable,
  m: { findingId: string; reason: string; owner: string; createdBy: string; at: Date; expiresAt: Date },
): Promise<PostureMute> {
  const { rows } = await tx.query<Record<string, unknown>>(
    `INSERT INTO posture_mutes (finding_id, reason, owner, created_by, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
    [m.findingId, m.reason, m.owner, m.createdBy, m.at, m.expiresAt],
  );
  const r = rows[0]!;
  return {
    id: Number(r.id),
    findingId: r.finding_id as string,
    reason: r.reason as string,
    owner: r.owner as string,
    createdBy: r.created_by as string,
    createdAt: new Date(r.created_at as string).toISOString(),
    expiresAt: new Date(r.expires_at as string).toISOString(),
  };
}

/** Mutes in force at `at`, by finding id (the latest-expiring one when several). */
export async function activeMutes(
  db: Queryable,
  at: Date,
): Promise<Map<string, { id: number; reason: string; owner: string; expiresAt: string }>> {
  const { rows } = await db.query<Record<string, unknown>>(
    'SELECT id, finding_id, reason, owner, expires_at FROM posture_mutes WHERE expires_at > $1 ORDER BY expires_at',
    [at],
  );
  return new Map(
    rows.map((r) => [
      r.finding_id as string,
      {
        id: Number(r.id),
        reason: r.reason as string,
        owner: r.owner as string,
        expiresAt: new Date(r.expires_at as string).toISOString(),
      },
    ]),
  );
}

export interface StoredScan {
  id: number;
  provider: string;
  scannedAt: string;
  snapshotIds: number[];
  params: Record<string, unknown>;
  counts: Record<CheckStatus, number>;
  results: CheckResult[];
}

/** The latest stored scan of `provider` with its results (by finding id); null if none. */
export async function latestScan(db: Queryable, provider: string): Promise<StoredScan | null> {
  const head = await db.query<Record<string, unknown>>(
    'SELECT * FROM posture_scans WHERE provider = $1 ORDER BY id DESC LIMIT 1',
    [provider],
  );
  const h = head.rows[0];
  if (!h) return null;
  const { rows } = await db.query<Record<string, unknown>>(
    'SELECT * FROM posture_results WHERE scan_id = $1 ORDER BY finding_id',
    [Number(h.id)],
  );
  return {
    id: Number(h.id),
    provider: h.provider as string,
    scannedAt: new Date(h.scanned_at as string).toISOString(),
    snapshotIds: ((h.snapshot_ids as unknown[]).length ? (h.snapshot_ids as unknown[]) : [h.snapshot_id]).map(
      Number,
    ),
    params: h.params as Record<string, unknown>,
    counts: h.counts as Record<CheckStatus, number>,
    results: rows.map((r) => ({
      findingId: r.finding_id as string,
      checkId: r.check_id as string,
      status: r.status as CheckStatus,
      account: r.account as string,
      region: r.region as string,
      resourceId: r.resource_id as string,
      resourceType: r.resource_type as string,
      message: r.message as string,
      evidence: r.evidence as Record<string, unknown>,
    })),
  };
}
