import type { Advisory, AdvisorySource } from '../../core/advisory.js';
import { packageKeyParts } from '../../matching/advisory-index.js';
import type { Queryable } from '../db.js';
import { insertMany } from './sql.js';

export type AdvisoryChange = 'inserted' | 'updated' | 'unchanged' | 'stale';

export interface AdvisoryUpsert {
  counts: Record<AdvisoryChange, number>;
  /** Ids inserted or updated, for findings refresh and audit. */
  changed: string[];
  /** The (ecosystem, name) pairs named by changed advisories. */
  packages: { ecosystem: string; name: string }[];
}

function packagesOf(a: Advisory): { ecosystem: string; name: string }[] {
  const seen = new Map<string, { ecosystem: string; name: string }>();
  for (const p of a.affected) {
    if (!p.ecosystem || !p.name) continue;
    const k = packageKeyParts(p.ecosystem, p.name);
    seen.set(`${k.ecosystem}\u0000${k.name}`, k);
  }
  return [...seen.values()];
}

/**
 * Store advisories. A record whose bytes are unchanged is left alone; one whose `modified` is
 * older than the stored copy is not allowed to roll it back ('stale').
 */
export async function upsertAdvisories(
  tx: Queryable,
  records: readonly { advisory: Advisory; source: AdvisorySource }[],
  importId: number,
  at: Date,
): Promise<AdvisoryUpsert> {
  const ids = records.map((r) => r.advisory.id);
  const { rows } = await tx.query<{ id: string; sha256: string; modified: Date | null }>(
    'SELECT id, sha256, modified FROM advisories WHERE id = ANY($1::text[])',
    [ids],
  );
  const stored = new Map(rows.map((r) => [r.id, r]));
  const counts: Record<AdvisoryChange, number> = { inserted: 0, updated: 0, unchanged: 0, stale: 0 };
  const write: { advisory: Advisory; source: AdvisorySource }[] = [];
  for (const r of records) {
    const prior = stored.get(r.advisory.id);
    if (!prior) counts.inserted++;
    else if (prior.sha256 === r.source.sha256) {
      counts.unchanged++;
      continue;
    } else if (prior.modified && Date.parse(r.advisory.modified) < new Date(prior.modified).getTime()) {
      counts.stale++;
      continue;
    } else counts.updated++;
    write.push(r);
  }
  if (write.length === 0) return { counts, changed: [], packages: [] };
  const changed = write.map((w) => w.advisory.id);
  await tx.query('DELETE FROM advisory_aliases WHERE advisory_id = ANY($1::text[])', [changed]);
  await tx.query('DELETE FROM advisory_packages WHERE advisory_id = ANY($1::text[])', [changed]);
  await insertMany(
    tx,
    'INSERT INTO advisories (id, modified, published, withdrawn, summary, record, sha256, source, import_id, updated_at)',
    write.map(({ advisory: a, source }) => [
      a.id,
      validDate(a.modified),
      validDate(a.published),
      validDate(a.withdrawn),
      a.summary ?? null,
      a as unknown as Record<string, unknown>,
      source.sha256,
      source.file,
      importId,
      at,
    ]),
    `ON CONFLICT (id) DO UPDATE SET modified = EXCLUDED.modified, published = EXCLUDED.published,
       withdrawn = EXCLUDED.withdrawn, summary = EXCLUDED.summary, record = EXCLUDED.record,
       sha256 = EXCLUDED.sha256, source = EXCLUDED.source, import_id = EXCLUDED.import_id,
       updated_at = EXCLUDED.updated_at`,
  );
  await insertMany(
    tx,
    'INSERT INTO advisory_aliases (advisory_id, alias)',
    write.flatMap(({ advisory: a }) => [...new Set(a.aliases)].map((alias) => [a.id, alias])),
  );
  const packages = new Map<string, { ecosystem: string; name: string }>();
  const pkgRows = write.flatMap(({ advisory: a }) =>
    packagesOf(a).map((p) => {
      packages.set(`${p.ecosystem}\u0000${p.name}`, p);
      return [a.id, p.ecosystem, p.name];
    }),
  );
  await insertMany(tx, 'INSERT INTO advisory_packages (advisory_id, ecosystem, name)', pkgRows);
  return { counts, changed, packages: [...packages.values()] };
}

// Go's vulndb copies carry 0001-01-01 placeholders; keep them out of date columns.
function validDate(s: string | undefined): string | null {
  if (!s) return null;
  const t = Date.parse(s);
  return Number.isNaN(t) || t < Date.UTC(1990, 0, 1) ? null : new Date(t).toISOString();
}

/** Advisories (including withdrawn ones) naming any of the packages. */
export async function advisoriesForPackages(
  db: Queryable,
  packages: readonly { ecosystem: string; name: string }[],
): Promise<Advisory[]> {
  if (packages.length === 0) return [];
  const { rows } = await db.query<{ record: Advisory }>(
    `SELECT a.record FROM advisories a WHERE a.id IN (
       SELECT ap.advisory_id FROM advisory_packages ap
       JOIN unnest($1::text[], $2::text[]) AS p(ecosystem, name) ON ap.ecosystem = p.ecosystem AND ap.name = p.name)
     ORDER BY a.id`,
    [packages.map((p) => p.ecosystem), packages.map((p) => p.name)],
  );
  return rows.map((r) => r.record);
}

/** Count of stored advisories, withdrawn ones separately. */
export async function countAdvisories(db: Queryable): Promise<{ total: number; withdrawn: number }> {
  const { rows } = await db.query<{ total: number; withdrawn: number }>(
    'SELECT count(*)::int AS total, count(withdrawn)::int AS withdrawn FROM advisories',
  );
  return rows[0]!;
}
