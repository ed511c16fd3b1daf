/**
 * Exceptions to a finding's deadline: requested with a reason, compensating controls and an
 * expiry; in force once someone other than the requester approves it; revocable. Each step is one
 * transaction with its audit event, and re-triages the finding, so the paused clock and the
 * controls show in its deadline and `findings explain` at once.
 */
import { AppError } from '../core/errors.js';
import type { Db, Queryable } from '../store/db.js';
import { appendAudit } from '../store/repositories/audit.js';
import {
  type FindingException,
  getExceptionForUpdate,
  insertException,
  markException,
} from '../store/repositories/finding-exceptions.js';
import { type RefreshSummary, refreshFindings } from './refresh-findings.js';

async function findingAsset(tx: Queryable, findingId: number): Promise<{ assetId: number; state: string }> {
  const { rows } = await tx.query<{ asset_id: number; state: string }>(
    'SELECT asset_id, state FROM findings WHERE id = $1',
    [findingId],
  );
  const r = rows[0];
  if (!r) throw new AppError('NOT_FOUND', { finding: findingId });
  return { assetId: Number(r.asset_id), state: r.state };
}

/** Request an exception for an open finding. */
export async function requestException(
  db: Db,
  req: { findingId: number; reason: string; controls: string[]; expiresAt: Date; actor: string; at?: Date },
): Promise<FindingException> {
  const at = req.at ?? new Date();
  if (!req.reason.trim()) throw new AppError('USAGE', { reason: 'an exception needs a reason' });
  if (req.expiresAt.getTime() <= at.getTime())
    throw new AppError('USAGE', { reason: 'the expiry must be in the future' });
  return db.transaction(async (tx) => {
    const f = await findingAsset(tx, req.findingId);
    if (f.state !== 'open' && f.state !== 'unknown') {
      throw new AppError('NOT_PERMITTED', {
        finding: req.findingId,
        reason: `the finding is ${f.state}, not open`,
      });
    }
    const e = await insertException(tx, { ...req, requestedBy: req.actor, at });
    await appendAudit(tx, {
      actor: req.actor,
      action: 'exception.requested',
      entityType: 'finding',
      entityId: String(req.findingId),
      data: { exception: e.id, reason: e.reason, controls: e.controls, expiresAt: e.expiresAt },
      at,
    });
    return e;
  });
}

/** Approve (by someone else) or revoke an exception; the finding is re-triaged. */
export async function decideException(
  db: Db,
  id: number,
  decision: 'approve' | 'revoke',
  opts: { actor: string; at?: Date },
): Promise<{ exception: FindingException; findings: RefreshSummary }> {
  const at = opts.at ?? new Date();
  return db.transaction(async (tx) => {
    const e = await getExceptionForUpdate(tx, id);
    if (!e) throw new AppError('NOT_FOUND', { exception: id });
    const ended = e.revokedAt !== null || Date.parse(e.expiresAt) <= at.getTime();
    if (ended)
      throw new AppError('NOT_PERMITTED', {
        exception: id,
        reason: 'the exception has ended (revoked or expired)',
      });
    if (decision === 'approve') {
      if (e.approvedAt !== null)
        throw new AppError('NOT_PERMITTED', { exception: id, reason: 'already approved' });
      // Separation of duties (45 CFR 164.308(a)(1)(ii)(B) risk management decisions are reviewed).
      if (e.requestedBy === opts.actor) {
        throw new AppError('NOT_PERMITTED', {
          exception: id,
          reason: 'the approver must not be the requester',
        });
      }
    }
    const updated = await markException(
      tx,
      id,
      decision === 'approve' ? { approvedBy: opts.actor, at } : { revokedBy: opts.actor, at },
    );
    await appendAudit(tx, {
      actor: opts.actor,
      action: decision === 'approve' ? 'exception.approved' : 'exception.revoked',
      entityType: 'finding',
      entityId: String(e.findingId),
      data: { exception: id, requestedBy: e.requestedBy, expiresAt: e.expiresAt },
      at,
    });
    const { assetId } = await findingAsset(tx, e.findingId);
    const findings = await refreshFindings(tx, [assetId], { at, actor: opts.actor });
    return { exception: updated, findings };
  });
}
