import { join } from 'node:path';
import { toAppError } from '../core/errors.js';
import { DEFAULT_CSAF_INCLUDE, planCsafDocuments } from '../feeds/sync/csaf-docs.js';
import { feedPaths } from '../feeds/sync/feed-store.js';
import {
  describeFailure,
  type FeedSyncResult,
  type SyncFailure,
  type SyncOptions,
  type SyncProgress,
  syncFeed,
  syncFeeds,
} from '../feeds/sync/mirror.js';
import { commitNvdWatermark, type NvdSyncOptions, syncNvd } from '../feeds/sync/nvd-pager.js';
import { type FeedConfig, type FeedPlan, type FeedSourceId, planFeeds } from '../feeds/sync/sources.js';
import { DEFAULT_VALIDATORS } from '../feeds/sync/validators.js';
import type { Db } from '../store/db.js';
import type { ImportKind } from '../store/repositories/imports.js';
import { importAdvisories } from './import-advisories.js';
import { importCveIntel } from './import-cve.js';
import { importEpss } from './import-epss.js';
import { importKev } from './import-kev.js';

/** Largest single feed file: OSV's biggest all.zip (npm, Maven) is a few hundred MB and growing. */
export const DEFAULT_FEED_MAX_BYTES = 2 * 1024 * 1024 * 1024;

/** What happened to a feed's data in the database. */
export interface FeedImport {
  status: 'imported' | 'unchanged' | 'failed' | 'not-imported';
  /** The import service's counts (its `--json` result, minus per-record lists). */
  summary?: Record<string, unknown>;
  error?: SyncFailure;
  /** Why nothing was imported (CSAF is kept synced only, no database…). */
  note?: string;
}

/** The outcome of one feed: the sync (files in force) and the import (rows in force). */
export interface FeedReport {
  id: string;
  source: FeedSourceId;
  outcome: FeedSyncResult['outcome'] | 'skipped';
  files: Array<{ name: string; url: string; sha256: string; bytes: number; status: string }>;
  /** Feed digest of the manifest in force afterwards (the previous one after a failure). */
  digest: string | null;
  syncedAt: string | null;
  error: SyncFailure | null;
  imported: FeedImport;
}

/** Options of `syncAndImportFeeds`. */
export interface SyncAndImportOptions {
  /** PATCHWARDEN_HOME. */
  home: string;
  only?: readonly FeedSourceId[] | undefined;
  config?: FeedConfig | undefined;
  actor: string;
  onProgress?: ((p: SyncProgress) => void) | undefined;
  maxBytes?: number | undefined;
  timeoutMs?: number | undefined;
  /** NVD page size and request pacing (defaults: 2000 per page, the delays NVD asks for). */
  nvd?: Pick<NvdSyncOptions, 'pageSize' | 'pacing'> | undefined;
}

/** Sync the planned feeds, import the updated ones; `ok` is false when any feed failed. */
export async function syncAndImportFeeds(
  db: Db | null,
  opts: SyncAndImportOptions,
): Promise<{ ok: boolean; feeds: FeedReport[] }> {
  const config = opts.config ?? {};
  const plans = planFeeds(config, opts.only);
  const syncOpts: SyncOptions = {
    home: opts.home,
    maxBytes: opts.maxBytes ?? DEFAULT_FEED_MAX_BYTES,
    timeoutMs: opts.timeoutMs ?? 60_000,
    onProgress: opts.onProgress,
  };
  const synced = await syncFeeds(plans, syncOpts, DEFAULT_VALIDATORS);
  const feeds: FeedReport[] = [];
  for (const [i, result] of synced.results.entries()) {
    const report = toReport(result, plans[i]!);
    if (result.outcome !== 'failed') report.imported = await importFeed(db, opts, report, result.outcome);
    feeds.push(report);
    if (plans[i]!.source === 'csaf-ics') feeds.push(await syncCsafDocuments(opts.home, config, syncOpts));
  }
  // Opt-in: a first NVD sync is a full download (hundreds of paced pages), not a daily default.
  if (opts.only?.includes('nvd')) feeds.push(await syncAndImportNvd(db, opts, syncOpts));
  const ok = feeds.every((f) => f.outcome !== 'failed' && f.imported.status !== 'failed');
  return { ok, feeds };
}

// The NVD pages in force, imported as one folder; the watermark moves only once they are in the
// database (or when there is no database to import into), so a failed import is fetched again.
async function syncAndImportNvd(
  db: Db | null,
  opts: SyncAndImportOptions,
  syncOpts: SyncOptions,
): Promise<FeedReport> {
  const { result, plan, totalResults, watermark } = await syncNvd(
    opts.config ?? {},
    { ...syncOpts, ...opts.nvd },
    DEFAULT_VALIDATORS.nvd,
  );
  const report = toReport(result, plan);
  if (result.outcome === 'failed' || !result.manifest) return report;
  if (!db) {
    report.imported = { status: 'not-imported', note: 'no database' };
  } else if (totalResults === 0) {
    // An incremental window with no modified records: nothing to import, only the watermark moves.
    report.imported = { status: 'unchanged', note: 'no records modified since the last sync' };
  } else {
    try {
      const r = await importCveIntel(db, feedPaths(opts.home, 'nvd').current, { actor: opts.actor });
      report.imported = { status: r.status, summary: summarise(r) };
    } catch (err) {
      report.imported = {
        status: 'failed',
        error: describeFailure(err),
        note: 'previous data kept in the database; the next sync fetches these records again',
      };
      return report;
    }
  }
  if (watermark) await commitNvdWatermark(opts.home, watermark);
  return report;
}

// CSAF 2.0 §7.1.15/§7.1.18: the documents the ROLIE feed in force lists, each checked against its
// hash file; kept synced only (`import csaf` reads them), so the report counts what is current.
async function syncCsafDocuments(
  home: string,
  config: FeedConfig,
  syncOpts: SyncOptions,
): Promise<FeedReport> {
  const include = (config.csafInclude ?? DEFAULT_CSAF_INCLUDE).join(',');
  let plan: FeedPlan | null;
  try {
    plan = await planCsafDocuments(home, config);
  } catch (err) {
    return { ...emptyReport('csaf-ics-docs', 'failed'), error: describeFailure(err) };
  }
  if (!plan || plan.files.length === 0) {
    const report = emptyReport('csaf-ics-docs', 'skipped');
    report.imported.note = plan
      ? `the ROLIE feed lists no documents matching ${include}`
      : 'no ROLIE feed in force yet';
    return report;
  }
  const result = await syncFeed(plan, syncOpts, DEFAULT_VALIDATORS['csaf-ics']);
  const report = toReport(result, plan);
  const current = Object.keys(result.manifest?.files ?? {}).length;
  const folder = feedPaths(home, plan.id).current;
  report.imported = {
    status: 'not-imported',
    summary: { documents: current, include },
    note: `${current} documents current${result.outcome === 'failed' ? ' (previous set kept)' : ''}; match devices with \`import csaf ${folder}\``,
  };
  return report;
}

function emptyReport(id: string, outcome: FeedReport['outcome']): FeedReport {
  return {
    id,
    source: 'csaf-ics',
    outcome,
    files: [],
    digest: null,
    syncedAt: null,
    error: null,
    imported: { status: 'not-imported' },
  };
}

// URLs come from the plan (where this run looked); sha256 and bytes from this run's download or,
// when nothing new was switched in, from the manifest in force — the bytes the data came from.
function toReport(r: FeedSyncResult, plan: FeedPlan): FeedReport {
  const entries = r.manifest?.files ?? {};
  const files = plan.files.map((f) => {
    const got = r.files.find((x) => x.name === f.name);
    const kept = entries[f.name];
    const fresh = r.outcome === 'updated' && got;
    return {
      name: f.name,
      url: f.url,
      sha256: (fresh ? got.sha256 : kept?.sha256) ?? '',
      bytes: (fresh ? got.bytes : kept?.bytes) ?? 0,
      status: got?.status ?? (r.outcome === 'failed' ? 'failed' : 'not-fetched'),
    };
  });
  return {
    id: r.id,
    source: plan.source,
    outcome: r.outcome,
    files,
    digest: r.manifest?.digest ?? null,
    syncedAt: r.manifest?.syncedAt ?? null,
    error: r.error,
    imported: { status: 'not-imported', ...(r.outcome === 'failed' ? { note: 'previous data kept' } : {}) },
  };
}

// Per source: which file of `current/` to import, with which service and under which import kind.
const IMPORTERS: Partial<
  Record<
    FeedSourceId,
    { file: string; kind: ImportKind; run: (db: Db, path: string, actor: string) => Promise<object> }
  >
> = {
  kev: {
    file: 'known_exploited_vulnerabilities.json',
    kind: 'kev',
    run: (db, p, actor) => importKev(db, p, { actor }),
  },
  epss: {
    file: 'epss_scores-current.csv.gz',
    kind: 'epss',
    run: (db, p, actor) => importEpss(db, p, { actor }),
  },
  osv: { file: 'all.zip', kind: 'advisories', run: (db, p, actor) => importAdvisories(db, p, { actor }) },
};

async function importFeed(
  db: Db | null,
  opts: SyncAndImportOptions,
  report: FeedReport,
  outcome: FeedSyncResult['outcome'],
): Promise<FeedImport> {
  const importer = IMPORTERS[report.source];
  if (!importer) {
    return {
      status: 'not-imported',
      note: 'kept synced only: CSAF advisories are matched on demand with `import csaf <file|folder>`',
    };
  }
  if (!db) return { status: 'not-imported', note: 'no database' };
  const file = report.files.find((f) => f.name === importer.file);
  // A 304 normally means imported already; but a run whose import failed after its download
  // succeeded leaves current/ un-imported, so a not-modified KEV or EPSS file whose bytes the
  // imports table does not know is imported now (OSV's import digest is over records, not the zip,
  // so it is imported on change only).
  if (outcome === 'not-modified') {
    if (report.source === 'osv' || !file || (await knownImport(db, importer.kind, file.sha256))) {
      return { status: 'unchanged', note: 'not modified upstream' };
    }
  }
  try {
    const path = join(feedPaths(opts.home, report.id).current, importer.file);
    const r = (await importer.run(db, path, opts.actor)) as { status: 'imported' | 'unchanged' };
    return { status: r.status, summary: summarise(r) };
  } catch (err) {
    const e = toAppError(err);
    return {
      status: 'failed',
      error: { code: e.code, feedCode: null, message: e.message, detail: e.describe() },
      note: 'previous data kept in the database',
    };
  }
}

async function knownImport(db: Db, kind: ImportKind, sha256: string): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM imports WHERE kind = $1 AND sha256 = $2 LIMIT 1', [
    kind,
    sha256,
  ]);
  return rows.length > 0;
}

// The import results carry per-record lists (skipped files, notes); a sync report wants counts.
function summarise(r: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r)) {
    // The file's sha256 is on the report already; status and source are the report's own fields.
    if (k === 'status' || k === 'source' || k === 'sha256') continue;
    out[k] = Array.isArray(v) ? v.length : v;
  }
  return out;
}
