import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { VersionScheme } from './types.js';

/**
 * Property tests every scheme must pass (STYLE.md "Tests"): `compare` is a total order on
 * parsed values and the normal form survives a round trip through `parse`.
 */

/** A digit run of up to `maxLength` digits without leading zeros, often beyond 2^53. */
export function bigDigits(maxLength = 40): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom('0', '1', '2', '9', '10', '9007199254740991', '9007199254740992', '9007199254740993'),
    fc
      .tuple(fc.integer({ min: 1, max: 9 }), fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength }))
      .map(([head, tail]) => `${head}${tail}`),
  );
}

/** Exact sign of a - b for digit runs, computed with BigInt as the independent oracle. */
export function bigSign(a: string, b: string): -1 | 0 | 1 {
  const d = BigInt(a) - BigInt(b);
  return d === 0n ? 0 : d < 0n ? -1 : 1;
}

/** Register the order-law properties for `scheme` over strings from `versions` (all must parse). */
export function describeOrderLaws<V>(
  scheme: VersionScheme<V>,
  versions: fc.Arbitrary<string>,
  format: (v: V) => string,
): void {
  const parsed = versions.map((s) => {
    const v = scheme.parse(s);
    if (v === null)
      throw new Error(`generator produced an invalid ${scheme.id} version: ${JSON.stringify(s)}`);
    return v;
  });
  const runs = { numRuns: 500 };

  describe(`${scheme.id}: order laws (fast-check)`, () => {
    it('is reflexive', () => {
      fc.assert(
        fc.property(versions, (s) => {
          expect(scheme.compare(scheme.parse(s)!, scheme.parse(s)!)).toBe(0);
        }),
        runs,
      );
    });

    it('is antisymmetric: compare(a, b) = -compare(b, a)', () => {
      fc.assert(
        fc.property(parsed, parsed, (a, b) => {
          expect(scheme.compare(a, b) + scheme.compare(b, a)).toBe(0);
        }),
        runs,
      );
    });

    it('is transitive for < and =', () => {
      fc.assert(
        fc.property(parsed, parsed, parsed, (a, b, c) => {
          const ab = scheme.compare(a, b);
          const bc = scheme.compare(b, c);
          if (ab <= 0 && bc <= 0) expect(scheme.compare(a, c)).toBe(ab === 0 && bc === 0 ? 0 : -1);
          if (ab >= 0 && bc >= 0) expect(scheme.compare(a, c)).toBe(ab === 0 && bc === 0 ? 0 : 1);
        }),
        runs,
      );
    });

    it('round-trips the normal form: parse(format(v)) = v and format is idempotent', () => {
      fc.assert(
        fc.property(parsed, (v) => {
          const again = scheme.parse(format(v));
          expect(again).not.toBeNull();
          expect(scheme.compare(again!, v)).toBe(0);
          expect(format(again!)).toBe(format(v));
        }),
        runs,
      );
    });
  });
}
