import pg from 'pg';
import { AppError } from '../core/errors.js';
import type { Db, Queryable, QueryResult, SqlParam } from './db.js';

// Per-pool type parsers (not pg's global registry): int8 as number, like the PGlite driver.
const typeParsers = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format as 'text');
  },
} as pg.CustomTypesConfig;

function wrap(conn: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<T>(sql: string, params: readonly SqlParam[] = []): Promise<QueryResult<T>> {
      const res = await conn.query({ text: sql, values: params.map(toPgParam), types: typeParsers });
      return { rows: res.rows as T[], affected: res.rowCount ?? 0 };
    },
    async exec(sql: string): Promise<void> {
      await conn.query(sql);
    },
  };
}

// node-postgres would send a JS array of objects as a Postgres array; jsonb wants JSON text.
function toPgParam(p: SqlParam): unknown {
  if (p === null || typeof p !== 'object' || p instanceof Date || Array.isArray(p)) return p;
  return JSON.stringify(p);
}

/** Connect to a PostgreSQL server; fails with DB_UNAVAILABLE when it cannot be reached. */
export async function openPg(url: string): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  // An idle pooled connection the server ends (restart, failover, an administrator's terminate)
  // emits 'error' on the pool; unhandled, that would kill the process. The pool has already
  // discarded the client, and the next query opens a new connection or fails with a real error.
  pool.on('error', () => undefined);
  const location = redact(url);
  try {
    const c = await pool.connect();
    c.release();
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw new AppError('DB_UNAVAILABLE', { location, reason: (err as Error).message }, { cause: err });
  }
  return {
    driver: 'pg',
    location,
    ...wrap(pool),
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    async close(): Promise<void> {
      await pool.end();
    },
  };
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparseable url)';
  }
}
