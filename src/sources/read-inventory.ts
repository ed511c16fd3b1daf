/**
 * Read one inventory file from disk and extract it with the adapter that recognises it. This is
 * what `patchwarden inventory show <file>` and `import sbom` call.
 */

import { sha256Hex } from '../core/digest.js';
import { AppError } from '../core/errors.js';
import type { Extraction } from '../core/inventory.js';
import { parseJsonText } from '../core/structured-input.js';
import { decodeText } from '../io/decode-text.js';
import { readBoundedFile } from '../io/read-bounded.js';
import { detectAdapter } from './registry.js';
import type { SourceInput } from './types.js';

/** Default size limit: large enough for a full-distro container SBOM, small enough to parse in memory. */
export const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;

/** An extraction with the adapter that made it and the SHA-256 of the bytes it came from. */
export type InventoryFileResult = Extraction & { adapter: { id: string; version: string }; sha256: string };

/** Read, recognise and extract an inventory file; every failure is an AppError naming the file. */
export async function readInventoryFile(
  path: string,
  opts: { maxBytes?: number } = {},
): Promise<InventoryFileResult> {
  const bytes = await readBoundedFile(path, opts.maxBytes ?? DEFAULT_MAX_BYTES);
  const sha256 = sha256Hex(bytes);
  const text = decodeText(bytes, path);
  return { ...(await extractInventory({ file: path, text })), sha256 };
}

/** Recognise and extract an inventory already read into text (uploads, tests). */
export async function extractInventory(
  input: SourceInput,
): Promise<Extraction & { adapter: { id: string; version: string } }> {
  if (input.text.trim() === '')
    throw new AppError('INPUT_EMPTY', { file: input.file, reason: 'the file is empty' });
  // JSON documents start with an object or array (RFC 8259 allows scalars, no inventory is one);
  // anything else is left to text-format adapters as undefined `parsed`.
  const parsed = /^\s*[[{]/.test(input.text) ? parseJsonText(input.text, input.file) : undefined;
  const adapter = detectAdapter(input, parsed);
  const extraction = await adapter.extract(input, parsed);
  return { ...extraction, adapter: { id: adapter.id, version: adapter.version } };
}
