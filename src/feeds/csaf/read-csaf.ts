/**
 * Read CSAF advisory files from disk: the only I/O of this folder.
 */
import { readFile } from 'node:fs/promises';
import { AppError } from '../../core/errors.js';
import { parseJsonText } from '../../core/structured-input.js';
import { parseCsafAdvisory } from './parse-csaf-advisory.js';
import type { CsafAdvisory } from './types.js';

/** Parse CSAF JSON text; malformed JSON is INPUT_MALFORMED_JSON with line and column. */
export function parseCsafText(text: string, file: string): CsafAdvisory {
  return parseCsafAdvisory(parseJsonText(text.replace(/^\uFEFF/, ''), file), file);
}

/** Read and parse one CSAF file; a missing file is INPUT_NOT_FOUND. */
export async function readCsafFile(path: string): Promise<CsafAdvisory> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'INPUT_NOT_FOUND' : 'INPUT_UNREADABLE';
    throw new AppError(code, { file: path }, { cause: err });
  }
  return parseCsafText(text, path);
}
