import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Db } from './db.js';
import { migrate } from './migrate.js';

export interface StoreConfig {
  /** PostgreSQL server URL; when absent the embedded database is used. */
  databaseUrl?: string | undefined;
  /** PATCHWARDEN_HOME: the embedded database lives in `<home>/db`. */
  home?: string | undefined;
}

/** PATCHWARDEN_HOME, defaulting to ~/.patchwarden. */
export function patchwardenHome(env: NodeJS.ProcessEnv = process.env): string {
  return env.PATCHWARDEN_HOME || join(homedir(), '.patchwarden');
}

/** Store settings from the environment: DATABASE_URL picks the server driver. */
export function storeConfigFromEnv(env: NodeJS.ProcessEnv = process.env): StoreConfig {
  return { databaseUrl: env.DATABASE_URL || undefined, home: patchwardenHome(env) };
}

/**
 * Open the configured database and bring its schema up to date. Drivers load lazily so commands
 * that never touch the database never pay for PGlite's WASM start-up.
 */
export async function openStore(config: StoreConfig): Promise<Db> {
  let db: Db;
  if (config.databaseUrl) {
    const { openPg } = await import('./pg.js');
    db = await openPg(config.databaseUrl);
  } else {
    const { openPglite } = await import('./pglite.js');
    db = await openPglite(config.home ? join(config.home, 'db') : undefined);
  }
  try {
    await migrate(db);
  } catch (err) {
    await db.close();
    throw err;
  }
  return db;
}
