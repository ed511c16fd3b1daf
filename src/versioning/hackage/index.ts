import type { Ordering, VersionScheme } from '../types.js';

/**
 * Hackage (Haskell) package versions with the order of Cabal's `Version` (Cabal-syntax
 * Distribution.Types.Version, the type cabal-install and hackage-server use): a non-empty list
 * of non-negative integers separated by dots, ordered as lists (`compare` on
 * `versionNumbers`), so `1.0 < 1.0.0` and `1.0.0 < 1.0.0.0` — trailing zeros are significant,
 * exactly as with base's Data.Version (`versionBranch`).
 */

/** A parsed Hackage version: its numbers (each below 10^9, so exact as JS numbers). */
export type HackageVersion = readonly number[];

const MAX_DIGITS = 9;

/**
 * Parse like Cabal-syntax's `Parsec Version` instance: `versionDigitParser` separated by `.`,
 * each "an integral without leading zeroes" of at most 9 digits ("At most 9 numbers are
 * allowed per version number part"). Deprecated `-tag` suffixes, which Cabal accepts with
 * a warning and drops, are rejected here: Hackage refuses them, and dropping them would make
 * `1.0-rc1` equal to `1.0` (readme.md "Known differences").
 */
export function parseHackage(version: string): HackageVersion | null {
  const parts: number[] = [];
  const end = version.length;
  let i = 0;
  for (;;) {
    const start = i;
    let value = 0;
    while (i < end) {
      const d = version.charCodeAt(i) - 48;
      if (d < 0 || d > 9) break;
      value = value * 10 + d;
      i++;
    }
    const digits = i - start;
    // "Version digit with leading zero" / at most 9 digits; 10^9 - 1 is exact in a double.
    if (digits === 0 || digits > MAX_DIGITS || (digits > 1 && version.charCodeAt(start) === 48)) return null;
    parts.push(value);
    if (i === end) return parts;
    if (version.charCodeAt(i) !== 46) return null;
    i++;
  }
}

/** `compare` on the number lists: first difference decides, a proper prefix sorts first. */
export function compareHackage(a: HackageVersion, b: HackageVersion): Ordering {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/** Cabal's `prettyShow`: the numbers joined by dots. */
export function formatHackage(v: HackageVersion): string {
  return v.join('.');
}

/** The Hackage scheme, registered in ../api.ts. */
export const hackage = {
  id: 'hackage',
  reference: 'Cabal-syntax Distribution.Types.Version',
  parse: parseHackage,
  compare: compareHackage,
} as const satisfies VersionScheme<HackageVersion>;
