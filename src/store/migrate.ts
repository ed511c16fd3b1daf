import { readdirSync, readFileSync } from 'node:fs';
import { sha256Hex } from '../core/digest.js';
import { AppError } from '../core/errors.js';
import type { Db } from './db.js';

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);
const NAME = /^(\d{4})-[a-z0-9-]+\.sql$/;

export interface Migration {
  id: number;
  name: string;
  sql: string;
  checksum: string;
}

/** The migrations shipped with this build, in order. */
export function loadMigrations(dir: URL = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => NAME.test(f))
    .sort()
    .map((name) => {
      const sql = readFileSync(new URL(name, dir), 'utf8');
      return {
        id: Number(NAME.exec(name)![1]),
        name,
        sql,
        checksum: sha256Hex(sql),
      };
    });
}

/**
 * Apply pending migrations in one transaction (all or none) and record them. An applied migration
 * whose file changed since is an error: the schema on disk would no longer match the history.
 * Concurrent starters (API and worker on one server) serialise on an advisory lock.
 */
export async function migrate(db: Db, migrations: Migration[] = loadMigrations()): Promise<Migration[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id integer PRIMARY KEY,
    name text NOT NULL,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const applied: Migration[] = [];
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(7420001)');
    const { rows } = await tx.query<{ id: number; name: string; checksum: string }>(
      'SELECT id, name, checksum FROM schema_migrations ORDER BY id',
    );
    const done = new Map(rows.map((r) => [r.id, r]));
    for (const m of migrations) {
      const prior = done.get(m.id);
      if (prior) {
        if (prior.checksum !== m.checksum) {
          throw new AppError('DB_MIGRATION_CHANGED', { migration: m.name });
        }
        continue;
      }
      try {
        await tx.exec(m.sql);
      } catch (err) {
        throw new AppError(
          'DB_MIGRATION_FAILED',
          { migration: m.name, reason: (err as Error).message },
          { cause: err },
        );
      }
      await tx.query('INSERT INTO schema_migrations (id, name, checksum) VALUES ($1, $2, $3)', [
        m.id,
        m.name,
        m.checksum,
      ]);
      applied.push(m);
    }
  });
  return applied;
}
