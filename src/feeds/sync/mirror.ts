/**
 * Syncing feeds into the store with an atomic switch: every file of a feed is downloaded into
 * staging, validated, assembled with the unchanged files into `staging/next`, and only then
 * switched in (feed-store.ts). Any failure before the switch leaves `current` — files and
 * manifest — exactly as it was. Feeds are independent: one failing keeps its old data while the
 * others move on, and the report says which and why.
 */
import { copyFile, link, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError, isAppError, toAppError } from '../../core/errors.js';
import { type DownloadOptions, type DownloadResult, downloadFile, type PreviousFile } from './download.js';
import { FeedError, isFeedError } from './feed-error.js';
import {
  ensureFeedDirs,
  type FeedManifest,
  type FeedPaths,
  feedPaths,
  fsyncFile,
  isSafeName,
  type ManifestEntry,
  manifestDigest,
  readCurrentManifest,
  switchIn,
  writeJsonAtomic,
} from './feed-store.js';
import type { FeedFile, FeedPlan, FeedSourceId } from './sources.js';

/** Checks a downloaded file before it may replace the data in force; throws to refuse it. */
export type Validate = (path: string, file: FeedFile) => Promise<void> | void;

/** Progress of one file of one feed, in bytes (total null when the server sent no length). */
export interface SyncProgress {
  feed: string;
  file: string;
  bytes: number;
  total: number | null;
}

/** Settings for syncing: where the store is and the limits applied to every file. */
export interface SyncOptions {
  /** PATCHWARDEN_HOME; feeds live in `<home>/feeds/<id>`. */
  home: string;
  /** Per-file size limit in bytes. */
  maxBytes: number;
  timeoutMs?: number | undefined;
  onProgress?: ((p: SyncProgress) => void) | undefined;
  now?: (() => Date) | undefined;
  /** Replaces downloadFile for every file (the NVD pager paces, retries and reuses its first pages). */
  download?: ((o: DownloadOptions) => Promise<DownloadResult>) | undefined;
}

/** Why a feed kept its previous data: the normalised error, ready for a terminal or JSON. */
export interface SyncFailure {
  code: string;
  feedCode: string | null;
  message: string;
  /** AppError.describe(): code, message, file and reason on one line. */
  detail: string;
}

/** The result for one feed. `manifest` is the one in force afterwards (the old one on failure). */
export interface FeedSyncResult {
  id: string;
  outcome: 'updated' | 'not-modified' | 'failed';
  files: Array<Pick<DownloadResult, 'status' | 'sha256' | 'bytes'> & { name: string }>;
  manifest: FeedManifest | null;
  error: SyncFailure | null;
}

/** Sync one feed atomically; never throws for download or validation failures (see `error`). */
export async function syncFeed(
  plan: FeedPlan,
  opts: SyncOptions,
  validate?: Validate,
): Promise<FeedSyncResult> {
  let before: FeedManifest | null = null;
  const results: FeedSyncResult['files'] = [];
  const fail = (err: unknown): FeedSyncResult => ({
    id: plan.id,
    outcome: 'failed',
    files: results,
    manifest: before,
    error: describeFailure(err),
  });
  try {
    checkPlan(plan);
    const paths = feedPaths(opts.home, plan.id);
    await ensureFeedDirs(paths);
    before = await readCurrentManifest(paths);
    await cleanStaging(paths, plan);
    const downloads: DownloadResult[] = [];
    for (const file of plan.files) {
      const result = await (opts.download ?? downloadFile)({
        url: file.url,
        dest: join(paths.staging, file.name),
        maxBytes: opts.maxBytes,
        previous: previousFile(paths, before, file),
        checksum: file.checksum,
        timeoutMs: opts.timeoutMs,
        headers: file.headers,
        onProgress: (bytes, total) => opts.onProgress?.({ feed: plan.id, file: file.name, bytes, total }),
        now: opts.now,
      });
      downloads.push(result);
      results.push({ name: file.name, status: result.status, sha256: result.sha256, bytes: result.bytes });
    }
    const sameSet = before !== null && sameNames(Object.keys(before.files), plan.files);
    if (sameSet && downloads.every((d) => d.status === 'not-modified')) {
      // RFC 9110 §15.4.5: nothing changed upstream, so nothing here is rewritten either.
      return { id: plan.id, outcome: 'not-modified', files: results, manifest: before, error: null };
    }
    for (const [i, file] of plan.files.entries()) {
      const d = downloads[i]!;
      if (d.status !== 'not-modified' && validate) await runValidation(validate, d.path, file);
    }
    const manifest = await assembleNext(paths, plan, downloads, before, opts);
    await switchIn(paths);
    return { id: plan.id, outcome: 'updated', files: results, manifest, error: null };
  } catch (err) {
    return fail(err);
  }
}

/** Sync several feeds one after the other, each atomic on its own. */
export async function syncFeeds(
  plans: readonly FeedPlan[],
  opts: SyncOptions,
  validators: Partial<Record<FeedSourceId, Validate>> = {},
): Promise<{ ok: boolean; results: FeedSyncResult[] }> {
  const results: FeedSyncResult[] = [];
  // Sequential on purpose: upstreams rate-limit per client (NVD), and one progress bar at a
  // time is what a terminal can show.
  for (const plan of plans) results.push(await syncFeed(plan, opts, validators[plan.source]));
  return { ok: results.every((r) => r.outcome !== 'failed'), results };
}

// A plan is configuration: a bad one is a usage error, reported before anything is touched.
function checkPlan(plan: FeedPlan): void {
  const bad = (reason: string) => new AppError('USAGE', { feed: plan.id, reason });
  if (!isSafeName(plan.id)) throw bad(`unsafe feed id ${JSON.stringify(plan.id)}`);
  if (plan.files.length === 0) throw bad('no files');
  const seen = new Set<string>();
  for (const f of plan.files) {
    if (
      !isSafeName(f.name) ||
      f.name === 'next' ||
      f.name.endsWith('.part') ||
      f.name.endsWith('.part.json')
    ) {
      throw bad(`unsafe file name ${JSON.stringify(f.name)}`);
    }
    if (seen.has(f.name)) throw bad(`file name ${f.name} appears twice`);
    seen.add(f.name);
  }
}

function sameNames(names: string[], files: readonly FeedFile[]): boolean {
  return names.length === files.length && files.every((f) => names.includes(f.name));
}

/**
 * Remove what a crashed or failed run left in staging except resumable parts of files still
 * planned: a complete-but-unswitched file is simply fetched again (conditionally).
 */
async function cleanStaging(paths: FeedPaths, plan: FeedPlan): Promise<void> {
  const keep = new Set(plan.files.flatMap((f) => [`${f.name}.part`, `${f.name}.part.json`]));
  for (const entry of await readdir(paths.staging)) {
    if (!keep.has(entry)) await rm(join(paths.staging, entry), { recursive: true, force: true });
  }
}

/** The stored copy to send validators for, only if it came from the same URL. */
function previousFile(
  paths: FeedPaths,
  manifest: FeedManifest | null,
  file: FeedFile,
): PreviousFile | undefined {
  const entry = manifest?.files[file.name];
  // A changed URL (a new mirror, another ecosystem base) is a different resource: its ETag
  // space is not ours to compare against (RFC 9110 §8.8.3 scopes an ETag to one resource).
  if (!entry || entry.url !== file.url) return undefined;
  return { ...entry, path: join(paths.current, file.name) };
}

async function runValidation(validate: Validate, path: string, file: FeedFile): Promise<void> {
  try {
    await validate(path, file);
  } catch (err) {
    if (isAppError(err)) throw err;
    const reason = err instanceof Error ? err.message : String(err);
    throw new FeedError('FEED_INVALID', { file: file.url, reason }, { cause: err });
  }
}

/** Build `staging/next`: new files moved in, unchanged ones linked from current, then the manifest. */
async function assembleNext(
  paths: FeedPaths,
  plan: FeedPlan,
  downloads: readonly DownloadResult[],
  before: FeedManifest | null,
  opts: SyncOptions,
): Promise<FeedManifest> {
  await rm(paths.next, { recursive: true, force: true });
  await mkdir(paths.next, { recursive: true });
  const files: Record<string, ManifestEntry> = {};
  for (const [i, file] of plan.files.entries()) {
    const d = downloads[i]!;
    const target = join(paths.next, file.name);
    if (d.status === 'not-modified') {
      await linkOrCopy(join(paths.current, file.name), target);
      const old = before?.files[file.name];
      // Keep the original retrieval record; a 304 may refresh the validators (RFC 9111 §4.3.4).
      files[file.name] = { ...(old as ManifestEntry), etag: d.etag, lastModified: d.lastModified };
    } else {
      await fsyncFile(d.path);
      await rename(d.path, target);
      files[file.name] = {
        url: d.url,
        retrievedAt: d.retrievedAt,
        sha256: d.sha256,
        bytes: d.bytes,
        etag: d.etag,
        lastModified: d.lastModified,
        checksum: d.checksum,
      };
    }
  }
  const manifest: FeedManifest = {
    manifestVersion: 1,
    feed: plan.id,
    source: plan.source,
    syncedAt: (opts.now?.() ?? new Date()).toISOString(),
    digest: manifestDigest(files),
    files,
  };
  await writeJsonAtomic(join(paths.next, 'manifest.json'), manifest);
  return manifest;
}

// A hard link shares the bytes of an unchanged multi-hundred-MB archive instead of copying it;
// file systems without links (some network mounts) get a copy.
async function linkOrCopy(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch {
    await copyFile(from, to);
  }
}

/** A failure normalised for a report: code, intended feed code, message and one-line detail. */
export function describeFailure(err: unknown): SyncFailure {
  const e = toAppError(err);
  return {
    code: e.code,
    feedCode: isFeedError(e) ? e.feedCode : null,
    message: e.message,
    detail: e.describe(),
  };
}
