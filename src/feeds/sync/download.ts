/**
 * One HTTP(S) GET of one feed file into a local path, with the HTTP machinery that makes a daily
 * sync cheap and safe: conditional requests (RFC 9110 §13.1.2/§13.1.3, 304 per RFC 9110 §15.4.5
 * and RFC 9111 §4.3), resumption of an interrupted body with Range + If-Range (RFC 9110 §14.2,
 * §13.1.5, 206 per §15.3.7), a size limit, an inactivity timeout, and checksum verification
 * against a published sidecar. Uses Node's built-in fetch: no dependency.
 *
 * Files on disk, for `dest`:
 *   `${dest}.part`       bytes received so far (kept when the connection drops, so the next run resumes)
 *   `${dest}.part.json`  the URL and validators those bytes belong to (resume only with the same ETag)
 *   `dest`               appears only when the body is complete and the checksum (if any) matched
 */
import { open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { isAppError } from '../../core/errors.js';
import { tooLarge } from '../../io/read-bounded.js';
import { type ChecksumAlgorithm, type ChecksumRef, hashFile, parseChecksumSidecar } from './checksum.js';
import { FeedError } from './feed-error.js';

/** Cache validators of a stored file (RFC 9110 §8.8): what a conditional request sends back. */
export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

/** The file currently in force for this URL: sent as validators, returned as is on 304. */
export interface PreviousFile extends Validators {
  path: string;
  sha256: string;
  bytes: number;
  retrievedAt: string;
}

/** What to download, where to, and under which limits. */
export interface DownloadOptions {
  url: string;
  /** Final path of the complete file; `.part` / `.part.json` beside it hold an interrupted body. */
  dest: string;
  /** Refuse (INPUT_TOO_LARGE) as soon as the body is known or seen to exceed this many bytes. */
  maxBytes: number;
  previous?: PreviousFile | undefined;
  checksum?: ChecksumRef | undefined;
  /** Inactivity timeout: no headers or no body bytes for this long aborts (default 60 s). */
  timeoutMs?: number | undefined;
  /** Extra request headers (e.g. NVD's `apiKey`). */
  headers?: Readonly<Record<string, string>> | undefined;
  onProgress?: ((bytes: number, total: number | null) => void) | undefined;
  now?: (() => Date) | undefined;
}

/** The outcome for one file; `path` is `previous.path` when the server answered 304. */
export interface DownloadResult extends Validators {
  status: 'downloaded' | 'not-modified' | 'resumed';
  url: string;
  path: string;
  sha256: string;
  bytes: number;
  retrievedAt: string;
  /** The sidecar the file was verified against, or null when none was configured. */
  checksum: { algorithm: ChecksumAlgorithm; url: string; hex: string } | null;
}

/** Identifies PatchWarden to feed operators (the CSAF 2.1 draft, requirement 24, asks for a User-Agent). */
export const USER_AGENT = 'patchwarden-feeds-sync';

const DEFAULT_TIMEOUT_MS = 60_000;
const SIDECAR_MAX_BYTES = 64 * 1024;

interface PartMeta extends Validators {
  url: string;
  acceptRanges: boolean;
}

/** Download `opts.url` to `opts.dest`, conditionally and resumably; see the module comment. */
export async function downloadFile(opts: DownloadOptions): Promise<DownloadResult> {
  const part = `${opts.dest}.part`;
  const metaPath = `${part}.json`;
  await rm(opts.dest, { force: true });
  let resume = await resumePoint(part, metaPath, opts.url);

  // At most two rounds: a server may answer a range request with a range we did not ask for,
  // or 416 (RFC 9110 §15.5.17) when the part no longer fits; then we start over from zero once.
  for (let round = 0; round < 2; round++) {
    const headers: Record<string, string> = {
      'user-agent': USER_AGENT,
      // Ranges count bytes of the representation as sent (RFC 9110 §14.1); asking for no content
      // coding (§12.5.3) keeps those bytes identical to the stored file, so offsets line up.
      'accept-encoding': 'identity',
      ...opts.headers,
    };
    if (resume) {
      headers.range = `bytes=${resume.offset}-`;
      // If-Range (RFC 9110 §13.1.5): "send me the rest only if it is still the same
      // representation, otherwise the whole new one" — one round trip either way.
      headers['if-range'] = resume.etag;
    } else if (opts.previous) {
      if (opts.previous.etag) headers['if-none-match'] = opts.previous.etag;
      // Ignored by servers when If-None-Match is present (RFC 9110 §13.1.3); sent for servers
      // that only implement Last-Modified.
      if (opts.previous.lastModified) headers['if-modified-since'] = opts.previous.lastModified;
    }

    const call = await startRequest(opts.url, headers, opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const { response } = call;
    try {
      if (response.status === 304 && opts.previous && !resume) {
        return notModified(opts, opts.previous, response);
      }
      if (response.status === 416 && resume && round === 0) {
        resume = await discardPart(part, metaPath);
        continue;
      }
      if (response.status === 206 && resume) {
        const range = parseContentRange(response.headers.get('content-range'));
        if (!range || range.start !== resume.offset) {
          if (round === 0) {
            resume = await discardPart(part, metaPath);
            continue;
          }
          throw new FeedError('FEED_UNAVAILABLE', {
            file: opts.url,
            reason: `server sent Content-Range ${response.headers.get('content-range')} for bytes=${resume.offset}-`,
          });
        }
        await receive(call, opts, part, metaPath, resume.offset, range.total, true);
        return await finish(opts, part, metaPath, response, 'resumed');
      }
      if (response.status === 200) {
        // A 200 to a range request means the ETag changed (If-Range failed) or the server ignores
        // ranges: the body is the whole representation, so the part restarts from zero.
        const length = response.headers.get('content-length');
        await receive(call, opts, part, metaPath, 0, length === null ? null : Number(length), false);
        return await finish(opts, part, metaPath, response, 'downloaded');
      }
      throw new FeedError('FEED_UNAVAILABLE', {
        file: opts.url,
        status: response.status,
        reason: `HTTP ${response.status} ${response.statusText}`.trim(),
      });
    } finally {
      call.done();
    }
  }
  throw new FeedError('FEED_UNAVAILABLE', { file: opts.url, reason: 'range request could not be satisfied' });
}

interface Call {
  response: Response;
  signal: AbortSignal;
  /** Push the inactivity deadline back: called for every chunk received. */
  touch: () => void;
  done: () => void;
}

async function startRequest(url: string, headers: Record<string, string>, timeoutMs: number): Promise<Call> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const done = () => {
    clearTimeout(timer);
    // Release the connection when the body was not (fully) read: 304, errors, early refusals.
    if (!controller.signal.aborted) controller.abort();
  };
  try {
    const response = await fetch(url, { headers, redirect: 'follow', signal: controller.signal });
    return { response, signal: controller.signal, touch: () => timer.refresh(), done };
  } catch (err) {
    done();
    throw networkError(url, err, timeoutMs, 'request failed');
  }
}

function networkError(url: string, err: unknown, timeoutMs: number, what: string): FeedError {
  const aborted = err instanceof Error && err.name === 'AbortError';
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  const reason = aborted
    ? `${what}: no data for ${timeoutMs} ms`
    : `${what}: ${cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err))}`;
  return new FeedError('FEED_UNAVAILABLE', { file: url, reason }, { cause: err });
}

/** Where an earlier interrupted download can continue, or null (and the part removed). */
async function resumePoint(
  part: string,
  metaPath: string,
  url: string,
): Promise<{ offset: number; etag: string } | null> {
  let meta: PartMeta;
  let size: number;
  try {
    meta = JSON.parse(await readFile(metaPath, 'utf8')) as PartMeta;
    size = (await stat(part)).size;
  } catch {
    return discardPart(part, metaPath);
  }
  // If-Range needs a strong validator (RFC 9110 §13.1.5: a weak ETag MUST NOT be sent there), and
  // the server must have advertised byte ranges (Accept-Ranges, RFC 9110 §14.3).
  const usable = meta.url === url && meta.acceptRanges && meta.etag !== null && !meta.etag.startsWith('W/');
  if (!usable || size === 0 || meta.etag === null) return discardPart(part, metaPath);
  return { offset: size, etag: meta.etag };
}

async function discardPart(part: string, metaPath: string): Promise<null> {
  await rm(part, { force: true });
  await rm(metaPath, { force: true });
  return null;
}

/** `bytes <first>-<last>/<complete-length>` (RFC 9110 §14.4); the total is null when `*`. */
function parseContentRange(value: string | null): { start: number; total: number | null } | null {
  const m = value ? /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(value.trim()) : null;
  if (!m) return null;
  return { start: Number(m[1]), total: m[3] === '*' ? null : Number(m[3]) };
}

function validatorsOf(response: Response): Validators {
  return { etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') };
}

function notModified(opts: DownloadOptions, previous: PreviousFile, response: Response): DownloadResult {
  // A 304 may carry updated validators (RFC 9111 §4.3.4); keep the stored ones when it does not.
  const fresh = validatorsOf(response);
  return {
    status: 'not-modified',
    url: opts.url,
    path: previous.path,
    sha256: previous.sha256,
    bytes: previous.bytes,
    etag: fresh.etag ?? previous.etag,
    lastModified: fresh.lastModified ?? previous.lastModified,
    retrievedAt: previous.retrievedAt,
    checksum: null,
  };
}

/** Stream the body into the part file from `offset`, enforcing the size limit as bytes arrive. */
async function receive(
  call: Call,
  opts: DownloadOptions,
  part: string,
  metaPath: string,
  offset: number,
  total: number | null,
  appending: boolean,
): Promise<void> {
  const { response } = call;
  if (total !== null && total > opts.maxBytes) {
    await discardPart(part, metaPath);
    throw tooLarge(opts.url, total, opts.maxBytes);
  }
  const acceptRanges =
    appending ||
    (response.headers.get('accept-ranges') ?? '')
      .toLowerCase()
      .split(',')
      .some((unit) => unit.trim() === 'bytes');
  const meta: PartMeta = { url: opts.url, acceptRanges, ...validatorsOf(response) };
  // The meta is written before the first byte so that a crash at any point leaves a part whose
  // origin is known; without it the part is never resumed.
  await writeFile(metaPath, JSON.stringify(meta));
  const handle = await open(part, appending ? 'a' : 'w');
  let received = offset;
  opts.onProgress?.(received, total);
  try {
    if (response.body) {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        call.touch();
        received += chunk.byteLength;
        if (received > opts.maxBytes) throw tooLarge(opts.url, received, opts.maxBytes);
        await handle.write(chunk);
        opts.onProgress?.(received, total);
      }
    }
  } catch (err) {
    await handle.close();
    if (isAppError(err, 'INPUT_TOO_LARGE')) {
      // No point resuming a file that is over the limit anyway.
      await discardPart(part, metaPath);
      throw err;
    }
    throw networkError(
      opts.url,
      err,
      opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      `interrupted after ${received} bytes (kept for resume)`,
    );
  }
  await handle.close();
  if (total !== null && received !== total) {
    throw new FeedError('FEED_UNAVAILABLE', {
      file: opts.url,
      reason: `body ended after ${received} of ${total} bytes (kept for resume)`,
    });
  }
}

/** Hash the complete part, verify it against the sidecar, then move it to `dest`. */
async function finish(
  opts: DownloadOptions,
  part: string,
  metaPath: string,
  response: Response,
  status: 'downloaded' | 'resumed',
): Promise<DownloadResult> {
  const algorithms: ChecksumAlgorithm[] = ['sha256'];
  if (opts.checksum && opts.checksum.algorithm !== 'sha256') algorithms.push(opts.checksum.algorithm);
  const digests = await hashFile(part, algorithms);
  let checksum: DownloadResult['checksum'] = null;
  if (opts.checksum) {
    const { url, algorithm } = opts.checksum;
    const { hex } = parseChecksumSidecar(await fetchSidecar(url, opts), algorithm, url);
    const actual = digests[algorithm] as string;
    if (hex !== actual) {
      // A spliced resume or a corrupted transfer: drop the bytes so the next run starts clean.
      await discardPart(part, metaPath);
      throw new FeedError('FEED_CHECKSUM', {
        file: opts.url,
        checksumUrl: url,
        algorithm,
        expected: hex,
        actual,
      });
    }
    checksum = { algorithm, url, hex };
  }
  const { size } = await stat(part);
  await rename(part, opts.dest);
  await rm(metaPath, { force: true });
  return {
    status,
    url: opts.url,
    path: opts.dest,
    sha256: digests.sha256,
    bytes: size,
    ...validatorsOf(response),
    retrievedAt: (opts.now?.() ?? new Date()).toISOString(),
    checksum,
  };
}

/** GET a small sidecar in full; any failure means the file cannot be verified, so it is refused. */
async function fetchSidecar(url: string, opts: DownloadOptions): Promise<string> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const call = await startRequest(url, { 'user-agent': USER_AGENT, ...opts.headers }, timeoutMs);
  try {
    if (call.response.status !== 200) {
      throw new FeedError('FEED_UNAVAILABLE', {
        file: url,
        status: call.response.status,
        reason: `checksum sidecar: HTTP ${call.response.status}`,
      });
    }
    const body = Buffer.from(await call.response.arrayBuffer());
    if (body.length > SIDECAR_MAX_BYTES) throw tooLarge(url, body.length, SIDECAR_MAX_BYTES);
    return body.toString('utf8');
  } catch (err) {
    if (isAppError(err)) throw err;
    throw networkError(url, err, timeoutMs, 'checksum sidecar');
  } finally {
    call.done();
  }
}
