import { compareDigits, isDigit, stripLeadingZeros } from '../digits.js';
import type { Ordering, VersionScheme } from '../types.js';

/**
 * Packagist (Composer) versions with the order of PHP's `version_compare` after stripping a
 * leading `v`/`V`, which is how OSV's Packagist data is ordered: osv-scalibr's fixtures are
 * generated with `version_compare(ltrim($a, "vV"), ltrim($b, "vV"))` and OSV.dev's
 * PackagistVersion ports the same C code (php-src ext/standard/versioning.c).
 */

/** A parsed Packagist version: PHP's canonical segments and the weight of each. */
export interface PackagistVersion {
  /** Digit runs (leading zeros stripped) and letter runs, in order. */
  readonly segments: readonly string[];
  /** Per segment: NUMBER for a digit run, else the special-form order of compare_special_version_forms. */
  readonly weights: readonly number[];
}

// compare_special_version_forms: "any string not found" (-1) < dev < alpha = a < beta = b <
// RC = rc < "#" < pl = p. A number compares as the form "#N#", i.e. like "#" (order 4).
const UNKNOWN = -1;
const NUMBER = 4;

/** The special-form order of a letter segment: PHP matches the listed names as prefixes (strncmp). */
export function specialFormOrder(segment: string): number {
  if (segment.startsWith('dev')) return 0;
  const c = segment.charAt(0);
  if (c === 'a') return 1; // "alpha", "a"
  if (c === 'b') return 2; // "beta", "b"
  if (segment.startsWith('RC') || segment.startsWith('rc')) return 3;
  if (c === 'p') return 5; // "pl", "p" — so "patch" and "pre" are after the release, as in PHP
  return UNKNOWN;
}

function isAlnum(c: number): boolean {
  return isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isSeparator(c: number): boolean {
  return c === 46 || c === 45 || c === 95 || c === 43; // . - _ +
}

/**
 * Parse a Packagist version; null for strings PHP's version_compare cannot order consistently.
 * version_compare accepts any string, but a trailing separator (`1.0-`, canonical `1.0.`) makes it
 * order a version below itself, `#` is only special as a whole leading string, and other
 * characters become separators only in some positions; such strings are rejected here, so the
 * accepted ones are exactly ASCII letters, digits and `. - _ +`, starting and ending alphanumeric.
 */
export function parsePackagist(input: string): PackagistVersion | null {
  // The oracle strips every leading v/V: ltrim($v, "vV").
  let start = 0;
  while (start < input.length && (input[start] === 'v' || input[start] === 'V')) start++;
  const end = input.length;
  if (start === end || !isAlnum(input.charCodeAt(start)) || !isAlnum(input.charCodeAt(end - 1))) return null;
  const segments: string[] = [];
  const weights: number[] = [];
  // php_canonicalize_version: `-`, `_`, `+` and `.` become one `.` (runs collapse), and a `.` is
  // inserted at every digit/non-digit boundary; so the segments are maximal digit or letter runs.
  let i = start;
  while (i < end) {
    const c = input.charCodeAt(i);
    if (isSeparator(c)) {
      i++;
      continue;
    }
    if (!isAlnum(c)) return null;
    const from = i;
    const digits = isDigit(c);
    while (i < end && isAlnum(input.charCodeAt(i)) && isDigit(input.charCodeAt(i)) === digits) i++;
    const run = input.slice(from, i);
    segments.push(digits ? stripLeadingZeros(run) : run);
    weights.push(digits ? NUMBER : specialFormOrder(run));
  }
  return { segments, weights };
}

/**
 * php_version_compare on canonical segments: numbers numerically, letter segments by special-form
 * order, a number against a letter segment as "#". When one side runs out, the next segment of the
 * other decides: a number makes it greater, a letter segment compares its order with "#".
 */
export function comparePackagist(a: PackagistVersion, b: PackagistVersion): Ordering {
  const n = Math.min(a.weights.length, b.weights.length);
  for (let i = 0; i < n; i++) {
    const wa = a.weights[i]!;
    const wb = b.weights[i]!;
    if (wa !== wb) return wa < wb ? -1 : 1;
    if (wa === NUMBER) {
      // PHP parses with strtol, which saturates at 2^63 − 1; compared exactly here (readme.md).
      const c = compareDigits(a.segments[i]!, b.segments[i]!);
      if (c !== 0) return c;
    }
  }
  if (a.weights.length === b.weights.length) return 0;
  // The tail recursion `php_version_compare(p1, "#N#")`: no accepted segment has order 4, so the
  // first extra segment always decides.
  const longer = a.weights.length > b.weights.length ? a : b;
  const w = longer.weights[n]!;
  const sign = w >= NUMBER ? 1 : -1;
  return longer === a ? sign : sign === 1 ? -1 : 1;
}

/** PHP's canonical form without the `v`: segments joined by `.` (`v1.0.0-RC1` → `1.0.0.RC.1`). */
export function formatPackagist(v: PackagistVersion): string {
  return v.segments.join('.');
}

/** The Packagist scheme. */
export const packagist = {
  id: 'packagist',
  reference: "PHP version_compare (after ltrim($v, 'vV'))",
  parse: parsePackagist,
  compare: comparePackagist,
} as const satisfies VersionScheme<PackagistVersion>;
