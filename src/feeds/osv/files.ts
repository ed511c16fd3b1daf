/**
 * File-level work of the OSV reader: which names are records, walking a folder, reading bounded
 * bytes, and turning one file's bytes into a sourced advisory (digest → text → JSON/YAML → model).
 */

import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { sha256Hex } from '../../core/digest.js';
import { AppError } from '../../core/errors.js';
import { parseJsonText, parseYamlText } from '../../core/structured-input.js';
import { decodeText } from '../../io/decode-text.js';
import { fsError } from '../../io/read-bounded.js';
import { compareFileNames, type SkippedFile, type SourcedAdvisory } from './dedupe.js';
import { parseOsvRecord } from './parse-record.js';

/** What the reader does with a file, decided by its name alone. */
export type FileKind =
  | { kind: 'record'; format: 'json' | 'yaml' }
  | { kind: 'zip' }
  | { kind: 'skip'; reason: string };

// Files every advisory repository ships beside its records (README.md, LICENSE, LICENSE-data,
// NOTICE, …): named in `skipped` like anything else, but with a reason that says they are expected.
const DOCUMENT = /^(readme|licen[cs]e|copying|notice|authors|contributing|changelog|security)([-._].*)?$/i;

/** Classify a file by name: OSV JSON (served form), OSV YAML (PyPA's storage form), a zip, or skipped. */
export function classifyFile(path: string): FileKind {
  const name = basename(path.replaceAll('\\', '/'));
  const ext = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase();
  if (name.startsWith('.')) return { kind: 'skip', reason: 'hidden file, not an advisory' };
  if (DOCUMENT.test(name) || ext === 'md' || ext === 'txt')
    return { kind: 'skip', reason: 'documentation or licence file, not an advisory' };
  if (ext === 'json') return { kind: 'record', format: 'json' };
  if (ext === 'yaml' || ext === 'yml') return { kind: 'record', format: 'yaml' };
  if (ext === 'zip') return { kind: 'zip' };
  return { kind: 'skip', reason: 'not an OSV file (expected .json, .yaml, .yml or .zip)' };
}

/** Every regular file under `root` (relative, `/`-separated, sorted) and what was not descended into. */
export async function listFiles(root: string): Promise<{ files: string[]; skipped: SkippedFile[] }> {
  const files: string[] = [];
  const skipped: SkippedFile[] = [];
  const walk = async (rel: string): Promise<void> => {
    const entries = await readdir(join(root, rel), { withFileTypes: true }).catch((err) => {
      throw fsError(err, join(root, rel));
    });
    for (const entry of entries) {
      const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
      const file = join(root, child);
      if (entry.isDirectory()) {
        // `.git` and friends: thousands of objects that are never advisories.
        if (entry.name.startsWith('.')) skipped.push({ file, reason: 'hidden folder, not read' });
        else await walk(child);
      } else if (entry.isFile()) {
        files.push(child);
      } else if (entry.isSymbolicLink()) {
        // Links to files are read; links to folders are not followed, so a loop cannot hang the read.
        const target = await stat(file).catch(() => undefined);
        if (target?.isFile()) files.push(child);
        else skipped.push({ file, reason: target ? 'link to a folder, not followed' : 'broken link' });
      } else {
        skipped.push({ file, reason: 'not a regular file' });
      }
    }
  };
  await walk('');
  return { files: files.sort(compareFileNames), skipped };
}

/** Digest, decode, parse and validate one record file's bytes. */
export function parseRecordBytes(bytes: Buffer, file: string, format: 'json' | 'yaml'): SourcedAdvisory {
  const sha256 = sha256Hex(bytes);
  // OSV records are JSON, UTF-8 (RFC 8259 §8.1); the digest covers the bytes as read, BOM included.
  const text = decodeText(bytes, file, { utf16: false });
  if (text.trim() === '') throw new AppError('INPUT_EMPTY', { file, reason: 'the file is empty' });
  const value = format === 'json' ? parseJsonText(text, file) : parseYamlText(text, file);
  return { advisory: parseOsvRecord(value, file), source: { file, sha256 } };
}
