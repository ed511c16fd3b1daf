/**
 * Checksum sidecars and file digests. The sidecar format is CSAF 2.0 §7.1.18 (Requirement 18:
 * Integrity), which is also what `sha256sum`/`sha512sum` print: the file "SHALL start with the
 * first byte of the hexadecimal hash value"; an optional file name follows after at least one space.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { FeedError } from './feed-error.js';

/** Hash algorithms a sidecar may use; the suffix of the sidecar file is `.${algorithm}`. */
export type ChecksumAlgorithm = 'sha256' | 'sha512';

const HEX_LENGTH: Record<ChecksumAlgorithm, number> = { sha256: 64, sha512: 128 };

/** A published checksum: the sidecar's URL and algorithm. */
export interface ChecksumRef {
  url: string;
  algorithm: ChecksumAlgorithm;
}

/** The hex digest (lower case) and optional file name read from a sidecar's text. */
export function parseChecksumSidecar(
  text: string,
  algorithm: ChecksumAlgorithm,
  url: string,
): { hex: string; name: string | null } {
  // Only the first line counts: a sidecar describes one file. `sha256sum` marks binary mode
  // with `*` before the name; it is not part of the name.
  const line = (text.split(/\r?\n/, 1)[0] ?? '').trim();
  const match = /^([0-9A-Fa-f]+)(?:[ \t]+\*?(\S.*))?$/.exec(line);
  const hex = match?.[1];
  if (!hex || hex.length !== HEX_LENGTH[algorithm]) {
    throw new FeedError('FEED_CHECKSUM', {
      file: url,
      reason: `not a ${algorithm} sidecar: expected ${HEX_LENGTH[algorithm]} hex digits at the start`,
    });
  }
  return { hex: hex.toLowerCase(), name: match?.[2]?.trim() ?? null };
}

/** Stream a file once and return the hex digests of the requested algorithms. */
export async function hashFile<A extends ChecksumAlgorithm>(
  path: string,
  algorithms: readonly A[],
): Promise<Record<A, string>> {
  const hashes = algorithms.map((a) => [a, createHash(a)] as const);
  for await (const chunk of createReadStream(path)) {
    for (const [, h] of hashes) h.update(chunk as Buffer);
  }
  return Object.fromEntries(hashes.map(([a, h]) => [a, h.digest('hex')])) as Record<A, string>;
}
