import type { KevEntry } from '../../core/kev.js';
import type { Queryable } from '../db.js';
import { insertMany } from './sql.js';

/** Insert catalog entries not yet stored (the catalog only grows); returns the CVE ids added. */
export async function addKevEntries(
  tx: Queryable,
  entries: readonly KevEntry[],
  importId: number,
): Promise<string[]> {
  const rows = await insertMany<{ cve_id: string }>(
    tx,
    'INSERT INTO kev_entries (cve_id, vendor, product, name, date_added, due_date, known_ransomware, import_id)',
    entries.map((e) => [
      e.cveId,
      e.vendor,
      e.product,
      e.name,
      e.dateAdded,
      e.dueDate,
      e.knownRansomware,
      importId,
    ]),
    'ON CONFLICT (cve_id) DO NOTHING RETURNING cve_id',
  );
  return rows.map((r) => r.cve_id);
}

/** KEV entries for the given CVE ids, keyed by id. */
export async function kevFor(db: Queryable, cveIds: readonly string[]): Promise<Map<string, KevEntry>> {
  if (cveIds.length === 0) return new Map();
  const { rows } = await db.query<Record<string, string | null>>(
    'SELECT * FROM kev_entries WHERE cve_id = ANY($1::text[])',
    [cveIds],
  );
  return new Map(
    rows.map((r) => [
      r.cve_id!,
      {
        cveId: r.cve_id!,
        vendor: r.vendor ?? null,
        product: r.product ?? null,
        name: r.name ?? null,
        dateAdded: r.date_added!,
        dueDate: r.due_date ?? null,
        knownRansomware: r.known_ransomware ?? null,
      },
    ]),
  );
}
