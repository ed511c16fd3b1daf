/**
 * An honest comparator for the vendor version strings of CSAF device products (CSAF 2.0 §3.1.2.2
 * `product_version` / `product_version_range` names such as `9.33`, `B.06.18`, `R4.1L1`, `V2.60`).
 * No registered scheme fits them (src/versioning has ecosystem schemes; `semver` rejects `9.33`),
 * so this one claims only what the strings show: digit runs compare as exact integers, letter
 * runs case-insensitively, and where the two versions disagree on the KIND of a segment (`2.4`
 * vs `2.4A`, `12` vs `R12`) there is no honest order: `compareGeneric` answers null, never a guess.
 */
import { compareAscii, compareDigits } from '../../versioning/digits.js';
import type { Ordering } from '../../versioning/types.js';

/** One run of a version: digits (`d`) or ASCII letters (`a`). */
export interface Segment {
  kind: 'd' | 'a';
  text: string;
}

/** A parsed generic version: its segments and the string as written. */
export interface GenericVersion {
  text: string;
  segments: readonly Segment[];
}

// Letters and digits, with `.`, `-` or `_` between runs. Anything else (spaces, `/`, `*`,
// parentheses, commas) means the string is a phrase or a date, not a version.
const SHAPE = /^[0-9A-Za-z]+(?:[._-][0-9A-Za-z]+)*$/;

/**
 * Parse a vendor version, or null. A leading `v`/`V` directly before a digit is a prefix, not a
 * segment (`V2.60` = `2.60`); at least one digit is required, so words (`all`, `K`) are rejected.
 */
export function parseGeneric(version: string): GenericVersion | null {
  const text = version.trim();
  const body = /^[vV][0-9]/.test(text) ? text.slice(1) : text;
  if (!SHAPE.test(body) || !/[0-9]/.test(body)) return null;
  // `12.x`, `5.x.x`: a lone x segment is a wildcard (a pattern, see version-spec.ts), not a version.
  if (/(^|[._-])[xX](?=$|[._-])/.test(body)) return null;
  const segments = [...body.matchAll(/[0-9]+|[A-Za-z]+/g)].map(
    (m): Segment => ({ kind: /[0-9]/.test(m[0]) ? 'd' : 'a', text: m[0] }),
  );
  return { text, segments };
}

/**
 * Order two parsed versions, or null when they are incomparable. Separators are not significant
 * (`1.0-1` = `1.0.1`); a missing digit segment is zero (`9.33` = `9.33.0` < `9.33.1`); a missing
 * segment against a letter run is incomparable (a suffix may be a pre-release or a patch).
 */
export function compareGeneric(a: GenericVersion, b: GenericVersion): Ordering | null {
  const n = Math.max(a.segments.length, b.segments.length);
  for (let i = 0; i < n; i++) {
    const x = a.segments[i];
    const y = b.segments[i];
    if (x === undefined || y === undefined) {
      // The shorter version reads as zeros: the first non-zero digit run decides; a letter run
      // met before that cannot be placed.
      for (const s of (x === undefined ? b : a).segments.slice(i)) {
        if (s.kind === 'a') return null;
        if (!/^0+$/.test(s.text)) return x === undefined ? -1 : 1;
      }
      return 0;
    }
    if (x.kind !== y.kind) return null;
    const c =
      x.kind === 'd'
        ? compareDigits(x.text, y.text)
        : compareAscii(x.text.toUpperCase(), y.text.toUpperCase());
    if (c !== 0) return c;
  }
  return 0;
}

/** Compare two version strings: the ordering, or null if either does not parse or they are incomparable. */
export function compareGenericText(a: string, b: string): Ordering | null {
  const x = parseGeneric(a);
  const y = parseGeneric(b);
  return x === null || y === null ? null : compareGeneric(x, y);
}
