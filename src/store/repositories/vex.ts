import type { VexStatement } from '../../feeds/vex/types.js';
import type { Queryable } from '../db.js';
import { insertMany } from './sql.js';

/** Store the statements of one VEX import. */
export async function addVexStatements(
  tx: Queryable,
  statements: readonly VexStatement[],
  importId: number,
): Promise<void> {
  await insertMany(
    tx,
    'INSERT INTO vex_statements (import_id, vulnerability, ids, status, justification, made_at, statement)',
    statements.map((s) => [
      importId,
      s.vulnerability,
      [s.vulnerability, ...s.aliases],
      s.status,
      s.justification ?? null,
      s.timestamp && !Number.isNaN(Date.parse(s.timestamp)) ? new Date(s.timestamp).toISOString() : null,
      s as unknown as Record<string, unknown>,
    ]),
  );
}

/** Statements about any of the vulnerability ids, oldest import first (later ones win ties). */
export async function vexStatementsFor(db: Queryable, ids: readonly string[]): Promise<VexStatement[]> {
  if (ids.length === 0) return [];
  const { rows } = await db.query<{ statement: VexStatement }>(
    'SELECT statement FROM vex_statements WHERE ids && $1::text[] ORDER BY import_id, id',
    [ids],
  );
  return rows.map((r) => r.statement);
}
