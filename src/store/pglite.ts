import { mkdirSync } from 'node:fs';
import { PGlite, types } from '@electric-sql/pglite';
import { AppError } from '../core/errors.js';
import type { Db, Queryable, QueryResult, SqlParam } from './db.js';
import { lockDirectory } from './dir-lock.js';

// int8 arrives as a string or BigInt by default; our ids and counts stay far below 2^53.
const parsers = { [types.INT8]: (v: string) => Number(v) };

interface PgliteLike {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[]; affectedRows?: number }>;
  exec(sql: string): Promise<unknown>;
}

function wrap(conn: PgliteLike): Queryable {
  return {
    async query<T>(sql: string, params: readonly SqlParam[] = []): Promise<QueryResult<T>> {
      const res = await conn.query<T>(sql, params.map(toPgliteParam));
      return { rows: res.rows, affected: res.affectedRows ?? 0 };
    },
    async exec(sql: string): Promise<void> {
      await conn.exec(sql);
    },
  };
}

// PGlite serialises plain objects for json/jsonb parameters itself, but arrays would be taken
// as Postgres arrays: keep both behaviours explicit and identical to node-postgres.
function toPgliteParam(p: SqlParam): unknown {
  if (p === null || typeof p !== 'object' || p instanceof Date || Array.isArray(p)) return p;
  return JSON.stringify(p);
}

const instances = new WeakMap<Db, PGlite>();

/**
 * Open (creating on first use) an embedded PostgreSQL in `dataDir`, or in memory when omitted;
 * `loadDataDir` starts from a dump instead of running initdb.
 */
export async function openPglite(dataDir?: string, loadDataDir?: Blob): Promise<Db> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const release = dataDir ? lockDirectory(`${dataDir}.lock`) : () => {};
  let pg: PGlite;
  try {
    pg = await PGlite.create(dataDir ?? 'memory://', { parsers, ...(loadDataDir ? { loadDataDir } : {}) });
  } catch (err) {
    release();
    throw new AppError(
      'DB_UNAVAILABLE',
      { location: dataDir ?? 'memory://', reason: err instanceof Error ? err.message : String(err) },
      { cause: err },
    );
  }
  const base = wrap(pg);
  const db: Db = {
    driver: 'pglite',
    location: dataDir ?? 'memory://',
    ...base,
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      return pg.transaction((tx) => fn(wrap(tx)));
    },
    async close(): Promise<void> {
      try {
        await pg.close();
      } finally {
        release();
      }
    },
  };
  instances.set(db, pg);
  return db;
}

/** A tarball of an open PGlite database's data directory (used to clone test databases). */
export async function dumpPglite(db: Db): Promise<Blob> {
  const pg = instances.get(db);
  if (!pg) throw new Error('not a PGlite database');
  return (await pg.dumpDataDir('none')) as Blob;
}
