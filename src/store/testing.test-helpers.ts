/**
 * Store test drivers: every store test runs on PGlite and, when TEST_DATABASE_URL is set, on a
 * fresh database of that PostgreSQL server (created per test database, dropped on close).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Db, DriverName } from './db.js';
import { migrate } from './migrate.js';
import { openPg } from './pg.js';
import { dumpPglite, openPglite } from './pglite.js';

export interface TestDriver {
  name: DriverName;
  /** A new, empty, migrated database. */
  open(): Promise<Db>;
}

let template: Promise<Blob> | undefined;

// initdb costs seconds per PGlite instance; migrate once per worker and clone the data directory.
function pgliteTemplate(): Promise<Blob> {
  template ??= (async () => {
    const db = await openPglite();
    await migrate(db);
    const blob = await dumpPglite(db);
    await db.close();
    return blob;
  })();
  return template;
}

async function openPgliteClone(): Promise<Db> {
  return openPglite(undefined, await pgliteTemplate());
}

async function openPgScratch(adminUrl: string): Promise<Db> {
  const name = `pw_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openPg(url.toString());
  await migrate(db);
  return {
    ...db,
    async close() {
      await db.close();
      const drop = new pg.Client({ connectionString: adminUrl });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await drop.end();
    },
  };
}

/** The drivers this run can test: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function testDrivers(): TestDriver[] {
  const list: TestDriver[] = [{ name: 'pglite', open: openPgliteClone }];
  const url = process.env.TEST_DATABASE_URL;
  if (url) list.push({ name: 'pg', open: () => openPgScratch(url) });
  return list;
}
