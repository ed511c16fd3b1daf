import { type AuditEvent, GENESIS_HASH, hashEvent } from '../../evidence/audit-chain.js';
import type { Queryable, SqlParam } from '../db.js';

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
 * Append events inside the caller's transaction, so the events and the change they record commit
 * or roll back together. The advisory lock serialises appenders across processes; the chain is
 * computed in memory and written in one multi-row INSERT.
 */
export async function appendAudit(tx: Queryable, ...events: NewAuditEvent[]): Promise<AuditEvent[]> {
  if (events.length === 0) return [];
  await tx.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK]);
  const { rows } = await tx.query<{ seq: number; hash: string }>(
    'SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1',
  );
  let seq = rows[0]?.seq ?? 0;
  let prevHash = rows[0]?.hash ?? GENESIS_HASH;
  const written: AuditEvent[] = [];
  for (const ev of events) {
    const content = {
      seq: ++seq,
      at: (ev.at ?? new Date()).toISOString(),
      actor: ev.actor,
      action: ev.action,
      entityType: ev.entityType,
      entityId: ev.entityId,
      // A JSON round trip drops undefined members, exactly as jsonb storage will.
      data: JSON.parse(JSON.stringify(ev.data)) as Record<string, unknown>,
    };
    const hash = hashEvent(content, prevHash);
    written.push({ ...content, prevHash, hash });
    prevHash = hash;
  }
  // Postgres caps a statement at 65535 parameters: 9 per row.
  for (let i = 0; i < written.length; i += 5000) {
    const chunk = written.slice(i, i + 5000);
    const params: SqlParam[] = [];
    const values = chunk.map((e, j) => {
      params.push(e.seq, e.at, e.actor, e.action, e.entityType, e.entityId, e.data, e.prevHash, e.hash);
      const b = j * 9;
      return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}, $${b + 7}, $${b + 8}, $${b + 9})`;
    });
    await tx.query(
      `INSERT INTO audit_events (seq, at, actor, action, entity_type, entity_id, data, prev_hash, hash)
       VALUES ${values.join(', ')}`,
      params,
    );
  }
  return written;
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
