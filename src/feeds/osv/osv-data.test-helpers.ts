/**
 * Test-only helpers: paths into the shared OSV sample data (/work/shared/data, a sibling of the
 * checkout) and temporary folders. Excluded from the build by tsconfig.build.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// This file is src/feeds/osv/<name>: four levels up is the folder holding the checkout and `shared`.
const DATA = new URL('../../../../shared/data/', import.meta.url);

/** Absolute path of a file or folder under shared/data, e.g. `osv/golang-vulndb`. */
export function dataPath(relative: string): string {
  return fileURLToPath(new URL(relative, DATA));
}

/** A fresh temporary folder holding `files` (relative path → content); returns it and a cleanup. */
export function tempTree(files: Record<string, string | Uint8Array>): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'pw-osv-'));
  for (const [rel, content] of Object.entries(files)) {
    const path = join(dir, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A small valid OSV record as JSON text; `extra` overrides or adds top-level members. */
export function osvJson(id: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify(
    {
      id,
      modified: '2024-01-01T00:00:00Z',
      affected: [
        {
          package: { ecosystem: 'npm', name: 'left-pad' },
          ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1.3.0' }] }],
        },
      ],
      ...extra,
    },
    null,
    2,
  );
}
