import { fileURLToPath } from 'node:url';
import type { Queryable } from '../store/db.js';

/** Absolute path of a file under ../shared/data (the repository's sibling). */
export function sharedData(relative: string): string {
  return fileURLToPath(new URL(`../../../shared/data/${relative}`, import.meta.url));
}

export const JUICE_SHOP = sharedData('sbom/cyclonedx-bom-examples/SBOM__juice-shop__v11.1.2__bom.json');
export const GHSA_NPM = sharedData('ghsa-osv/npm');

/**
 * Every table of the schema but the migration ledger, read from the catalog: a table a later
 * migration adds is covered without anyone remembering to list it.
 */
async function tables(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'schema_migrations'
     ORDER BY table_name`,
  );
  return rows.map((r) => r.name);
}

/** Row count of every table: "changes nothing" means this is identical before and after. */
export async function tableCounts(db: Queryable): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of await tables(db)) {
    const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`);
    out[t] = rows[0]!.n;
  }
  return out;
}

/** A digest of every table's content, to show that nothing at all changed (not only counts). */
export async function tableFingerprint(db: Queryable): Promise<string> {
  const parts: string[] = [];
  for (const t of await tables(db)) {
    const { rows } = await db.query<{ h: string | null }>(
      `SELECT md5(string_agg(x::text, ',' ORDER BY x::text)) AS h FROM ${t} x`,
    );
    parts.push(`${t}:${rows[0]!.h ?? ''}`);
  }
  return parts.join(' ');
}
