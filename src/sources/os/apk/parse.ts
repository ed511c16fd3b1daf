/**
 * The apk installed database (/lib/apk/db/installed, apk-tools "Installed Database V2" on the
 * Alpine wiki's "Apk spec"): one block per package, blank-line separated, of `X:value` lines
 * with a one-letter key. Read here: `P` name, `V` version (`pkgver-rN`), `A` arch, `o` origin —
 * the APKBUILD (source package) the package was built from, which Alpine's secdb and OSV key
 * advisories by. Everything else (`C` checksum, `T` description, `L` licence, `D` deps, the
 * `F`/`R`/`a`/`M`/`Z` file lines …) is skipped.
 */
import { AppError } from '../../../core/errors.js';
import type { Rejected } from '../../../core/inventory.js';
import { lineRef, type OsPackage } from '../host.js';
import { paragraphs } from '../paragraphs.js';

const LINE = /^([A-Za-z]):(.*)$/;
// Fields that describe the package itself; once each per block (apk-tools writes each once).
const SINGLE = new Set(['P', 'V', 'A', 'o']);

/** Whether a text looks like the installed database: its first block has `X:` lines and a `P:`. */
export function isApkInstalled(text: string): boolean {
  const first = paragraphs(text.slice(0, 256 * 1024))[0];
  if (first === undefined) return false;
  return first.lines.every((l) => LINE.test(l.text)) && first.lines.some((l) => l.text.startsWith('P:'));
}

/** Parse the database; a line that is not `X:value` throws INPUT_SCHEMA with file and line. */
export function parseApkInstalled(text: string, file: string): Array<OsPackage | Rejected> {
  return paragraphs(text).map((block) => {
    const fields = new Map<string, string>();
    for (const { n, text: line } of block.lines) {
      const m = LINE.exec(line);
      const key = m?.[1];
      if (key === undefined) {
        throw new AppError('INPUT_SCHEMA', {
          file,
          line: n,
          reason: 'expected "X:value" (apk installed database)',
        });
      }
      if (!SINGLE.has(key)) continue;
      if (fields.has(key)) {
        throw new AppError('INPUT_SCHEMA', {
          file,
          line: n,
          reason: `duplicate ${key}: line in one package`,
        });
      }
      fields.set(key, m?.[2] ?? '');
    }
    const name = fields.get('P') || undefined;
    const reject = (reason: string): Rejected => ({ ref: lineRef(block.line, name), reason });
    if (name === undefined) return reject('no P: (package name) line');
    const version = fields.get('V');
    if (!version) return reject('no V: (version) line');
    const pkg: OsPackage = { type: 'apk', name, version, ref: name, line: block.line };
    const arch = fields.get('A');
    if (arch) pkg.arch = arch;
    const origin = fields.get('o');
    if (origin) {
      // apk builds every subpackage of an APKBUILD with the same pkgver-pkgrel, so the origin's
      // version is the package's own; purl.ts reads `upstream=<origin>` as the source name.
      pkg.upstream = origin;
      pkg.sourceName = origin;
    }
    return pkg;
  });
}
