import { type AuditEvent, GENESIS_HASH, hashEvent } from '../../evidence/audit-chain.js';
import type { Queryable } from '../db.js';

export interface NewAuditEvent {
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  data: Record<string, unknown>;
  /** Defaults to now; tests pass a fixed clock. */
  at?: Date;
}

// Any constant works; it only has to be the same for every appender of this database.
const AUDIT_LOCK = 7420002;

/**
 * Append one event inside the caller's transaction, so the event and the change it records
 * commit or roll back together. The advisory lock serialises appenders across processes.
 */
export async function appendAudit(tx: Queryable, ev: NewAuditEvent): Promise<AuditEvent> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK]);
  const { rows } = await tx.query<{ seq: number; hash: string }>(
    'SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1',
  );
  const last = rows[0];
  const content = {
    seq: (last?.seq ?? 0) + 1,
    at: (ev.at ?? new Date()).toISOString(),
    actor: ev.actor,
    action: ev.action,
    entityType: ev.entityType,
    entityId: ev.entityId,
    // A JSON round trip drops undefined members, exactly as jsonb storage will.
    data: JSON.parse(JSON.stringify(ev.data)) as Record<string, unknown>,
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  const hash = hashEvent(content, prevHash);
  await tx.query(
    `INSERT INTO audit_events (seq, at, actor, action, entity_type, entity_id, data, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      content.seq,
      content.at,
      content.actor,
      content.action,
      content.entityType,
      content.entityId,
      content.data,
      prevHash,
      hash,
    ],
  );
  return { ...content, prevHash, hash };
}

interface AuditRow {
  seq: number;
  at: Date | string;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string;
  data: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}

function toEvent(r: AuditRow): AuditEvent {
  return {
    seq: r.seq,
    at: new Date(r.at).toISOString(),
    actor: r.actor,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    data: r.data,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/** Stream the whole log in seq order, a page at a time, so verification runs in constant memory. */
export async function* readAuditLog(db: Queryable, pageSize = 5000): AsyncGenerator<AuditEvent> {
  let after = 0;
  for (;;) {
    const { rows } = await db.query<AuditRow>(
      `SELECT seq, at, actor, action, entity_type, entity_id, data, prev_hash, hash
       FROM audit_events WHERE seq > $1 ORDER BY seq LIMIT $2`,
      [after, pageSize],
    );
    for (const r of rows) yield toEvent(r);
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1]!.seq;
  }
}

/** The most recent events, newest first. */
export async function listAudit(db: Queryable, limit: number): Promise<AuditEvent[]> {
  const { rows } = await db.query<AuditRow>(
    `SELECT seq, at, actor, action, entity_type, entity_id, data, prev_hash, hash
     FROM audit_events ORDER BY seq DESC LIMIT $1`,
    [limit],
  );
  return rows.map(toEvent);
}
