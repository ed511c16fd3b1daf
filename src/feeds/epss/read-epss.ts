/**
 * Read an EPSS scores file from disk: FIRST's `epss_scores-YYYY-MM-DD.csv.gz`, the same file
 * uncompressed, or an EMBA per-year `CVE_YYYY_EPSS.csv`. Gzip is detected by its magic bytes
 * (RFC 1952 §2.3.1: ID1 = 0x1f, ID2 = 0x8b), not by the name, and inflated as a stream: only one
 * chunk and one line are in memory besides the scores themselves.
 */
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { AppError, isAppError } from '../../core/errors.js';
import { isGzip } from '../../io/gzip.js';
import { fsError, tooLarge } from '../../io/read-bounded.js';
import { LineSplitter } from './lines.js';
import { EpssParser } from './parser.js';
import type { EpssRead } from './types.js';

/**
 * Default limit, on the file and on its decompressed size alike. FIRST's daily file is ~10 MB
 * uncompressed for ~300k CVEs (~33 bytes a row), so 256 MiB leaves room for decades of growth
 * while stopping a gzip bomb.
 */
export const DEFAULT_MAX_EPSS_BYTES = 256 * 1024 * 1024;

/** Options of `readEpss`. */
export interface ReadEpssOptions {
  /** Largest file, and largest decompressed content, accepted (INPUT_TOO_LARGE above it). */
  maxBytes?: number;
}

/** Read one EPSS scores file (gzip or plain, `,` or `;`); all-or-nothing. `sha256` is of the file's bytes. */
export async function readEpss(
  path: string,
  opts: ReadEpssOptions = {},
): Promise<EpssRead & { sha256: string }> {
  const max = opts.maxBytes ?? DEFAULT_MAX_EPSS_BYTES;
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(path, 'r');
    const info = await handle.stat();
    if (!info.isFile()) throw new AppError('INPUT_UNREADABLE', { file: path, reason: 'not a regular file' });
    if (info.size > max) throw tooLarge(path, info.size, max);
    const magic = Buffer.alloc(2);
    const { bytesRead } = await handle.read(magic, 0, 2, 0);
    const gzip = isGzip(magic.subarray(0, bytesRead));
    // The file's digest is taken on the same pass as the parse: the import keys on it, and a daily
    // file read twice would double the I/O for nothing.
    const hash = createHash('sha256');
    const source = handle.createReadStream({ start: 0, autoClose: false });
    async function* hashed() {
      for await (const chunk of source) {
        hash.update(chunk as Buffer);
        yield chunk as Buffer;
      }
    }
    const read = await parseEpssStream(hashed(), path, { gzip, maxBytes: max });
    return { ...read, sha256: hash.digest('hex') };
  } catch (err) {
    throw isAppError(err) ? err : fsError(err, path);
  } finally {
    await handle?.close();
  }
}

/** Parse EPSS bytes from any chunk source (file stream, download, buffers); `gzip`: inflate first. */
export async function parseEpssStream(
  source: Iterable<Buffer> | AsyncIterable<Buffer> | NodeJS.ReadableStream,
  file: string,
  opts: { gzip: boolean; maxBytes?: number },
): Promise<EpssRead> {
  const max = opts.maxBytes ?? DEFAULT_MAX_EPSS_BYTES;
  const parser = new EpssParser(file, opts.gzip);
  const lines = new LineSplitter(file, (line) => parser.push(line));
  let total = 0;
  // Our own error, kept aside: when the last stage throws, Node 20's pipeline can reject with the
  // AbortError of tearing the other stages down instead of the error that caused it.
  let own: AppError | undefined;
  const consume = async (chunks: AsyncIterable<Buffer>) => {
    try {
      for await (const chunk of chunks) {
        total += chunk.length;
        // Counted after inflating, so a small gzip that expands past the limit is stopped early.
        if (total > max) throw tooLarge(file, total, max);
        lines.push(chunk);
      }
    } catch (err) {
      if (isAppError(err)) own = err;
      throw err;
    }
  };
  try {
    if (opts.gzip) await pipeline(source, createGunzip(), consume);
    else await pipeline(source, consume);
  } catch (err) {
    throw own ?? (isAppError(err) ? err : inflateError(err, file, lines.pendingLine));
  }
  lines.end();
  return parser.finish();
}

// zlib reports a gzip cut short as Z_BUF_ERROR "unexpected end of file"; other Z_* codes are
// corrupt data (bad header, CRC or length mismatch). The line named is the one being read when
// the data stopped or went bad.
function inflateError(err: unknown, file: string, line: number): AppError {
  const code = (err as NodeJS.ErrnoException).code ?? '';
  if (!code.startsWith('Z_')) return fsError(err, file);
  const reason =
    code === 'Z_BUF_ERROR'
      ? 'gzip data is truncated (unexpected end of file)'
      : `gzip data is corrupt (${code}: ${(err as Error).message})`;
  return new AppError('INPUT_UNREADABLE', { file, line, reason }, { cause: err });
}
