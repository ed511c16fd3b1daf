/**
 * Test-only helpers: the shared EPSS sample files (/work/shared/data/epss-scores, a sibling of
 * the checkout), temporary files, and catching an AppError. Excluded from the build.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// This file is src/feeds/epss/<name>: four levels up is the folder holding the checkout and `shared`.
const DATA = fileURLToPath(new URL('../../../../shared/data/epss-scores/', import.meta.url));

/** Absolute paths of the EMBA per-year files, oldest year first. */
export function yearFiles(): string[] {
  return readdirSync(DATA)
    .filter((n) => /^CVE_\d{4}_EPSS\.csv$/.test(n))
    .sort()
    .map((n) => join(DATA, n));
}

/** Write `files` (name → content) into a fresh temporary folder; returns paths and a cleanup. */
export function tempFiles(files: Record<string, string | Uint8Array>): {
  path: (name: string) => string;
  cleanup: () => void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'pw-epss-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return { path: (name) => join(dir, name), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export { appErrorOf } from '../../core/errors.test-helpers.js';
