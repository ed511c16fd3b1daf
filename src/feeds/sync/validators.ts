/**
 * Validation callbacks for the atomic switch: a downloaded file replaces the data in force only
 * if it parses as what its source publishes. They check well-formedness (and, where cheap, the
 * document's identity); the feed readers in src/feeds/* do the full mapping later.
 */
import { createReadStream } from 'node:fs';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { parseJsonText } from '../../core/structured-input.js';
import { readBoundedFile } from '../../io/read-bounded.js';
import { parseKevCatalog } from '../kev/parse-kev.js';
import { forEachZipEntry } from '../osv/zip.js';
import { FeedError } from './feed-error.js';
import type { Validate } from './mirror.js';
import type { FeedSourceId } from './sources.js';

const MiB = 1024 * 1024;

/** A JSON document (INPUT_MALFORMED_JSON with line and column), then `check` on the parsed value. */
export function jsonDocument(
  check?: (value: unknown, label: string) => void,
  maxBytes = 1024 * MiB,
): Validate {
  return async (path, file) => {
    const text = (await readBoundedFile(path, maxBytes)).toString('utf8');
    const value = parseJsonText(text, file.url);
    check?.(value, file.url);
  };
}

/** A gzip stream that inflates to the end; `checkHead` sees the first 4 KiB of the content. */
export function gzipStream(checkHead?: (head: string, label: string) => void): Validate {
  return async (path, file) => {
    let head = '';
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        if (head.length < 4096) head += chunk.subarray(0, 4096 - head.length).toString('utf8');
        done();
      },
    });
    try {
      // Inflating all of it is the only way to know the trailer's CRC-32 and length match
      // (RFC 1952 §2.3.1): a truncated file fails here, not in the importer.
      await pipeline(createReadStream(path), createGunzip(), sink);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      throw new FeedError('FEED_INVALID', {
        file: file.url,
        reason: `not a complete gzip stream: ${reason}`,
      });
    }
    checkHead?.(head, file.url);
  };
}

/** A zip archive whose every file entry is a JSON document (OSV all.zip). */
export function zipOfJson(maxEntryBytes = 64 * MiB): Validate {
  return async (path, file) => {
    let files = 0;
    await forEachZipEntry(
      path,
      file.url,
      maxEntryBytes,
      () => {},
      async (entry) => {
        if (entry.folder) return;
        files++;
        parseJsonText((await entry.read()).toString('utf8'), entry.name);
      },
    );
    if (files === 0)
      throw new FeedError('FEED_INVALID', { file: file.url, reason: 'archive holds no records' });
  };
}

/** The EPSS header: `cve,epss,percentile` on the first line or after the `#model_version` comment. */
export function checkEpssHead(head: string, label: string): void {
  const lines = head.split(/\r?\n/, 2);
  const header = lines[0]?.startsWith('#') ? lines[1] : lines[0];
  if (!header?.startsWith('cve,epss,percentile')) {
    throw new FeedError('FEED_INVALID', { file: label, reason: 'expected the header cve,epss,percentile' });
  }
}

/** The validator for each catalogued source. */
export const DEFAULT_VALIDATORS: Readonly<Record<FeedSourceId, Validate>> = {
  kev: jsonDocument((value, label) => {
    parseKevCatalog(value, label);
  }),
  epss: gzipStream(checkEpssHead),
  osv: zipOfJson(),
  nvd: jsonDocument((value, label) => {
    const v = value as { vulnerabilities?: unknown; totalResults?: unknown };
    if (!Array.isArray(v?.vulnerabilities) || typeof v.totalResults !== 'number') {
      throw new FeedError('FEED_INVALID', { file: label, reason: 'not an NVD CVE API 2.0 page' });
    }
  }),
  'csaf-ics': jsonDocument(),
};
