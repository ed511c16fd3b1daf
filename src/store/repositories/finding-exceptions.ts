/**
 * Finding exceptions as stored. An approved exception pauses the finding's clock from approval to
 * its end (expiry, or revocation if earlier); refresh-findings adds the paused time to the pack's
 * deadline and reads the compensating controls as a policy input.
 */
import type { Queryable } from '../db.js';

export interface FindingException {
  id: number;
  findingId: number;
  reason: string;
  controls: string[];
  requestedBy: string;
  requestedAt: string;
  approvedBy: string | null;
  approvedAt: string | null;
  expiresAt: string;
  revokedBy: string | null;
  revokedAt: string | null;
}

const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null);

function toException(r: Record<string, unknown>): FindingException {
  return {
    id: Number(r.id),
    findingId: Number(r.finding_id),
    reason: r.reason as string,
    controls: r.compensating_controls as string[],
    requestedBy: r.requested_by as string,
    requestedAt: iso(r.requested_at)!,
    approvedBy: (r.approved_by as string | null) ?? null,
    approvedAt: iso(r.approved_at),
    expiresAt: iso(r.expires_at)!,
    revokedBy: (r.revoked_by as string | null) ?? null,
    revokedAt: iso(r.revoked_at),
  };
}

/** Record a request; returns it. */
export async function insertException(
  tx: Queryable,
  e: {
    findingId: number;
    reason: string;
    controls: string[];
    requestedBy: string;
    at: Date;
    expiresAt: Date;
  },
): Promise<FindingException> {
  const { rows } = await tx.query<Record<string, unknown>>(
    `INSERT INTO finding_exceptions (finding_id, reason, compensating_controls, requested_by, requested_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
    [e.findingId, e.reason, e.controls, e.requestedBy, e.at, e.expiresAt],
  );
  return toException(rows[0]!);
}

/** One exception, locked for update inside the caller's transaction; null when unknown. */
export async function getExceptionForUpdate(tx: Queryable, id: number): Promise<FindingException | null> {
  const { rows } = await tx.query<Record<string, unknown>>(
    'SELECT * FROM finding_exceptions WHERE id = $1 FOR UPDATE',
    [id],
  );
  return rows[0] ? toException(rows[0]) : null;
}

/** Set approval or revocation. */
export async function markException(
  tx: Queryable,
  id: number,
  change: { approvedBy: string; at: Date } | { revokedBy: string; at: Date },
): Promise<FindingException> {
  const { rows } =
    'approvedBy' in change
      ? await tx.query<Record<string, unknown>>(
          'UPDATE finding_exceptions SET approved_by = $2, approved_at = $3 WHERE id = $1 RETURNING *',
          [id, change.approvedBy, change.at],
        )
      : await tx.query<Record<string, unknown>>(
          'UPDATE finding_exceptions SET revoked_by = $2, revoked_at = $3 WHERE id = $1 RETURNING *',
          [id, change.revokedBy, change.at],
        );
  return toException(rows[0]!);
}

/** Every exception of the given findings (all states), oldest first. */
export async function exceptionsOf(
  db: Queryable,
  findingIds: readonly number[],
): Promise<FindingException[]> {
  if (findingIds.length === 0) return [];
  const { rows } = await db.query<Record<string, unknown>>(
    'SELECT * FROM finding_exceptions WHERE finding_id = ANY($1::bigint[]) ORDER BY id',
    [findingIds.map(String)],
  );
  return rows.map(toException);
}

/** Every exception, newest first. */
export async function listExceptions(db: Queryable): Promise<FindingException[]> {
  const { rows } = await db.query<Record<string, unknown>>(
    'SELECT * FROM finding_exceptions ORDER BY id DESC',
  );
  return rows.map(toException);
}
