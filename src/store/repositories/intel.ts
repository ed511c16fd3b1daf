/**
 * CVE intelligence and EPSS scores as stored, and the lookup triage uses: for a set of CVE ids,
 * what each source says. Rows are upserted per (CVE, format) and per CVE for EPSS; the import id
 * on each row says which file the current value came from.
 */
import type { CveIntel } from '../../feeds/cve/types.js';
import type { Queryable } from '../db.js';
import { insertMany } from './sql.js';

/** Upsert CVE records; returns how many rows were new or changed. */
export async function upsertCveIntel(
  tx: Queryable,
  records: readonly (CveIntel & { recordSha256: string })[],
  format: 'nvd-2.0' | 'cve-5',
  importId: number,
  at: Date,
): Promise<number> {
  const rows = await insertMany<{ cve_id: string }>(
    tx,
    'INSERT INTO cve_intel (cve_id, format, published, modified, status, rejected, cvss, cwes, ssvc, kev, record_sha256, import_id, updated_at)',
    records.map((r) => [
      r.id,
      format,
      utc(r.published),
      utc(r.modified),
      r.status,
      r.rejected,
      JSON.stringify(r.cvss),
      r.cwes,
      r.ssvc ? JSON.stringify(r.ssvc) : null,
      r.kev ? JSON.stringify(r.kev) : null,
      r.recordSha256,
      importId,
      at,
    ]),
    `ON CONFLICT (cve_id, format) DO UPDATE SET published = EXCLUDED.published, modified = EXCLUDED.modified,
       status = EXCLUDED.status, rejected = EXCLUDED.rejected, cvss = EXCLUDED.cvss, cwes = EXCLUDED.cwes,
       ssvc = EXCLUDED.ssvc, kev = EXCLUDED.kev, record_sha256 = EXCLUDED.record_sha256,
       import_id = EXCLUDED.import_id, updated_at = EXCLUDED.updated_at
     WHERE cve_intel.record_sha256 <> EXCLUDED.record_sha256
     RETURNING cve_id`,
  );
  return rows.length;
}

export interface EpssRow {
  cveId: string;
  epssText: string;
  percentileText: string;
  epss: number;
  percentile: number;
}

/** Upsert EPSS scores of one file; returns the CVE ids whose score changed. */
export async function upsertEpss(
  tx: Queryable,
  rows: readonly EpssRow[],
  meta: { modelVersion: string | null; scoreDate: string | null; importId: number },
): Promise<string[]> {
  const out = await insertMany<{ cve_id: string }>(
    tx,
    'INSERT INTO epss_scores (cve_id, epss_text, percentile_text, epss, percentile, model_version, score_date, import_id)',
    rows.map((r) => [
      r.cveId,
      r.epssText,
      r.percentileText,
      r.epss,
      r.percentile,
      meta.modelVersion,
      meta.scoreDate,
      meta.importId,
    ]),
    `ON CONFLICT (cve_id) DO UPDATE SET epss_text = EXCLUDED.epss_text, percentile_text = EXCLUDED.percentile_text,
       epss = EXCLUDED.epss, percentile = EXCLUDED.percentile, model_version = EXCLUDED.model_version,
       score_date = EXCLUDED.score_date, import_id = EXCLUDED.import_id
     WHERE (epss_scores.epss_text, epss_scores.percentile_text, epss_scores.model_version)
       IS DISTINCT FROM (EXCLUDED.epss_text, EXCLUDED.percentile_text, EXCLUDED.model_version)
     RETURNING cve_id`,
  );
  return out.map((r) => r.cve_id);
}

/** What triage reads about one CVE. */
export interface CveFacts {
  cvss: CveIntel['cvss'];
  ssvc: CveIntel['ssvc'] | null;
  kev: CveIntel['kev'] | null;
  rejected: boolean;
  epss: {
    score: number;
    percentile: number;
    modelVersion: string | null;
    date: string | null;
    importId: number;
  } | null;
  /** Import ids of the rows used: the exact data behind a deadline. */
  sources: { format: string; importId: number }[];
}

/** Facts for each of `ids` that any source knows (CVE ids only; other ids are absent). */
export async function cveFacts(db: Queryable, ids: readonly string[]): Promise<Map<string, CveFacts>> {
  const cves = [...new Set(ids.filter((i) => /^CVE-\d{4}-\d+$/.test(i)))];
  const out = new Map<string, CveFacts>();
  if (cves.length === 0) return out;
  const fresh = (): CveFacts => ({
    cvss: [],
    ssvc: null,
    kev: null,
    rejected: false,
    epss: null,
    sources: [],
  });
  // CVE 5 first, NVD second: NVD's analysis (Primary metrics) is appended last, and for SSVC and
  // KEV the first known value stands — CISA's ADP container is where they originate.
  const intel = await db.query<Record<string, unknown>>(
    `SELECT cve_id, format, rejected, cvss, ssvc, kev, import_id FROM cve_intel
     WHERE cve_id = ANY($1::text[]) ORDER BY cve_id, format DESC`,
    [cves],
  );
  for (const r of intel.rows) {
    const id = r.cve_id as string;
    const f = out.get(id) ?? fresh();
    f.cvss = [...f.cvss, ...(r.cvss as CveIntel['cvss'])];
    f.ssvc ??= (r.ssvc as CveIntel['ssvc']) ?? null;
    f.kev ??= (r.kev as CveIntel['kev']) ?? null;
    f.rejected ||= r.rejected as boolean;
    f.sources.push({ format: r.format as string, importId: Number(r.import_id) });
    out.set(id, f);
  }
  const epss = await db.query<Record<string, unknown>>(
    'SELECT cve_id, epss, percentile, model_version, score_date, import_id FROM epss_scores WHERE cve_id = ANY($1::text[])',
    [cves],
  );
  for (const r of epss.rows) {
    const id = r.cve_id as string;
    const f = out.get(id) ?? fresh();
    f.epss = {
      score: Number(r.epss),
      percentile: Number(r.percentile),
      modelVersion: (r.model_version as string | null) ?? null,
      date: (r.score_date as string | null) ?? null,
      importId: Number(r.import_id),
    };
    f.sources.push({ format: 'epss', importId: Number(r.import_id) });
    out.set(id, f);
  }
  return out;
}

// NVD writes times without a zone ("2023-09-12T15:15:24.327"), meaning UTC; PostgreSQL would read
// them in the session's time zone, so the zone is made explicit.
function utc(t: string | null): string | null {
  if (t === null) return null;
  return /(Z|[+-]\d{2}:?\d{2})$/i.test(t) ? t : `${t}Z`;
}
