/**
 * The NVD CVE API 2.0 pager (https://nvd.nist.gov/developers/vulnerabilities): ask for the first
 * page of each lastMod window, read `totalResults`, plan the remaining pages with nvdPageFiles and
 * let the mirror fetch them all into the `nvd` feed (atomic: one failed page keeps every previous
 * page in force). The first pages are reused, not fetched twice. Once the pages are imported, the
 * watermark (`feeds/nvd/watermark.json`, beside the manifest) records the end of the last window,
 * so the next run asks only for records modified since (lastModStartDate/lastModEndDate).
 */
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parseJsonText } from '../../core/structured-input.js';
import { readBoundedFile } from '../../io/read-bounded.js';
import type { DownloadOptions, DownloadResult } from './download.js';
import { FeedError } from './feed-error.js';
import { feedPaths, readCurrentManifest, writeJsonAtomic } from './feed-store.js';
import { describeFailure, type FeedSyncResult, type SyncOptions, syncFeed, type Validate } from './mirror.js';
import { defaultNvdDelayMs, type NvdPacing, pacedDownloader } from './nvd-pacing.js';
import {
  FEED_SOURCES,
  type FeedConfig,
  type FeedFile,
  type FeedPlan,
  NVD_API,
  nvdPageFiles,
  nvdPageUrl,
} from './sources.js';

/** One lastMod window; both ends go together (the API answers 404 to only one). */
export interface NvdWindow {
  lastModStartDate: string;
  lastModEndDate: string;
}

/** What the last successful NVD sync covered; the next run starts at `lastModEndDate`. */
export interface NvdWatermark {
  lastModEndDate: string;
  syncedAt: string;
  digest: string;
}

/** Feed result, plan, `totalResults` over all windows, and the watermark to commit once imported (null on failure). */
export interface NvdSyncResult {
  result: FeedSyncResult;
  plan: FeedPlan;
  totalResults: number;
  watermark: NvdWatermark | null;
}

/** NVD pager settings on top of the mirror's: page size and pacing (tiny in tests). */
export interface NvdSyncOptions extends SyncOptions {
  /** resultsPerPage to ask for (≤ 2000, the API maximum). */
  pageSize?: number | undefined;
  /** Overrides of the pacing NVD asks for (defaultNvdDelayMs) and the 403/503 retries. */
  pacing?: Partial<NvdPacing> | undefined;
}

const DAY_MS = 86_400_000;
const FIRST_PAGE_MAX_BYTES = 256 * 1024 * 1024;

/**
 * An instant as the API's extended ISO-8601 form without a zone (`2021-08-04T13:00:00.000`), as in
 * the API documentation's examples; NVD reads and writes UTC.
 */
export function nvdTimestamp(d: Date): string {
  return d.toISOString().replace(/Z$/, '');
}

/** The windows from `since` to `now`, each at most 120 days (NVD_API.maxModifiedRangeDays). */
export function nvdWindows(since: Date, now: Date): NvdWindow[] {
  const windows: NvdWindow[] = [];
  const span = NVD_API.maxModifiedRangeDays * DAY_MS;
  for (let start = since.getTime(); start < now.getTime(); start += span) {
    const end = Math.min(start + span, now.getTime());
    windows.push({
      lastModStartDate: nvdTimestamp(new Date(start)),
      lastModEndDate: nvdTimestamp(new Date(end)),
    });
  }
  // A clock that did not move still gets one (empty) window rather than a full download.
  if (windows.length === 0)
    windows.push({ lastModStartDate: nvdTimestamp(since), lastModEndDate: nvdTimestamp(now) });
  return windows;
}

/** The watermark of the last successful sync, or null (then the next sync is a full one). */
export async function readNvdWatermark(home: string, feedId = 'nvd'): Promise<NvdWatermark | null> {
  try {
    return JSON.parse(await readFile(watermarkPath(home, feedId), 'utf8')) as NvdWatermark;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

function watermarkPath(home: string, feedId: string): string {
  return join(feedPaths(home, feedId).root, 'watermark.json');
}

/**
 * Sync the `nvd` feed: full when no watermark exists, else incremental since it. Never throws for
 * download or validation failures (see FeedSyncResult.error).
 */
export async function syncNvd(
  config: FeedConfig,
  opts: NvdSyncOptions,
  validate?: Validate,
): Promise<NvdSyncResult> {
  const id = 'nvd';
  const now = opts.now?.() ?? new Date();
  const previous = await readNvdWatermark(opts.home, id);
  const windows = previous ? nvdWindows(new Date(`${previous.lastModEndDate}Z`), now) : [undefined];
  const download = pacedDownloader({
    ...opts.pacing,
    delayMs: opts.pacing?.delayMs ?? config.nvdDelayMs ?? defaultNvdDelayMs(config.nvdApiKey),
  });
  const probes = new Map<string, DownloadResult>();
  const plan: FeedPlan = { id, source: 'nvd', files: [] };
  let totalResults = 0;
  const probeDir = join(feedPaths(opts.home, id).root, 'probe');
  try {
    await rm(probeDir, { recursive: true, force: true });
    await mkdir(probeDir, { recursive: true });
    for (const [i, window] of windows.entries()) {
      const { files, total } = await planWindow(
        config,
        opts,
        window,
        join(probeDir, `w${i}.json`),
        download,
        probes,
      );
      totalResults += total;
      // Pages of several windows share one folder: prefix the window when there is more than one.
      plan.files.push(...files.map((f) => (windows.length > 1 ? { ...f, name: `w${i}-${f.name}` } : f)));
    }
  } catch (err) {
    // Same shape as any failed feed: the data and watermark in force stay as they were.
    const manifest = await readCurrentManifest(feedPaths(opts.home, id)).catch(() => null);
    const result: FeedSyncResult = {
      id,
      outcome: 'failed',
      files: [],
      manifest,
      error: describeFailure(err),
    };
    return { result, plan, totalResults, watermark: null };
  }
  const result = await syncFeed(plan, { ...opts, download: reuse(probes, download) }, validate);
  await rm(probeDir, { recursive: true, force: true });
  if (result.outcome === 'failed' || !result.manifest) return { result, plan, totalResults, watermark: null };
  const watermark: NvdWatermark = {
    lastModEndDate: windows.at(-1)?.lastModEndDate ?? nvdTimestamp(now),
    syncedAt: result.manifest.syncedAt,
    digest: result.manifest.digest,
  };
  return { result, plan, totalResults, watermark };
}

/**
 * Record the watermark once the pages in force have been imported: committing earlier would let
 * a failed import's records be skipped by the next incremental run. A crash before this only
 * makes the next run overlap the last one.
 */
export async function commitNvdWatermark(
  home: string,
  watermark: NvdWatermark,
  feedId = 'nvd',
): Promise<void> {
  await writeJsonAtomic(watermarkPath(home, feedId), watermark);
}

/** Fetch the first page of one window, then plan every page of it from `totalResults`. */
async function planWindow(
  config: FeedConfig,
  opts: NvdSyncOptions,
  window: NvdWindow | undefined,
  dest: string,
  download: (o: DownloadOptions) => Promise<DownloadResult>,
  probes: Map<string, DownloadResult>,
): Promise<{ files: FeedFile[]; total: number }> {
  const pageSize = opts.pageSize ?? NVD_API.maxResultsPerPage;
  const base = config.urls?.nvd ?? FEED_SOURCES.nvd.defaultUrl;
  // The key goes in the `apiKey` header (NVD "API Key" section), never the URL or the manifest.
  const headers = config.nvdApiKey ? { apiKey: config.nvdApiKey } : undefined;
  const url = nvdPageUrl(base, { startIndex: 0, resultsPerPage: pageSize, ...window });
  const first = await download({
    url,
    dest,
    maxBytes: opts.maxBytes,
    timeoutMs: opts.timeoutMs,
    headers,
    onProgress: (bytes, total) => opts.onProgress?.({ feed: 'nvd', file: 'page-00000.json', bytes, total }),
    now: opts.now,
  });
  const page = parseJsonText((await readBoundedFile(first.path, FIRST_PAGE_MAX_BYTES)).toString('utf8'), url);
  const { totalResults, resultsPerPage } = page as { totalResults?: unknown; resultsPerPage?: unknown };
  if (typeof totalResults !== 'number' || !Number.isInteger(totalResults) || totalResults < 0) {
    throw new FeedError('FEED_INVALID', { file: url, reason: 'first page has no totalResults' });
  }
  // A server may cap the page below what was asked (resultsPerPage < asked while more records
  // exist); paging by what it serves misses nothing. The first page holds exactly those records,
  // so it stands in for the first planned page either way.
  const capped =
    typeof resultsPerPage === 'number' &&
    resultsPerPage > 0 &&
    resultsPerPage < pageSize &&
    resultsPerPage < totalResults;
  const files = nvdPageFiles(config, totalResults, window, capped ? resultsPerPage : pageSize);
  probes.set(files[0]!.url, first);
  return { files, total: totalResults };
}

/** The mirror's downloader: a first page already fetched is moved in instead of fetched again. */
function reuse(
  probes: Map<string, DownloadResult>,
  download: (o: DownloadOptions) => Promise<DownloadResult>,
): (o: DownloadOptions) => Promise<DownloadResult> {
  return async (o) => {
    const got = probes.get(o.url);
    if (!got) return download(o);
    probes.delete(o.url);
    await rename(got.path, o.dest);
    return { ...got, url: o.url, path: o.dest };
  };
}
