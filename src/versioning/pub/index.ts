import { compareAscii, compareDigits, stripLeadingZeros } from '../digits.js';
import type { Ordering, VersionScheme } from '../types.js';

/**
 * Dart pub versions with the order of pub_semver's `Version.compareTo` (dart-lang/pub_semver
 * lib/src/version.dart), the library the `pub` tool and pub.dev use. SemVer 2.0.0 with pub's own
 * rules: build metadata IS compared (a version with a build sorts after the same without), and
 * numbers are Dart `int`s, parsed by `int.parse`/`int.tryParse` — leading zeros allowed, 64-bit.
 */

/** A pre-release or build part: a Dart `int` (as bigint) where `int.tryParse` succeeds, else the text. */
export type PubPart = bigint | string;

/** A parsed pub version; numbers as digit strings without leading zeros. */
export interface PubVersion {
  readonly major: string;
  readonly minor: string;
  readonly patch: string;
  readonly preRelease: readonly PubPart[];
  readonly build: readonly PubPart[];
}

const INT64_MAX = (1n << 63n) - 1n;
const INT64_MAX_DIGITS = INT64_MAX.toString();

// lib/src/patterns.dart `completeVersion`: ^(\d+)\.(\d+)\.(\d+)(-PARTS)?(\+PARTS)?$ with
// PARTS = [0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*. Dart's RegExp `\d` is ASCII-only. The identifier
// groups cannot overlap (`.` and `+` are not in the class), so matching is linear.
const COMPLETE_VERSION =
  /^([0-9]+)\.([0-9]+)\.([0-9]+)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;

/** Parse like `Version.parse`; null where it throws FormatException. */
export function parsePub(version: string): PubVersion | null {
  const m = COMPLETE_VERSION.exec(version);
  if (!m) return null;
  // Version.parse: `int.parse(match[1])` etc. On the VM a decimal above 2^63 - 1 throws, and
  // Version.parse rethrows it as "Could not parse".
  const nums = [m[1], m[2], m[3]].map((d) => stripLeadingZeros(d ?? ''));
  if (nums.some((d) => d.length > 19 || (d.length === 19 && d > INT64_MAX_DIGITS))) return null;
  const [major = '', minor = '', patch = ''] = nums;
  return { major, minor, patch, preRelease: splitParts(m[4]), build: splitParts(m[5]) };
}

// Version._splitParts: `text.split('.').map((part) => int.tryParse(part) ?? part)`.
function splitParts(text: string | undefined): PubPart[] {
  return text === undefined ? [] : text.split('.').map((part) => dartTryParseInt(part) ?? part);
}

/**
 * Dart VM `int.tryParse(source)` (sdk/lib/_internal/vm/lib/integers_patch.dart `_parse`), for
 * the characters a part can hold ([0-9A-Za-z-]): an optional sign, then decimal digits or
 * `0x`/`0X` and hex digits. Decimals must fit a signed 64-bit int; a positive hex literal may
 * reach 2^64 - 1 and wraps to the signed value (documented for int.parse), a negative one must
 * not pass -2^63. Anything else is null: the part then stays a string.
 */
export function dartTryParseInt(source: string): bigint | undefined {
  let i = 0;
  const sign = source.charCodeAt(0);
  const negative = sign === 45;
  if (negative || sign === 43) i = 1;
  const body = source.slice(i);
  if (body === '') return undefined;
  if (body.length > 2 && body.charCodeAt(0) === 48 && (body.charCodeAt(1) | 0x20) === 120) {
    const hex = body.slice(2);
    if (!/^[0-9A-Fa-f]+$/.test(hex)) return undefined;
    const magnitude = BigInt(`0x${hex}`);
    if (negative) return magnitude <= INT64_MAX + 1n ? -magnitude : undefined;
    return magnitude < 1n << 64n ? BigInt.asIntN(64, magnitude) : undefined;
  }
  if (!/^[0-9]+$/.test(body)) return undefined;
  const value = negative ? -BigInt(body) : BigInt(body);
  return value > INT64_MAX || value < -INT64_MAX - 1n ? undefined : value;
}

/** `Version.compareTo`: numbers, then pre-release, then build (pub_semver's addition). */
export function comparePub(a: PubVersion, b: PubVersion): Ordering {
  const main =
    compareDigits(a.major, b.major) || compareDigits(a.minor, b.minor) || compareDigits(a.patch, b.patch);
  if (main !== 0) return main;
  // "Pre-releases always come before no pre-release string."
  const ap = a.preRelease.length > 0;
  const bp = b.preRelease.length > 0;
  if (ap !== bp) return ap ? -1 : 1;
  const pre = compareLists(a.preRelease, b.preRelease);
  if (pre !== 0) return pre;
  // "Builds always come after no build string."
  const ab = a.build.length > 0;
  const bb = b.build.length > 0;
  if (ab !== bb) return ab ? 1 : -1;
  return compareLists(a.build, b.build);
}

// Version._compareLists: part by part; a missing part comes before a present one; numbers
// before strings; numbers by value, strings by String.compareTo (UTF-16 code units).
function compareLists(a: readonly PubPart[], b: readonly PubPart[]): Ordering {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue; // bigint and string `===` compare by value, like Dart's `==` here
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (typeof x === 'bigint') return typeof y === 'bigint' ? (x < y ? -1 : 1) : -1;
    if (typeof y === 'bigint') return 1;
    return compareAscii(x, y);
  }
  return 0;
}

/** `Version.canonicalizedVersion`: numbers without leading zeros, numeric parts as Dart prints them. */
export function formatPub(v: PubVersion): string {
  const pre = v.preRelease.length > 0 ? `-${v.preRelease.join('.')}` : '';
  const build = v.build.length > 0 ? `+${v.build.join('.')}` : '';
  return `${v.major}.${v.minor}.${v.patch}${pre}${build}`;
}

/** The Dart pub scheme, registered in ../api.ts. */
export const pub = {
  id: 'pub',
  reference: 'dart-lang/pub_semver Version.compareTo',
  parse: parsePub,
  compare: comparePub,
} as const satisfies VersionScheme<PubVersion>;
