import { compareAscii, compareDigits, isDigit, stripLeadingZeros } from '../digits.js';
import type { Ordering, VersionScheme } from '../types.js';

/**
 * RubyGems versions with the order of Ruby's `Gem::Version#<=>` (rubygems/version.rb, checked
 * against RubyGems 3.3). A port of `correct?`, `initialize`, `canonical_segments` and `<=>`;
 * numbers stay digit strings and are compared exactly (../digits.ts), as Ruby's Integer does.
 */

/** A parsed gem version. */
export interface RubygemsVersion {
  /** `Gem::Version#to_s`: the input without surrounding whitespace, each `-` spelled `.pre.`. */
  readonly version: string;
  /**
   * `canonical_segments`: digit runs (leading zeros stripped) and letter runs; trailing zeros
   * dropped from the release part and from the prerelease part separately.
   */
  readonly segments: readonly string[];
}

// `correct?` matches /\A\s*(VERSION_PATTERN)?\s*\z/ and `initialize` then calls String#strip.
// Ruby's `\s` is ASCII-only: space, \t, \n, \v, \f, \r (Onigmo), the same set strip removes.
function isRubySpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * VERSION_PATTERN = '[0-9]+(?>\.[0-9a-zA-Z]+)*(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?', scanned
 * by hand (one pass, no backtracking): a first segment of digits only, then `.`-separated
 * non-empty alphanumeric segments; after the first `-`, segments may contain `-` as well.
 */
function matchesVersionPattern(s: string): boolean {
  if (s.length === 0 || !isDigit(s.charCodeAt(0))) return false;
  let firstSegment = true;
  let prerelease = false;
  let segmentLength = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 46 /* . */) {
      if (segmentLength === 0) return false;
      firstSegment = false;
      segmentLength = 0;
    } else if (c === 45 /* - */ && !prerelease) {
      if (segmentLength === 0) return false;
      prerelease = true;
      firstSegment = false;
      segmentLength = 0;
    } else if (isDigit(c) || c === 45 || (isLetter(c) && !firstSegment)) {
      segmentLength++;
    } else {
      return false;
    }
  }
  return segmentLength > 0;
}

/** Parse like `Gem::Version.new(s)`; null where `Gem::Version.correct?(s)` is false, and for blank strings. */
export function parseRubygems(input: string): RubygemsVersion | null {
  let start = 0;
  let end = input.length;
  while (start < end && isRubySpace(input.charCodeAt(start))) start++;
  while (end > start && isRubySpace(input.charCodeAt(end - 1))) end--;
  // A blank string is `correct?` and means "0" in Ruby; a blank version is a data error for a
  // matcher, so it is rejected here (readme.md "Known differences").
  const body = input.slice(start, end);
  if (!matchesVersionPattern(body)) return null;
  // initialize: @version = version.to_s.strip.gsub("-", ".pre.")
  const version = body.replaceAll('-', '.pre.');
  return { version, segments: canonicalSegments(version) };
}

// _segments: @version.scan(/[0-9]+|[a-z]+/i), digit runs as Integers; then canonical_segments:
// split at the first String segment and drop trailing zeros from each half
// (`reverse_each.drop_while { |s| s == 0 }`) before concatenating them again.
function canonicalSegments(version: string): string[] {
  const release: string[] = [];
  const pre: string[] = [];
  let i = 0;
  while (i < version.length) {
    const start = i;
    const digits = isDigit(version.charCodeAt(i));
    if (!digits && !isLetter(version.charCodeAt(i))) {
      i++;
      continue;
    }
    const sameRun = digits ? isDigit : isLetter;
    while (i < version.length && sameRun(version.charCodeAt(i))) i++;
    const run = version.slice(start, i);
    const target = pre.length > 0 || !digits ? pre : release;
    target.push(digits ? stripLeadingZeros(run) : run);
  }
  while (release.at(-1) === '0') release.pop();
  while (pre.at(-1) === '0') pre.pop();
  return release.concat(pre);
}

/** `Gem::Version#<=>`: segments left to right, missing ones are 0; a String sorts before any number. */
export function compareRubygems(a: RubygemsVersion, b: RubygemsVersion): Ordering {
  const x = a.segments;
  const y = b.segments;
  const n = Math.max(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const l = x[i] ?? '0';
    const r = y[i] ?? '0';
    if (l === r) continue; // digit runs are stored without leading zeros
    const ln = isDigit(l.charCodeAt(0));
    const rn = isDigit(r.charCodeAt(0));
    // `return -1 if String === lhs && Numeric === rhs` (and the mirror case).
    if (ln !== rn) return ln ? 1 : -1;
    // Integer#<=> for numbers; String#<=> (bytewise, so "Z" < "a") for letters.
    return ln ? compareDigits(l, r) : compareAscii(l, r);
  }
  return 0;
}

/** `Gem::Version#to_s`: stripped, with `-` spelled `.pre.` (`1.0-rc1` → `1.0.pre.rc1`). */
export function formatRubygems(v: RubygemsVersion): string {
  return v.version;
}

/** The RubyGems scheme. */
export const rubygems = {
  id: 'rubygems',
  reference: 'Ruby Gem::Version (rubygems/version.rb)',
  parse: parseRubygems,
  compare: compareRubygems,
} as const satisfies VersionScheme<RubygemsVersion>;
