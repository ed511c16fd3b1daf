import { compareDigits, isAlpha, isDigit, stripLeadingZeros } from '../digits.js';
import type { Ordering, VersionScheme } from '../types.js';

/**
 * Debian `[epoch:]upstream_version[-debian_revision]` strings (deb-version(7)) with the order of
 * dpkg itself: a port of dpkg 1.21 lib/dpkg/parsehelp.c `parseversion` and lib/dpkg/version.c
 * `dpkg_version_compare` / `verrevcmp`, the code behind `dpkg --compare-versions`. Used by
 * Debian, Ubuntu and Echo (and every other dpkg-based distribution).
 */

/** A parsed version, split like dpkg's `struct dpkg_version`. */
export interface DpkgVersion {
  /**
   * The epoch as decimal digits without sign or leading zeros (`01:` → "1"); null when the
   * string has none (dpkg reads 0). A matcher's missing-epoch strategy keys on the null.
   */
  readonly epoch: string | null;
  readonly upstream: string;
  /** After the last `-` of the version; null when there is none (dpkg reads ""). */
  readonly revision: string | null;
}

const PLAIN = /^[0-9A-Za-z.+~:-]+$/;
const TAB = 0x09;
const SPACE = 0x20;
const TILDE = 0x7e;
// lib/dpkg/parsehelp.c: `if (epoch > INT_MAX || errno == ERANGE)` "epoch in version is too big".
const INT_MAX = '2147483647';

// c_isblank: only space and tab are trimmed or count as "embedded spaces".
function isBlank(c: number): boolean {
  return c === SPACE || c === TAB;
}

/**
 * Split like `parseversion`, returning null exactly where it fails with an error (and
 * `dpkg --compare-versions` exits 2): empty or all-blank, embedded blanks, an epoch that is
 * empty, not a number, negative or above INT_MAX, nothing after the colon, an empty revision
 * (`1.0-`) or an empty upstream version (`-1`, `1:-1`). Leading and trailing blanks are trimmed.
 * Strings dpkg only *warns* about (upstream not starting with a digit, characters outside
 * deb-version(7)) parse, because dpkg still compares them: see dpkgSyntaxWarning. Also null:
 * a NUL or a lone UTF-16 surrogate, which no C string (argv, control file) can carry.
 */
export function parseDpkg(version: string): DpkgVersion | null {
  let start = 0;
  let end = version.length;
  // Nearly every real version is plain deb-version(7) characters: nothing to trim, no blanks,
  // no NUL or surrogates, so the character-by-character checks below can be skipped.
  const plain = PLAIN.test(version);
  if (!plain) {
    while (start < end && isBlank(version.charCodeAt(start))) start++;
    while (end > start && isBlank(version.charCodeAt(end - 1))) end--;
  }
  if (start === end) return null; // "version string is empty"
  for (let i = plain ? end : start; i < end; i++) {
    const c = version.charCodeAt(i);
    if (isBlank(c)) return null; // "version string has embedded spaces"
    if (c === 0 || (c >= 0xd800 && c <= 0xdfff && !wellFormedPair(version, i))) return null;
    if (c >= 0xd800 && c <= 0xdbff) i++;
  }
  let epoch: string | null = null;
  let rest = start;
  const colon = version.indexOf(':', start);
  if (colon !== -1 && colon < end) {
    // `strtol(string, &eepochcolon, 10)`: skips isspace (only \n \v \f \r can be left here),
    // takes a sign, then digits; they must end exactly at the first colon.
    let i = start;
    while (i < colon && isStrtolSpace(version.charCodeAt(i))) i++;
    const negative = version.charCodeAt(i) === 0x2d;
    if (negative || version.charCodeAt(i) === 0x2b) i++;
    const digitsStart = i;
    while (i < colon && isDigit(version.charCodeAt(i))) i++;
    if (i === digitsStart) return null; // "epoch in version is empty"
    if (i !== colon) return null; // "epoch in version is not number"
    const digits = stripLeadingZeros(version.slice(digitsStart, colon));
    if (negative && digits !== '0') return null; // "epoch in version is negative"
    if (compareDigits(digits, INT_MAX) > 0) return null; // "epoch in version is too big"
    if (colon + 1 === end) return null; // "nothing after colon in version number"
    epoch = digits;
    rest = colon + 1;
  }
  // `hyphen = strrchr(rversion->version, '-')`: the revision follows the last hyphen.
  const hyphen = version.lastIndexOf('-', end - 1);
  let revision: string | null = null;
  let upstreamEnd = end;
  if (hyphen >= rest) {
    if (hyphen + 1 === end) return null; // "revision number is empty"
    revision = version.slice(hyphen + 1, end);
    upstreamEnd = hyphen;
  }
  if (upstreamEnd === rest) return null; // "upstream version is empty"
  return { epoch, upstream: version.slice(rest, upstreamEnd), revision };
}

function isStrtolSpace(c: number): boolean {
  return c === SPACE || (c >= TAB && c <= 0x0d);
}

function wellFormedPair(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
}

/**
 * The warning dpkg prints for a version it still compares (parseversion's `dpkg_put_warn`),
 * or null for a well-formed deb-version(7) string. dpkg's strict parsers (dpkg-deb --build,
 * dpkg-source) turn these warnings into errors; `dpkg --compare-versions` and the status
 * database do not.
 */
export function dpkgSyntaxWarning(v: DpkgVersion): string | null {
  if (!isDigit(v.upstream.charCodeAt(0))) return 'version number does not start with digit';
  for (let i = 0; i < v.upstream.length; i++) {
    const c = v.upstream.charCodeAt(i);
    if (!isDigit(c) && !isAlpha(c) && !'.-+~:'.includes(v.upstream[i]!)) {
      return 'invalid character in version number';
    }
  }
  for (let i = 0; i < (v.revision ?? '').length; i++) {
    const c = v.revision!.charCodeAt(i);
    if (!isDigit(c) && !isAlpha(c) && !'.+~'.includes(v.revision![i]!)) {
      return 'invalid character in revision number';
    }
  }
  return null;
}

/** dpkg_version_compare: epoch numerically (absent = 0), then upstream and revision by verrevcmp. */
export function compareDpkg(a: DpkgVersion, b: DpkgVersion): Ordering {
  return (
    (a.epoch === b.epoch ? 0 : compareDigits(a.epoch ?? '0', b.epoch ?? '0')) ||
    verrevcmp(a.upstream, b.upstream) ||
    // A missing revision is "" to verrevcmp, so `1.0` = `1.0-0` (deb-version(7): "absence
    // of a revision is equivalent to a revision of 0").
    verrevcmp(a.revision ?? '', b.revision ?? '')
  );
}

/** True when the string carried an epoch (`0:1.0-1`), false when dpkg would assume 0. */
export function hasDpkgEpoch(v: DpkgVersion): boolean {
  return v.epoch !== null;
}

/** `[epoch:]upstream[-revision]`, the epoch without leading zeros, so parse(format(v)) = v. */
export function formatDpkg(v: DpkgVersion): string {
  return `${v.epoch === null ? '' : `${v.epoch}:`}${v.upstream}${v.revision === null ? '' : `-${v.revision}`}`;
}

/**
 * lib/dpkg/version.c `order`: digits and the end of the string weigh 0, letters their ASCII
 * code, `~` -1 (before the end: `1.0~rc1 < 1.0`), anything else `c + 256`. dpkg indexes bytes
 * as (signed, on amd64) `char`, so a UTF-8 byte 0x80-0xff weighs itself (128-255): above every
 * letter, below every ASCII punctuation mark. Comparing whole code points gives the same
 * answer as comparing their UTF-8 bytes one by one, with the same three bands.
 */
function order(cp: number): number {
  if (isDigit(cp) || cp === 0) return 0;
  if (isAlpha(cp)) return cp;
  if (cp === TILDE) return -1;
  return cp < 0x80 ? 0x200000 + cp : 0x100 + cp;
}

/**
 * lib/dpkg/version.c `verrevcmp` on one field, index-based so nothing is allocated: alternate
 * a non-digit run, compared character by character with `order`, and a digit run, compared as
 * an exact integer (leading zeros skipped, then the longer run wins, else the first differing
 * digit: ../digits.ts's rule, with no 2^53 limit).
 */
export function verrevcmp(a: string, b: string): Ordering {
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    let firstDiff = 0;
    while ((i < n && !isDigit(a.charCodeAt(i))) || (j < m && !isDigit(b.charCodeAt(j)))) {
      // charCodeAt is the fast path; only a high surrogate needs the whole code point.
      let ca = i < n ? a.charCodeAt(i) : 0;
      let cb = j < m ? b.charCodeAt(j) : 0;
      if (ca >= 0xd800 && ca <= 0xdbff) ca = a.codePointAt(i)!;
      if (cb >= 0xd800 && cb <= 0xdbff) cb = b.codePointAt(j)!;
      const ac = order(ca);
      const bc = order(cb);
      if (ac !== bc) return ac < bc ? -1 : 1;
      // Equal weights that are not 0 mean the same character on both sides.
      i += ca > 0xffff ? 2 : 1;
      j += cb > 0xffff ? 2 : 1;
    }
    while (i < n && a.charCodeAt(i) === 0x30) i++;
    while (j < m && b.charCodeAt(j) === 0x30) j++;
    while (i < n && j < m && isDigit(a.charCodeAt(i)) && isDigit(b.charCodeAt(j))) {
      if (firstDiff === 0) firstDiff = a.charCodeAt(i) - b.charCodeAt(j);
      i++;
      j++;
    }
    if (i < n && isDigit(a.charCodeAt(i))) return 1;
    if (j < m && isDigit(b.charCodeAt(j))) return -1;
    if (firstDiff !== 0) return firstDiff < 0 ? -1 : 1;
  }
  return 0;
}

/** The dpkg scheme, registered in ../api.ts. */
export const dpkg = {
  id: 'dpkg',
  reference: 'dpkg --compare-versions (lib/dpkg/version.c verrevcmp)',
  parse: parseDpkg,
  compare: compareDpkg,
} as const satisfies VersionScheme<DpkgVersion>;
