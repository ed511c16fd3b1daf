import { compareAscii, compareDigits, isDigit } from '../digits.js';
import type { Ordering, VersionScheme } from '../types.js';

/**
 * Strict SemVer 2.0.0 (https://semver.org/spec/v2.0.0.html): the grammar of its §2, §9 and
 * §10 (the "Backus–Naur Form Grammar for Valid SemVer Versions") and the precedence of its §11,
 * as OSV's `SEMVER` range type specifies it. Cargo's `semver` crate (crates.io) and Elixir's
 * `Version.compare` (Hex) implement the same precedence (readme.md says where they differ). No
 * `v` prefix, no leading zeros, no shorthands; numbers of any size, compared exactly as digit
 * runs (../digits.ts).
 */

/** A parsed SemVer 2.0.0 version; numbers as digit strings, identifiers as written. */
export interface SemverVersion {
  readonly major: string;
  readonly minor: string;
  readonly patch: string;
  /** Dot-separated prerelease identifiers (§9); empty for a release. */
  readonly prerelease: readonly string[];
  /** `prerelease[i]` is a numeric identifier (digits only), computed once at parse time. */
  readonly numeric: readonly boolean[];
  /** Build metadata identifiers (§10); kept by formatSemver, ignored by compareSemver. */
  readonly build: readonly string[];
}

const DOT = 46;
const HYPHEN = 45;
const PLUS = 43;

// §9/§10: identifiers are [0-9A-Za-z-]; the BNF's <identifier character>.
function isIdentCode(c: number): boolean {
  return isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === HYPHEN;
}

/**
 * Parse with the semver.org BNF; null for anything it does not derive. A single left-to-right
 * scan (no regex), so the cost is linear in the input whatever it holds.
 */
export function parseSemver(version: string): SemverVersion | null {
  const end = version.length;
  const nums: string[] = [];
  let i = 0;
  // <version core> ::= <major> "." <minor> "." <patch>; each a <numeric identifier>:
  // "0" or a positive digit followed by digits (§2: no leading zeros).
  for (let k = 0; k < 3; k++) {
    if (k > 0) {
      if (version.charCodeAt(i) !== DOT) return null;
      i++;
    }
    const start = i;
    while (i < end && isDigit(version.charCodeAt(i))) i++;
    if (i === start || (i - start > 1 && version.charCodeAt(start) === 48)) return null;
    nums.push(version.slice(start, i));
  }
  const prerelease: string[] = [];
  const numeric: boolean[] = [];
  const build: string[] = [];
  if (version.charCodeAt(i) === HYPHEN) {
    i = scanIdentifiers(version, i + 1, prerelease, numeric);
    if (i < 0) return null;
  }
  if (version.charCodeAt(i) === PLUS) {
    i = scanIdentifiers(version, i + 1, build, null);
    if (i < 0) return null;
  }
  if (i !== end) return null;
  const [major = '', minor = '', patch = ''] = nums;
  return { major, minor, patch, prerelease, numeric, build };
}

// Dot-separated non-empty identifiers from `i` up to `+` or the end; returns the index after
// them or -1. With `numeric` (prerelease, §9) an all-digit identifier may not start with 0
// unless it is "0"; build identifiers (§10, numeric === null) may.
function scanIdentifiers(s: string, i: number, out: string[], numeric: boolean[] | null): number {
  const end = s.length;
  for (;;) {
    const start = i;
    let digitsOnly = true;
    while (i < end) {
      const c = s.charCodeAt(i);
      if (!isIdentCode(c)) break;
      if (!isDigit(c)) digitsOnly = false;
      i++;
    }
    if (i === start) return -1;
    if (numeric !== null) {
      if (digitsOnly && i - start > 1 && s.charCodeAt(start) === 48) return -1;
      numeric.push(digitsOnly);
    }
    out.push(s.slice(start, i));
    if (i === end || s.charCodeAt(i) !== DOT) return i;
    i++;
  }
}

/**
 * §11 precedence: major, minor, patch numerically (§11.2); a prerelease ranks below its release
 * (§11.3); prerelease identifiers left to right (§11.4). Build metadata is ignored (§10).
 */
export function compareSemver(a: SemverVersion, b: SemverVersion): Ordering {
  return (
    compareDigits(a.major, b.major) ||
    compareDigits(a.minor, b.minor) ||
    compareDigits(a.patch, b.patch) ||
    comparePrerelease(a, b)
  );
}

function comparePrerelease(a: SemverVersion, b: SemverVersion): Ordering {
  const x = a.prerelease;
  const y = b.prerelease;
  // §11.3: "a pre-release version has lower precedence than a normal version".
  if (x.length === 0 || y.length === 0) return x.length === y.length ? 0 : x.length === 0 ? 1 : -1;
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const p = x[i]!;
    const q = y[i]!;
    if (p === q) continue;
    const pn = a.numeric[i]!;
    const qn = b.numeric[i]!;
    // §11.4.3: numeric identifiers have lower precedence than alphanumeric ones.
    if (pn !== qn) return pn ? -1 : 1;
    // §11.4.1: numerically (exact at any size); §11.4.2: lexically in ASCII order.
    return pn ? compareDigits(p, q) : compareAscii(p, q);
  }
  // §11.4.4: a larger set of fields wins when all preceding identifiers are equal.
  return x.length === y.length ? 0 : x.length < y.length ? -1 : 1;
}

/** The version as SemVer writes it (the grammar admits one spelling), build metadata kept. */
export function formatSemver(v: SemverVersion): string {
  const pre = v.prerelease.length > 0 ? `-${v.prerelease.join('.')}` : '';
  const build = v.build.length > 0 ? `+${v.build.join('.')}` : '';
  return `${v.major}.${v.minor}.${v.patch}${pre}${build}`;
}

/** The strict SemVer 2.0.0 scheme, registered in ../api.ts. */
export const semver = {
  id: 'semver',
  reference: 'semver.org 2.0.0 §11 (Cargo semver crate, Elixir Version)',
  parse: parseSemver,
  compare: compareSemver,
} as const satisfies VersionScheme<SemverVersion>;
