import { isDigit } from '../digits.js';
import type { Ordering, VersionScheme } from '../types.js';

/**
 * Alpine package versions with the order of apk-tools 2.x (2.10–2.14, the `apk` of Alpine's
 * releases through 3.22; its `apk version -t` produced the oracle fixtures): a port
 * of src/version.c `get_token`, `next_token` and `apk_version_compare_blob`. Used by Alpine,
 * Wolfi, Chainguard, MinimOS, Alpaquita and BellSoft Hardened Containers. Grammar
 * (apk-package(5)): `number{.number}...{letter}{_suffix{number}}...{~hash}{-r#}`.
 */

// src/version.c `enum PARTS`, in its order (the order decides the tail of a comparison). The
// commit-hash token comes from apk-tools 3, which sorts it between SUFFIX_NO and REVISION_NO.
const DIGIT_OR_ZERO = 0; // a number after `.`
const DIGIT = 1;
const LETTER = 2;
const SUFFIX = 3;
const SUFFIX_NO = 4;
const COMMIT_HASH = 5;
const REVISION_NO = 6;
const END = 7;

/** One token as apk-tools reads it: the state it was read in (`enum PARTS`), and its value. */
export interface ApkToken {
  readonly type: number;
  /** Which value applies: `small`, or the digit run / hash at `text[start, end)`. */
  readonly kind: 'number' | 'small' | 'hash';
  /** Letter code, suffix rank (`alpha` -4 … `rc` -1, `cvs` 0 … `p` 4) or minus a zero run's length. */
  readonly small: number;
  readonly start: number;
  readonly end: number;
}

/** A valid apk version: its text (the normal form) and its apk-tools tokens. */
export interface ApkVersion {
  readonly text: string;
  readonly tokens: readonly ApkToken[];
}

// get_token: pre-release suffixes are checked first (so `_pre` is not `_p` + "re").
const SUFFIXES: ReadonlyArray<readonly [string, number]> = [
  ['alpha', -4],
  ['beta', -3],
  ['pre', -2],
  ['rc', -1],
  ['cvs', 0],
  ['svn', 1],
  ['git', 2],
  ['hg', 3],
  ['p', 4],
];

const isLower = (c: number): boolean => c >= 0x61 && c <= 0x7a;
const isHex = (c: number): boolean => isDigit(c) || (c >= 0x61 && c <= 0x66);

function suffixAt(s: string, i: number): readonly [string, number] | undefined {
  return SUFFIXES.find(([name]) => s.startsWith(name, i));
}

/**
 * Parse a version apk-tools accepts, or null. The language is apk-package(5)'s grammar plus two
 * spellings of Alpine's security data that apk 2.x's `apk_version_validate` accepts (apk 3
 * does not): a number after the letter (`6.6.2p1`, abuild#10088) and the letter after a dot
 * when a number follows (`0.8.21.r2`). Everything else apk 2.x's lenient tokenizer lets
 * through — an empty first number (`.1`, `a`), an empty number after `.` (`1.18.-r2`, `0..1`),
 * `_` or `-r` without a suffix or number (`1_`, `1-r`), a second `-r` — is rejected, as
 * apk-tools 3, abuild and osv.dev's Alpine converter reject it.
 */
export function parseApk(version: string): ApkVersion | null {
  return grammatical(version) ? { text: version, tokens: tokenize(version) } : null;
}

// number{.number}...{[.]letter{number}}{_suffix{number}}...{~hash}{-r number}, by index.
function grammatical(s: string): boolean {
  const n = s.length;
  const digits = (i: number): number => {
    while (i < n && isDigit(s.charCodeAt(i))) i++;
    return i;
  };
  let i = digits(0);
  if (i === 0) return false;
  while (s.charCodeAt(i) === 0x2e && isDigit(s.charCodeAt(i + 1))) i = digits(i + 1);
  // `0.8.21.r2`: a letter after a dot, then a number (osv.dev's secdb grammar, `[-.]r\d+`);
  // apk 2.x reads an empty number before the letter.
  if (s.charCodeAt(i) === 0x2e && isLower(s.charCodeAt(i + 1)) && isDigit(s.charCodeAt(i + 2))) i++;
  if (i < n && isLower(s.charCodeAt(i))) i = digits(i + 1);
  while (s.charCodeAt(i) === 0x5f) {
    const suffix = suffixAt(s, i + 1);
    if (suffix === undefined) return false;
    i = digits(i + 1 + suffix[0].length);
  }
  if (s.charCodeAt(i) === 0x7e) {
    const start = ++i;
    while (i < n && isHex(s.charCodeAt(i))) i++;
    if (i === start) return false;
  }
  if (s.startsWith('-r', i)) {
    const j = digits(i + 2);
    if (j === i + 2) return false;
    i = j;
  }
  return i === n;
}

/**
 * src/version.c `get_token` + `next_token` over a grammatical string (so no TOKEN_INVALID).
 * After `.`, a run of zeros is one token worth minus its length (`1.0` > `1.00`, `1.05` <
 * `1.5`), and the digits after it are a separate DIGIT token — apk 2.x's rule, kept as is.
 */
function tokenize(s: string): ApkToken[] {
  const tokens: ApkToken[] = [];
  let type = DIGIT;
  let i = 0;
  while (type !== END) {
    const start = i;
    let next = -1;
    if (type === DIGIT_OR_ZERO && s.charCodeAt(i) === 0x30) {
      while (s.charCodeAt(i) === 0x30) i++; // "Leading zero digits get a special treatment"
      tokens.push({ type, small: start - i, start, end: start, kind: 'small' });
      next = DIGIT;
    } else if (type === LETTER) {
      tokens.push({ type, small: s.charCodeAt(i++), start, end: start, kind: 'small' });
    } else if (type === SUFFIX) {
      const [name, rank] = suffixAt(s, i)!;
      i += name.length;
      tokens.push({ type, small: rank, start, end: start, kind: 'small' });
    } else if (type === COMMIT_HASH) {
      while (i < s.length && isHex(s.charCodeAt(i))) i++;
      tokens.push({ type, small: 0, start, end: i, kind: 'hash' });
    } else {
      while (i < s.length && isDigit(s.charCodeAt(i))) i++;
      tokens.push({ type, small: 0, start, end: i, kind: 'number' });
    }
    if (i === s.length) type = END;
    else if (next !== -1) type = next;
    else [type, i] = nextToken(type, s, i);
  }
  return tokens;
}

// next_token: the state for what starts at s[i], and where its value starts.
function nextToken(type: number, s: string, i: number): [number, number] {
  const c = s.charCodeAt(i);
  if ((type === DIGIT || type === DIGIT_OR_ZERO) && isLower(c)) return [LETTER, i];
  if (type === LETTER && isDigit(c)) return [DIGIT, i];
  if (type === SUFFIX && isDigit(c)) return [SUFFIX_NO, i];
  if (c === 0x2e) return [DIGIT_OR_ZERO, i + 1];
  if (c === 0x5f) return [SUFFIX, i + 1];
  if (c === 0x7e) return [COMMIT_HASH, i + 1];
  return [REVISION_NO, i + 2]; // `-r`: the grammar leaves nothing else
}

/**
 * apk_version_compare_blob: walk both token lists while the token types agree, comparing values;
 * at the first type mismatch, a pre-release suffix (`_alpha` … `_rc`) sorts first, otherwise
 * the side whose next token comes later in `enum PARTS` (END last) is the smaller.
 */
export function compareApk(a: ApkVersion, b: ApkVersion): Ordering {
  if (a.text === b.text) return 0;
  for (let k = 0; ; k++) {
    const ta = a.tokens[k];
    const tb = b.tokens[k];
    const at = ta?.type ?? END;
    const bt = tb?.type ?? END;
    if (at !== bt || at === END) {
      if (at === bt) return 0; // both ended
      if (at === SUFFIX && ta!.small < 0) return -1;
      if (bt === SUFFIX && tb!.small < 0) return 1;
      return at > bt ? -1 : 1;
    }
    const r = compareValues(a.text, ta!, b.text, tb!);
    if (r !== 0) return r;
  }
}

// Token values of one type. Numbers are exact at any length (apk 2.x reads them into an int,
// apk 3 into a uint64; both agree with this below 2^31). A zero run's negative length only
// meets numbers, which are never negative. Hashes compare like apk_blob_sort.
function compareValues(x: string, ta: ApkToken, y: string, tb: ApkToken): Ordering {
  if (ta.kind === 'number' && tb.kind === 'number') return compareNumbers(x, ta, y, tb);
  if (ta.kind === 'hash') return compareBytes(x, ta.start, ta.end, y, tb.start, tb.end);
  const u = ta.kind === 'small' ? ta.small : 0;
  const v = tb.kind === 'small' ? tb.small : 0;
  if (ta.kind !== tb.kind) return ta.kind === 'small' ? -1 : 1;
  return u === v ? 0 : u < v ? -1 : 1;
}

// apk_blob_sort: memcmp over the shorter length, then the shorter sorts first.
function compareBytes(x: string, i: number, ie: number, y: string, j: number, je: number): Ordering {
  for (; i < ie && j < je; i++, j++) {
    const d = x.charCodeAt(i) - y.charCodeAt(j);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return i < ie ? 1 : j < je ? -1 : 0;
}

// An empty run reads as 0 (`v = 0` before the digit loop); leading zeros are skipped, then the
// longer run wins, else the first differing digit (../digits.ts's rule, without slicing).
function compareNumbers(x: string, ta: ApkToken, y: string, tb: ApkToken): Ordering {
  let i = ta.start;
  let j = tb.start;
  while (i < ta.end && x.charCodeAt(i) === 0x30) i++;
  while (j < tb.end && y.charCodeAt(j) === 0x30) j++;
  if (ta.end - i !== tb.end - j) return ta.end - i < tb.end - j ? -1 : 1;
  for (; i < ta.end; i++, j++) {
    const d = x.charCodeAt(i) - y.charCodeAt(j);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

/** The version text: apk compares the string as written, so it is its own normal form. */
export function formatApk(v: ApkVersion): string {
  return v.text;
}

/** The apk scheme, registered in ../api.ts. */
export const apk = {
  id: 'apk',
  reference: 'apk-tools 2.x apk version -t (src/version.c apk_version_compare)',
  parse: parseApk,
  compare: compareApk,
} as const satisfies VersionScheme<ApkVersion>;
