import { isAlpha, isDigit } from '../digits.js';
import type { Ordering, VersionScheme } from '../types.js';

/**
 * RPM `[epoch:]version[-release]` strings with the order of rpm itself (rpm 4.18, the reference
 * of python3-rpm's `rpm.labelCompare` and `rpm.ver`): a port of rpmio/rpmver.c `parseEVR` and
 * `rpmverCmp`, and of rpmio/rpmvercmp.c `rpmvercmp` for each field. Used by Red Hat, AlmaLinux,
 * Rocky Linux, SUSE/openSUSE, Amazon Linux, Oracle Linux, Photon OS, Mageia and openEuler.
 */

/** A parsed EVR: fields exactly as written; `epoch`/`release` are null when the string has none. */
export interface RpmVersion {
  /** ASCII digits, leading zeros kept (`01` sorts equal to `1`); null when absent. */
  readonly epoch: string | null;
  readonly version: string;
  readonly release: string | null;
}

const COLON = 0x3a;
const TILDE = 0x7e;
const CARET = 0x5e;

// rpmstring.h risalpha: ASCII letters only, whatever the locale; every other byte (UTF-8
// included) is a separator to rpmvercmp.

/**
 * Parse like rpmverParse/parseEVR: a leading run of ASCII digits followed by `:` is the epoch;
 * otherwise there is no epoch and any `:` stays in the version (`a:1`, as rpm reads it). The
 * release follows the last `-`. Returns null for the empty string and a NUL (rpm's C strings
 * end there), for an empty epoch (`:1`; rpm would read epoch "0") and for an empty version
 * (`1:`, `-1`; rpmverNew refuses an empty version).
 */
export function parseRpm(evr: string): RpmVersion | null {
  if (evr === '' || evr.includes('\0')) return null;
  // parseEVR: `while (*s && risdigit(*s)) s++;` then `if (*s == ':')` the digits are the epoch.
  let s = 0;
  while (s < evr.length && isDigit(evr.charCodeAt(s))) s++;
  let epoch: string | null = null;
  let start = 0;
  if (evr.charCodeAt(s) === COLON) {
    if (s === 0) return null;
    epoch = evr.slice(0, s);
    start = s + 1;
  }
  // parseEVR: `se = strrchr(s, '-')`; the epoch digits hold no `-`, so this is the last `-`.
  const dash = evr.lastIndexOf('-');
  const version = evr.slice(start, dash < 0 ? evr.length : dash);
  if (version === '') return null;
  return { epoch, version, release: dash < 0 ? null : evr.slice(dash + 1) };
}

/** rpmverCmp (= python `rpm.labelCompare`): epoch (absent = "0"), version, then release; each by rpmvercmp. */
export function compareRpm(a: RpmVersion, b: RpmVersion): Ordering {
  return (
    rpmvercmp(a.epoch ?? '0', b.epoch ?? '0') ||
    rpmvercmp(a.version, b.version) ||
    // rpmver.c compare_values: a missing release sorts before any release, even an empty one.
    (a.release === null || b.release === null
      ? a.release === b.release
        ? 0
        : a.release === null
          ? -1
          : 1
      : rpmvercmp(a.release, b.release))
  );
}

/** True when the EVR carried an explicit epoch (`0:1.0-1`), false when rpm would assume 0 (`1.0-1`). */
export function hasRpmEpoch(v: RpmVersion): boolean {
  return v.epoch !== null;
}

/** rpmverEVR: `[E:]V[-R]` with the fields as written, so parse(format(v)) = v. */
export function formatRpm(v: RpmVersion): string {
  return `${v.epoch === null ? '' : `${v.epoch}:`}${v.version}${v.release === null ? '' : `-${v.release}`}`;
}

/**
 * rpmio/rpmvercmp.c on one field, index-based so nothing is allocated. Segments are maximal
 * runs of ASCII digits or letters; other characters separate them, except `~` (sorts before
 * anything, even the end) and `^` (sorts after the end, before anything else). A digit
 * segment beats a letter segment; digit runs compare as exact integers (leading zeros
 * stripped, then length, then digits, the rule of ../digits.ts), letter runs by strcmp.
 */
export function rpmvercmp(a: string, b: string): Ordering {
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    while (i < n && isSeparator(a.charCodeAt(i))) i++;
    while (j < m && isSeparator(b.charCodeAt(j))) j++;
    const ca = i < n ? a.charCodeAt(i) : 0;
    const cb = j < m ? b.charCodeAt(j) : 0;
    // "handle the tilde separator, it sorts before everything else"
    if (ca === TILDE || cb === TILDE) {
      if (ca !== TILDE) return 1;
      if (cb !== TILDE) return -1;
      i++;
      j++;
      continue;
    }
    // caret: like tilde, "except that if one of the strings ends (base version), the other is
    // considered as higher version"
    if (ca === CARET || cb === CARET) {
      if (i === n) return -1;
      if (j === m) return 1;
      if (ca !== CARET) return 1;
      if (cb !== CARET) return -1;
      i++;
      j++;
      continue;
    }
    // "If we ran to the end of either, we are finished with the loop"
    if (i === n || j === m) break;
    // "grab first completely alpha or completely numeric segment" (the type is a's)
    const isNum = isDigit(ca);
    const inSegment = isNum ? isDigit : isAlpha;
    let ie = i + 1;
    while (ie < n && inSegment(a.charCodeAt(ie))) ie++;
    let je = j;
    while (je < m && inSegment(b.charCodeAt(je))) je++;
    // "numeric segments are always newer than alpha segments"
    if (je === j) return isNum ? 1 : -1;
    if (isNum) {
      // "throw away any leading zeros"; "whichever number has more digits wins"
      while (i < ie && a.charCodeAt(i) === 0x30) i++;
      while (j < je && b.charCodeAt(j) === 0x30) j++;
      if (ie - i !== je - j) return ie - i > je - j ? 1 : -1;
    }
    const rc = strcmpRange(a, i, ie, b, j, je);
    if (rc !== 0) return rc;
    i = ie;
    j = je;
  }
  // "whichever version still has characters left over wins"
  if (i >= n && j >= m) return 0;
  return i >= n ? -1 : 1;
}

function isSeparator(c: number): boolean {
  return !isDigit(c) && !isAlpha(c) && c !== TILDE && c !== CARET;
}

// strcmp over a[i, ie) and b[j, je): first differing code unit, else the shorter run is less.
function strcmpRange(a: string, i: number, ie: number, b: string, j: number, je: number): Ordering {
  for (; i < ie && j < je; i++, j++) {
    const d = a.charCodeAt(i) - b.charCodeAt(j);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return i < ie ? 1 : j < je ? -1 : 0;
}

/** The RPM scheme, registered in ../api.ts. */
export const rpm = {
  id: 'rpm',
  reference: 'rpm rpmvercmp / rpmverCmp (python3-rpm rpm.labelCompare)',
  parse: parseRpm,
  compare: compareRpm,
} as const satisfies VersionScheme<RpmVersion>;
