import type { Ordering } from './types.js';

/**
 * Exact integer comparison on ASCII digit runs, shared by every scheme (STYLE.md "Version
 * scheme"): strip leading zeros, then compare lengths, then compare lexicographically. No
 * `Number()` anywhere, so `9007199254740993` and `9007199254740992` stay distinct (2^53 + 1
 * and 2^53 collapse to the same double).
 */

/** Strip leading zeros from a digit run, keeping one zero for zero itself ("000" → "0"). */
export function stripLeadingZeros(digits: string): string {
  let i = 0;
  while (i < digits.length - 1 && digits.charCodeAt(i) === 48) i++;
  return i === 0 ? digits : digits.slice(i);
}

/** Compare two ASCII digit runs as exact non-negative integers. */
export function compareDigits(a: string, b: string): Ordering {
  const x = stripLeadingZeros(a);
  const y = stripLeadingZeros(b);
  if (x.length !== y.length) return x.length < y.length ? -1 : 1;
  return compareAscii(x, y);
}

/** Compare two strings by UTF-16 code unit (ASCII order for ASCII input), as Go's and Python's `<` do. */
export function compareAscii(a: string, b: string): Ordering {
  return a === b ? 0 : a < b ? -1 : 1;
}

/** True when `s` is a non-empty run of ASCII digits 0-9. */
export function isDigits(s: string): boolean {
  return /^[0-9]+$/.test(s);
}

/** ASCII `0`–`9` (the C locale's isdigit, which every native comparator here uses). */
export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** ASCII letters (the C locale's isalpha): rpmvercmp and dpkg's verrevcmp never see others as letters. */
export function isAlpha(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}
