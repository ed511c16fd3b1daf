/**
 * The on-disk feed store and its atomic switch. Per feed, under `<PATCHWARDEN_HOME>/feeds/<id>/`:
 *
 *   current/             the data in force: the files and manifest.json
 *   staging/             downloads in progress (`<name>.part` survives a failed run, for resume)
 *   staging/next/        the complete replacement, assembled before the switch
 *   previous/            exists only for the instant of the switch (or after a crash inside it)
 *
 * The switch is two renames: current → previous, next → current. rename(2) of a directory is
 * atomic but cannot replace a non-empty one, hence the detour; a crash between the two renames
 * leaves no `current` and a `previous`, which recoverSwitch() puts back before anything reads.
 */
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256Hex } from '../../core/digest.js';
import type { ChecksumAlgorithm } from './checksum.js';

/** What is recorded for each file, so a deadline can be traced back to the exact bytes. */
export interface ManifestEntry {
  url: string;
  retrievedAt: string;
  sha256: string;
  bytes: number;
  etag: string | null;
  lastModified: string | null;
  /** The published sidecar the file was verified against, or null when the source has none. */
  checksum: { algorithm: ChecksumAlgorithm; url: string; hex: string } | null;
}

/** The manifest's file name in a feed folder: readers of synced folders skip it (it is not data). */
export const FEED_MANIFEST = 'manifest.json';

/** manifest.json of a feed's `current` folder. */
export interface FeedManifest {
  manifestVersion: 1;
  feed: string;
  source: string;
  /** When this set of files was switched in. */
  syncedAt: string;
  /** SHA-256 over the sorted `name sha256` lines: one identifier for the whole data set. */
  digest: string;
  files: Record<string, ManifestEntry>;
}

/** Folders and files of one feed in the store. */
export interface FeedPaths {
  root: string;
  current: string;
  staging: string;
  next: string;
  previous: string;
  manifest: string;
}

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** True for a name usable as a feed id or file name: one path segment, no dot-dot, no separators. */
export function isSafeName(name: string): boolean {
  return SAFE_NAME.test(name) && name !== FEED_MANIFEST && !name.includes('..');
}

/** The store paths of feed `id` under `home` (PATCHWARDEN_HOME). */
export function feedPaths(home: string, id: string): FeedPaths {
  if (!isSafeName(id)) throw new RangeError(`unsafe feed id ${JSON.stringify(id)}`);
  const root = join(home, 'feeds', id);
  const current = join(root, 'current');
  return {
    root,
    current,
    staging: join(root, 'staging'),
    next: join(root, 'staging', 'next'),
    previous: join(root, 'previous'),
    manifest: join(current, FEED_MANIFEST),
  };
}

/** The digest of a manifest's file set, independent of retrieval times. */
export function manifestDigest(files: Record<string, Pick<ManifestEntry, 'sha256'>>): string {
  const lines = Object.keys(files)
    .sort()
    .map((name) => `${name} ${files[name]?.sha256}\n`);
  return sha256Hex(lines.join(''));
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** Finish or undo a switch interrupted by a crash; a no-op in the normal case. */
export async function recoverSwitch(paths: FeedPaths): Promise<void> {
  if (!(await exists(paths.previous))) return;
  if (await exists(paths.current)) {
    // The second rename happened: `previous` is the superseded data, left before its removal.
    await rm(paths.previous, { recursive: true, force: true });
  } else {
    // Crashed between the renames: the old data goes back in force.
    await rename(paths.previous, paths.current);
  }
}

/** The manifest in force, or null when the feed was never synced. */
export async function readCurrentManifest(paths: FeedPaths): Promise<FeedManifest | null> {
  await recoverSwitch(paths);
  try {
    return JSON.parse(await readFile(paths.manifest, 'utf8')) as FeedManifest;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** Flush a file's data to disk, so a rename published after it never points at missing blocks. */
export async function fsyncFile(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Write JSON by write-temp, fsync, rename: readers see the old file or the new one, never half. */
export async function writeJsonAtomic(path: string, value: unknown): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  const handle = await open(tmp, 'w');
  try {
    await handle.writeFile(`${JSON.stringify(value, null, 2)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(tmp, path);
}

/** Put `staging/next` in force: current → previous, next → current, previous removed. */
export async function switchIn(paths: FeedPaths): Promise<void> {
  await rm(paths.previous, { recursive: true, force: true });
  const hadCurrent = await exists(paths.current);
  if (hadCurrent) await rename(paths.current, paths.previous);
  await rename(paths.next, paths.current);
  await syncDir(paths.root);
  if (hadCurrent) await rm(paths.previous, { recursive: true, force: true });
}

// Make the renames themselves durable (POSIX: fsync the directory). Windows cannot open a
// directory for fsync; NTFS journals the rename, so the error is ignored there.
async function syncDir(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // best effort, see above
  }
}

/** Create the feed's folders. */
export async function ensureFeedDirs(paths: FeedPaths): Promise<void> {
  await mkdir(paths.staging, { recursive: true });
}
