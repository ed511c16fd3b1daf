import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readScalibrPairs, sweepPairs } from '../fixtures.test-helpers.js';
import { describeOrderLaws } from '../laws.test-helpers.js';
import { compareHackage, formatHackage, hackage, parseHackage } from './index.js';

const cmp = (a: string, b: string) => compareHackage(parseHackage(a)!, parseHackage(b)!);

describe('hackage: osv-scalibr oracle fixtures', () => {
  it('orders every line both ways', () => {
    const lines = readScalibrPairs('hackage-versions.txt');
    expect(lines).toHaveLength(11);
    expect(sweepPairs(hackage, lines)).toEqual([]);
  });
});

describe('hackage: hand table', () => {
  it.each([
    ['2.1', '>', '2.0'], // Cabal's Version haddock: "2.1 > 2.0, 1.2.3 > 1.2.2"
    ['1.2.3', '>', '1.2.2'],
    ['1.0', '<', '1.0.0'], // list order: a proper prefix sorts first, so zeros count
    ['1', '<', '1.0'],
    ['1.0.0', '<', '1.0.0.0'],
    ['1.0.0.0', '<', '1.0.1'],
    ['0', '<', '0.0'],
    ['1.10', '>', '1.9'], // numerically, not as strings
    ['1.9.9.9.9', '<', '1.10'],
    ['999999999', '>', '99999999.9'], // the largest part Cabal allows (9 digits)
    ['65535.0', '>', '65534.65535'], // past Cabal's packed PV0 range (0xfffe), same list order
    ['1.2.3.4.5.6', '=', '1.2.3.4.5.6'],
    ['0.1.0.0', '=', '0.1.0.0'],
  ] as const)('%s %s %s', (a, op, b) => {
    const expected = { '<': -1, '=': 0, '>': 1 }[op];
    expect(cmp(a, b)).toBe(expected);
    expect(cmp(b, a)).toBe(-expected || 0);
  });

  it.each([
    '',
    '01', // "Version digit with leading zero"
    '1.02',
    '1.00',
    '1234567890', // "At most 9 numbers are allowed per version number part"
    '1.0000000000',
    '1.',
    '.1',
    '1..2',
    '1.0-rc1', // deprecated tags: Cabal warns and drops them, Hackage refuses them
    '1.0-',
    'v1.0',
    '-1',
    '1.-1',
    '1.0 ',
    ' 1.0',
    '1,0',
    '1e3',
    '1.0+build',
    '１.0', // fullwidth digit
  ])('rejects %j', (s) => {
    expect(parseHackage(s)).toBeNull();
  });

  it('parses the numbers and formats them like prettyShow', () => {
    expect(parseHackage('0.1.26.0')).toEqual([0, 1, 26, 0]);
    expect(parseHackage('999999999')).toEqual([999_999_999]);
    expect(formatHackage(parseHackage('1.0.0.10')!)).toBe('1.0.0.10');
  });
});

const part = fc.oneof(
  fc.constantFrom(0, 1, 2, 9, 10, 65534, 65535, 999_999_999),
  fc.integer({ min: 0, max: 999_999_999 }),
);
const hackageVersion = fc.array(part, { minLength: 1, maxLength: 6 }).map((ns) => ns.join('.'));

describeOrderLaws(hackage, hackageVersion, formatHackage);

describe('hackage: list order', () => {
  it('equals lexicographic order of the number lists (shorter prefix first)', () => {
    const lists = fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(lists, lists, (a, b) => {
        const i = a.findIndex((x, k) => x !== b[k]);
        const expected =
          i === -1 ? (a.length === b.length ? 0 : -1) : i >= b.length ? 1 : a[i]! < b[i]! ? -1 : 1;
        expect(cmp(a.join('.'), b.join('.'))).toBe(expected);
      }),
    );
  });
});
