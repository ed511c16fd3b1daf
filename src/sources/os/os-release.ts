/**
 * /etc/os-release (os-release(5), freedesktop.org): newline-separated `KEY=value` assignments,
 * "compatible with shell script syntax" — values may be double-quoted (backslash escapes `"`,
 * `\`, `$`, and a backquote), single-quoted (no escapes) or bare (backslash escapes any
 * character); `#` lines are comments. The distro it names becomes the OSV ecosystem and release
 * the package adapters stamp on every OS package (distro.ts does the mapping).
 */
import { AppError } from '../../core/errors.js';
import { osEcosystem, osvRelease } from '../distro.js';

/** The distribution an os-release file describes, in the terms the package adapters need. */
export interface Distro {
  /** os-release ID (`debian`, `ubuntu`, `alpine`, `almalinux`, `rhel`, …); `linux` when unset. */
  id: string;
  versionId?: string;
  versionCodename?: string;
  /** ID_LIKE, space-separated in the file: recorded, never used to pick advisories. */
  idLike: string[];
  /** PRETTY_NAME, `Linux` when unset (os-release(5) defaults). */
  prettyName: string;
  /** OSV ecosystem of ID (`Debian`, `Red Hat`, …), or null when OSV has none. */
  ecosystem: string | null;
  /** OSV ecosystem with release (`Debian:12`, `Ubuntu:22.04:LTS`), when distro.ts can key it. */
  release?: string;
  /** Purl `distro` qualifier `<ID>-<VERSION_ID>` (Syft's form), when VERSION_ID is numeric. */
  qualifier?: string;
}

/** Parse os-release text into its assignments; a syntax error names the file, line and column. */
export function parseOsRelease(text: string, file: string): Map<string, string> {
  const out = new Map<string, string>();
  const fail = (at: number, reason: string): never => {
    const before = text.slice(0, at);
    const line = before.split('\n').length;
    throw new AppError('INPUT_SCHEMA', { file, line, column: at - before.lastIndexOf('\n'), reason });
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') {
      i++;
      continue;
    }
    if (c === '#') {
      // os-release(5): "Lines beginning with "#" are treated as comments."
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    const key = /^[A-Za-z_][A-Za-z0-9_]*=/.exec(text.slice(i, i + 256))?.[0];
    if (key === undefined) return fail(i, 'expected KEY=value (os-release(5))');
    i += key.length;
    let value = '';
    // One shell word: quoted and bare parts concatenate up to unquoted whitespace.
    while (i < text.length && !isBlank(text[i] as string)) {
      const ch = text[i] as string;
      if (ch === "'") {
        // POSIX sh §2.2.2: nothing is special between single quotes.
        const end = text.indexOf("'", i + 1);
        if (end < 0) return fail(i, 'unterminated single quote');
        value += text.slice(i + 1, end);
        i = end + 1;
      } else if (ch === '"') {
        const start = i++;
        while (text[i] !== '"') {
          if (i >= text.length) return fail(start, 'unterminated double quote');
          // POSIX sh §2.2.3: inside double quotes a backslash escapes only $ ` " \ and newline;
          // backslash-newline is a line continuation and yields nothing.
          if (text[i] === '\\' && /["\\$`\n]/.test(text[i + 1] ?? '')) {
            if (text[i + 1] !== '\n') value += text[i + 1];
            i += 2;
          } else value += text[i++];
        }
        i++;
      } else if (ch === '\\') {
        // POSIX sh §2.2.1: a bare backslash quotes the next character (newline: continuation).
        if (i + 1 >= text.length) return fail(i, 'backslash at end of file');
        if (text[i + 1] !== '\n') value += text[i + 1];
        i += 2;
      } else {
        // Unquoted operators and expansions would make the file run code when sourced.
        if (/[;&|<>()$`]/.test(ch))
          return fail(i, `shell metacharacter ${JSON.stringify(ch)} must be quoted`);
        value += ch;
        i++;
      }
    }
    // After the value only blanks and a comment may follow on the line.
    while (text[i] === ' ' || text[i] === '\t' || text[i] === '\r') i++;
    if (i < text.length && text[i] !== '\n' && text[i] !== '#')
      return fail(i, 'unquoted blank inside a value (os-release(5): quote values with spaces)');
    out.set(key.slice(0, -1), value);
  }
  return out;
}

function isBlank(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\r' || c === '\n';
}

/** The distro an os-release names: OSV ecosystem and release via distro.ts, never guessed. */
export function distroOf(fields: ReadonlyMap<string, string>): Distro {
  const id = (fields.get('ID') ?? '').trim() || 'linux';
  const versionId = fields.get('VERSION_ID')?.trim();
  const codename = fields.get('VERSION_CODENAME')?.trim();
  const distro: Distro = {
    id,
    idLike: (fields.get('ID_LIKE') ?? '').split(/\s+/).filter(Boolean),
    prettyName: fields.get('PRETTY_NAME')?.trim() || 'Linux',
    ecosystem: osEcosystem(id),
  };
  if (versionId) distro.versionId = versionId;
  if (codename) distro.versionCodename = codename;
  // Only a plain dotted number is a release. Alpine edge (`3.21_alpha20240807`) is not v3.21,
  // and Debian testing/sid carry no VERSION_ID but the *next* release's VERSION_CODENAME, so
  // neither the codename nor ID_LIKE (a derivative's own archive differs from its parent's)
  // stands in for a missing VERSION_ID: those hosts get no release and are reported as such.
  if (versionId && /^\d+(?:\.\d+)*$/.test(versionId)) {
    distro.qualifier = `${id}-${versionId}`;
    const release = distro.ecosystem ? osvRelease(distro.ecosystem, distro.qualifier) : undefined;
    if (release) distro.release = release;
  }
  return distro;
}
