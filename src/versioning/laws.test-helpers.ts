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

/** Seeded random choices for differential-test generators (mulberry32), so every run repeats. */
export interface Picker {
  /** An integer in [0, n). */
  int(n: number): number;
  pick<T>(xs: readonly T[]): T;
  chance(p: number): boolean;
}

/** A Picker over the mulberry32 PRNG seeded with `seed`. */
export function picker(seed: number): Picker {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  return { int, pick: (xs) => xs[int(xs.length)]!, chance: (p) => next() < p };
}

/**
 * `count` version pairs for a differential test against a native tool. Both sides are drawn
 * from `pool` (realistic strings, e.g. every version in the oracle fixtures) and usually passed
 * through `mutate`; in half of the pairs the right side is a mutation of the left, so that
 * long shared prefixes exercise the deep comparison paths.
 */
export function differentialPairs(
  pool: readonly string[],
  mutate: (s: string, r: Picker) => string,
  count: number,
  seed = 20_260_101,
): Array<readonly [string, string]> {
  const r = picker(seed);
  const pairs: Array<readonly [string, string]> = [];
  for (let i = 0; i < count; i++) {
    const a = r.chance(0.7) ? mutate(r.pick(pool), r) : r.pick(pool);
    const b = r.chance(0.5) ? mutate(a, r) : r.chance(0.5) ? mutate(r.pick(pool), r) : r.pick(pool);
    pairs.push(r.chance(0.5) ? [a, b] : [b, a]);
  }
  return pairs;
}

/** Replace one digit run of `s` (if any) with a nearby, zero-padded, zero or large number. */
export function mutateDigitRun(s: string, r: Picker, maxDigits = 30): string {
  const runs = [...s.matchAll(/[0-9]+/g)];
  if (runs.length === 0) return s;
  const m = r.pick(runs);
  const n = BigInt(m[0]);
  const big = `${1 + r.int(9)}${Array.from({ length: r.int(maxDigits) }, () => r.int(10)).join('')}`;
  const options = [`${n + 1n}`, `${n > 0n ? n - 1n : 0n}`, '0', `0${m[0]}`, big, `${r.int(20)}`];
  return s.slice(0, m.index) + r.pick(options) + s.slice(m.index + m[0].length);
}
