import { mutateDigitRun, picker } from '../laws.test-helpers.js';
import { dpkgSyntaxWarning, parseDpkg } from './index.js';

/**
 * Version generators for the dpkg differential tests and order laws: near neighbours of real
 * Debian/Ubuntu versions, so pairs agree on a long prefix and differ where dpkg is subtle.
 */

/** Pieces inserted into real versions: the characters and suffixes that drive deb-version(7). */
export const DPKG_EDITS = [
  ...['~', '+', '.', '-', 'a', 'z', 'A', 'Z', '0', '9', '00', '~~', '~rc1', '+dfsg', '+dfsg1'],
  ...['+b1', '~deb12u1', '+deb12u1', 'ubuntu0.22.04.1', 'ubuntu1', '~bpo12+1', '.1', '~0'],
] as const;

// Inserted only for the dpkg (not apt) differential: warnings (non-ASCII, `_`), errors
// (blanks, stray colons and hyphens, bad epochs) and strtol's corner cases.
const MALFORMED = [
  ...['_', 'é', 'ÿ', '€', '\u{1f600}', '!', '/', '%', ':', '-', ' ', '\t', 'A:', '1:'],
  ...['\v', '\r', '\f', '<', '=', '@', '[', '`', '{', '\u007f'],
];
const EPOCHS = ['0', '1', '2', '01', '10', '2147483647'];
const BAD_EPOCHS = ['+1', '-0', '-1', '+', '2147483648', '99999999999999999999', ' 1', '\v1', 'a', ''];

// A UTF-16 surrogate without its partner: an edit cut an emoji in two (dpkg would see U+FFFD).
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** A deterministic edit of `s` drawn from `seed`; `malformed` adds dpkg warnings and errors. */
export function mutateDpkg(s: string, seed: number, malformed = false): string {
  const t = edit(s, seed, malformed);
  return LONE_SURROGATE.test(t) ? s : t;
}

function edit(s: string, seed: number, malformed: boolean): string {
  const r = picker(seed);
  const at = r.int(s.length + 1);
  const cut = s.lastIndexOf('-');
  switch (r.int(malformed ? 8 : 6)) {
    case 0:
      return mutateDigitRun(s, r, 25);
    case 1:
      return s.slice(0, at) + r.pick(DPKG_EDITS) + s.slice(at);
    case 2: {
      const bare = s.replace(/^[0-9]+:/, '');
      return r.chance(0.3) ? bare : `${r.pick(EPOCHS)}:${bare}`;
    }
    case 3:
      return cut > 0 && r.chance(0.5)
        ? s.slice(0, cut)
        : `${s}-${r.pick(['0', '1', '1ubuntu1', '2+b1', '1~bpo1'])}`;
    case 4:
      return s.slice(0, at) + s.slice(at + 1);
    case 5:
      return s.endsWith('~') || r.chance(0.5) ? `${s}${r.pick(DPKG_EDITS)}` : `${s}~`;
    case 6:
      return s.slice(0, at) + r.pick(MALFORMED) + s.slice(at);
    default:
      return r.chance(0.5) ? `${r.pick(BAD_EPOCHS)}:${s}` : r.pick([` ${s}`, `${s}\t`, `-${s}`, `${s}-`]);
  }
}

/** Well-formed and plain: dpkg parses it without a warning, and any epoch is bare digits. */
export function wellFormed(s: string): boolean {
  const v = parseDpkg(s);
  return (
    v !== null && dpkgSyntaxWarning(v) === null && s.trim() === s && (!s.includes(':') || /^[0-9]+:/.test(s))
  );
}
