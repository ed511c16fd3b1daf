/**
 * Streaming reader for OSV bulk archives (osv.dev `<ECOSYSTEM>/all.zip`: one JSON record per
 * entry). Entries are visited in archive order through yauzl's central directory; only the entry
 * being visited is ever held in memory, and only if the visitor asks for its bytes.
 */
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { AppError, isAppError } from '../../core/errors.js';
import { tooLarge } from '../../io/read-bounded.js';

/** One entry of an archive; `read()` inflates a file entry (at most once per visit). */
export interface ZipEntryVisit {
  /** `label!path/in/archive`, the name used in sources and errors. */
  name: string;
  /** The entry's own path inside the archive. */
  path: string;
  /** A folder entry (name ends in `/`): structure only, nothing to read. */
  folder: boolean;
  read: () => Promise<Buffer>;
}

/**
 * Visit every entry of `archive`, folders included so progress can count them. `onOpen`
 * receives the entry count from the central directory before the first visit. `label` is the name
 * used in errors for the archive and, with `!entry`, for its entries.
 */
export async function forEachZipEntry(
  archive: string,
  label: string,
  maxEntryBytes: number,
  onOpen: (entryCount: number) => void,
  visit: (entry: ZipEntryVisit) => Promise<void>,
): Promise<void> {
  try {
    // validateEntrySizes (yauzl's default, explicit here): an entry that inflates to more bytes
    // than the central directory declares is an error, so the size check below cannot be lied to.
    const zip = await yauzl.openPromise(archive, { validateEntrySizes: true, strictFileNames: false });
    onOpen(zip.entryCount);
    // Leaving the loop early (an error from `visit`) makes yauzl close the file (autoClose).
    for await (const entry of zip.eachEntry()) {
      const name = `${label}!${entry.fileName}`;
      const folder = entry.fileName.endsWith('/');
      const read = () => readEntry(zip, entry, name, maxEntryBytes);
      await visit({ name, path: entry.fileName, folder, read });
    }
  } catch (err) {
    if (isAppError(err)) throw err;
    const reason = err instanceof Error ? err.message : String(err);
    throw new AppError(
      'INPUT_UNREADABLE',
      { file: label, reason: `not a readable zip: ${reason}` },
      { cause: err },
    );
  }
}

async function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, name: string, max: number): Promise<Buffer> {
  if (entry.isEncrypted()) throw new AppError('INPUT_UNREADABLE', { file: name, reason: 'encrypted entry' });
  if (entry.uncompressedSize > max) throw tooLarge(name, entry.uncompressedSize, max);
  let stream: Readable;
  try {
    stream = await zip.openReadStreamPromise(entry);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new AppError('INPUT_UNREADABLE', { file: name, reason }, { cause: err });
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > max) {
        stream.destroy();
        throw tooLarge(name, size, max);
      }
      chunks.push(chunk);
    }
  } catch (err) {
    if (isAppError(err)) throw err;
    const reason = err instanceof Error ? err.message : String(err);
    throw new AppError('INPUT_UNREADABLE', { file: name, reason }, { cause: err });
  }
  return Buffer.concat(chunks, size);
}
