/**
 * Read OSV advisories from a folder (recursive), a zip (osv.dev `all.zip`) or a single JSON/YAML
 * record. Imports are all-or-nothing: the first malformed record fails the whole read with an
 * AppError naming the file and where in it. Files that are not records are listed in `skipped`
 * with a reason, never dropped silently, and so are duplicate copies of one advisory id.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../core/errors.js';
import { fsError, readBoundedFile } from '../../io/read-bounded.js';
import { compareFileNames, keepLatest, type SkippedFile, type SourcedAdvisory } from './dedupe.js';
import { classifyFile, listFiles, parseRecordBytes } from './files.js';
import { forEachZipEntry } from './zip.js';

export type { SkippedFile, SourcedAdvisory } from './dedupe.js';

/** Default per-file (and per-zip-entry) limit; the largest OSV records (distro kernels) are a few MB. */
export const DEFAULT_MAX_ENTRY_BYTES = 32 * 1024 * 1024;

export interface ReadAdvisoriesOptions {
  /** Called after each file or zip entry; `total` grows when a zip's entry count becomes known. */
  onProgress?: (done: number, total: number) => void;
  /** Largest file or zip entry accepted, in bytes (INPUT_TOO_LARGE above it). */
  maxEntryBytes?: number;
}

export interface AdvisoryReadResult {
  /** One record per advisory id, sorted by file name. */
  records: SourcedAdvisory[];
  /** Files not read as records and duplicate copies, sorted by file name. */
  skipped: SkippedFile[];
}

interface ReadState {
  max: number;
  records: SourcedAdvisory[];
  skipped: SkippedFile[];
  progress: { done: number; total: number; report: () => void };
}

/** Read every OSV record under `path` (folder, `.zip`, `.json`, `.yaml`/`.yml`); all-or-nothing. */
export async function readAdvisories(
  path: string,
  opts: ReadAdvisoriesOptions = {},
): Promise<AdvisoryReadResult> {
  const state: ReadState = {
    max: opts.maxEntryBytes ?? DEFAULT_MAX_ENTRY_BYTES,
    records: [],
    skipped: [],
    progress: { done: 0, total: 1, report: () => {} },
  };
  const { progress } = state;
  progress.report = () => opts.onProgress?.(progress.done, progress.total);
  const info = await stat(path).catch((err) => {
    throw fsError(err, path);
  });
  if (info.isDirectory()) {
    const listing = await listFiles(path);
    state.skipped.push(...listing.skipped);
    progress.total = listing.files.length;
    for (const rel of listing.files) await readOne(join(path, rel), state, false);
  } else if (info.isFile()) {
    await readOne(path, state, true);
  } else {
    throw new AppError('INPUT_UNREADABLE', { file: path, reason: 'neither a file nor a folder' });
  }
  if (state.records.length === 0) {
    const reason = `no OSV records found (${state.skipped.length} file(s) skipped)`;
    throw new AppError('INPUT_EMPTY', { file: path, reason });
  }
  const { records, duplicates } = keepLatest(
    state.records.sort((a, b) => compareFileNames(a.source.file, b.source.file)),
  );
  const skipped = [...state.skipped, ...duplicates].sort((a, b) => compareFileNames(a.file, b.file));
  return { records, skipped };
}

// `explicit`: the caller named this file itself, so a name we cannot read is an error, not a skip.
async function readOne(file: string, state: ReadState, explicit: boolean): Promise<void> {
  const kind = classifyFile(file);
  if (kind.kind === 'zip') return readZip(file, state);
  if (kind.kind === 'skip') {
    if (explicit) throw new AppError('INPUT_UNRECOGNISED', { file, reason: kind.reason });
    state.skipped.push({ file, reason: kind.reason });
  } else {
    const bytes = await readBoundedFile(file, state.max);
    state.records.push(parseRecordBytes(bytes, file, kind.format));
  }
  state.progress.done++;
  state.progress.report();
}

async function readZip(archive: string, state: ReadState): Promise<void> {
  const { progress } = state;
  // The archive counted as one item until its central directory says how many entries it holds.
  const onOpen = (entryCount: number) => {
    progress.total += entryCount - 1;
  };
  await forEachZipEntry(archive, archive, state.max, onOpen, async ({ name, path, folder, read }) => {
    // Folder entries are structure: counted for progress, nothing to read or report.
    if (!folder) {
      // Classify by the entry's own path: the `archive.zip!` prefix is not part of its name.
      const kind = classifyFile(path);
      if (kind.kind === 'record') state.records.push(parseRecordBytes(await read(), name, kind.format));
      else {
        const reason = kind.kind === 'zip' ? 'archive inside an archive, not read' : kind.reason;
        state.skipped.push({ file: name, reason });
      }
    }
    progress.done++;
    progress.report();
  });
}
