import type { Ordering, VersionScheme } from '../types.js';

/**
 * CRAN package versions with the order of R's `utils::compareVersion` and the validity of
 * `base::package_version` (checked against R 4.2). "A sequence of at least two non-negative
 * integers separated by single `.` or `-` characters" (Writing R Extensions §1.1.1).
 */

/** A parsed CRAN version: its integer components, as R's package_version holds them. */
export interface CranVersion {
  readonly components: readonly number[];
}

// R stores each component with as.integer(); beyond .Machine$integer.max (2^31 − 1) that gives
// NA ("NAs introduced by coercion to integer range") and compareVersion stops with an error. So
// every valid component fits a double exactly and is compared as a number.
const INTEGER_MAX = 2_147_483_647;

/**
 * Parse like `package_version(s)`: the regexp `^([[:digit:]]+[.-]){1,}[[:digit:]]+$` (ASCII
 * digits, at least two components, no empty ones, no whitespace), components ≤ 2^31 − 1;
 * null where R rejects the string.
 */
export function parseCran(input: string): CranVersion | null {
  const components: number[] = [];
  let value = 0;
  let digits = 0; // significant digits of the current component (leading zeros skipped)
  let empty = true;
  for (let i = 0; i <= input.length; i++) {
    const c = i < input.length ? input.charCodeAt(i) : -1;
    if (c >= 48 && c <= 57) {
      empty = false;
      if (digits > 0 || c !== 48) digits++;
      if (digits > 10) return null; // above 2^31 − 1 whatever the digits
      value = value * 10 + (c - 48);
    } else if (c === 46 || c === 45 || c === -1) {
      // `.` or `-` (strsplit(x, "[.-]")) or the end: close one non-empty component.
      if (empty || value > INTEGER_MAX) return null;
      components.push(value);
      value = 0;
      digits = 0;
      empty = true;
    } else {
      return null;
    }
  }
  return components.length >= 2 ? { components } : null;
}

/**
 * `compareVersion(a, b)`: components compared numerically left to right; when one runs out the
 * longer version is greater, so `1.8 < 1.8.0` (unlike `package_version`'s `==`, see readme.md).
 */
export function compareCran(a: CranVersion, b: CranVersion): Ordering {
  const x = a.components;
  const y = b.components;
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const l = x[i]!;
    const r = y[i]!;
    if (l !== r) return l < r ? -1 : 1;
  }
  return x.length === y.length ? 0 : x.length < y.length ? -1 : 1;
}

/** R's `format(package_version(s))`: components joined by `.` (`01.2-3` → `1.2.3`). */
export function formatCran(v: CranVersion): string {
  return v.components.join('.');
}

/** The CRAN scheme. */
export const cran = {
  id: 'cran',
  reference: 'R utils::compareVersion (validity: base::package_version)',
  parse: parseCran,
  compare: compareCran,
} as const satisfies VersionScheme<CranVersion>;
