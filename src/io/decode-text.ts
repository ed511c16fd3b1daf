import { AppError } from '../core/errors.js';

/**
 * Bytes → text, refusing anything that is not text, fast, instead of failing deep in a parser.
 * UTF-8 with or without a byte order mark (RFC 8259 §8.1); UTF-16 with a BOM when allowed,
 * because Windows PowerShell 5 redirection (`syft … > sbom.json`) writes it. A NUL never occurs
 * in the formats read here, so it marks binary data.
 */
export function decodeText(bytes: Uint8Array, file: string, opts: { utf16?: boolean } = {}): string {
  let encoding = 'utf-8';
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  else if (opts.utf16 !== false && bytes[0] === 0xff && bytes[1] === 0xfe)
    [encoding, start] = ['utf-16le', 2];
  else if (opts.utf16 !== false && bytes[0] === 0xfe && bytes[1] === 0xff)
    [encoding, start] = ['utf-16be', 2];
  try {
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(start));
    if (text.includes('\u0000')) throw new TypeError('NUL character');
    return text;
  } catch {
    throw new AppError('INPUT_UNRECOGNISED', {
      file,
      reason: `not ${encoding.toUpperCase()} text (binary data?)`,
    });
  }
}
