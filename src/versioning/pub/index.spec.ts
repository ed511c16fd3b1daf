import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readScalibrPairs, sweepPairs } from '../fixtures.test-helpers.js';
import { describeOrderLaws } from '../laws.test-helpers.js';
import { comparePub, dartTryParseInt, formatPub, parsePub, pub } from './index.js';

const cmp = (a: string, b: string) => comparePub(parsePub(a)!, parsePub(b)!);

// pub-versions.txt copies semver-versions.txt (lenient scalibr parser) with the build lines
// changed. pub_semver's Version.parse rejects a `v` prefix, other than three components, and
// numbers above 2^63 - 1 (int.parse throws): readme.md "Known differences".
const V_PREFIXED = [
  'v0.0.0 > 0.0.0-foo',
  'v0.0.1 > 0.0.0',
  'v1.0.0 > 0.9.9',
  'v0.10.0 > 0.9.0',
  'v0.99.0 > 0.10.0',
  'v2.0.0 > 1.2.3',
  '0.0.0 > v0.0.0-foo',
  '0.0.1 > v0.0.0',
  '1.0.0 > v0.9.9',
  '0.10.0 > v0.9.0',
  '0.99.0 > v0.10.0',
  '2.0.0 > v1.2.3',
  '0.0.0-foo < v0.0.0',
  '0.0.0 < v0.0.1',
  '0.9.9 < v1.0.0',
  '0.9.0 < v0.10.0',
  '0.10.0 < v0.99.0',
  '1.2.3 < v2.0.0',
  'v0.0.0-foo < 0.0.0',
  'v0.0.0 < 0.0.1',
  'v0.9.9 < 1.0.0',
  'v0.9.0 < 0.10.0',
  'v0.10.0 < 0.99.0',
  'v1.2.3 < 2.0.0',
  '1.2.3 = v1.2.3',
  '1.2.3-0 = v1.2.3-0',
  '1.2.3-1 = v1.2.3-1',
  '1.2.3-beta = v1.2.3-beta',
  'v1.2.3+build < 1.2.3+otherbuild',
];
const BIG = '999999999999999999999999999991';
const TOP = '999999999999999999999999999999';
const NOT_PUB = [
  `${BIG} < ${TOP}`,
  `${BIG}.${BIG}.${BIG} < ${TOP}.${BIG}.${BIG}`, // above Dart's 64-bit int
  '1.1.3.4.5 = 1.1.3.4.5',
];
const KNOWN_DIVERGENT = [...V_PREFIXED, ...NOT_PUB];

describe('pub: osv-scalibr oracle fixtures', () => {
  const lines = readScalibrPairs('pub-versions.txt');
  const divergent = lines.filter((l) => KNOWN_DIVERGENT.includes(l.text));

  it('orders every line both ways, except the documented divergences', () => {
    expect(lines).toHaveLength(100);
    expect(
      sweepPairs(
        pub,
        lines.filter((l) => !divergent.includes(l)),
      ),
    ).toEqual([]);
  });

  it('diverges exactly on the listed lines, each with a side Version.parse rejects', () => {
    expect(divergent.map((l) => l.text)).toEqual(KNOWN_DIVERGENT);
    for (const l of divergent) expect(parsePub(l.a) === null || parsePub(l.b) === null, l.text).toBe(true);
  });

  it('agrees with every `v` line once the prefix is dropped', () => {
    const unv = (s: string) => s.replace(/^v/, '');
    const stripped = divergent
      .filter((l) => V_PREFIXED.includes(l.text))
      .map((l) => ({ ...l, a: unv(l.a), b: unv(l.b) }));
    expect(sweepPairs(pub, stripped)).toEqual([]);
  });
});

describe('pub: hand table', () => {
  // pub_semver test/version_test.dart, group 'comparison': "A correctly sorted list".
  const sorted = [
    '1.0.0-alpha',
    '1.0.0-alpha.1',
    '1.0.0-beta.2',
    '1.0.0-beta.11',
    '1.0.0-rc.1',
    '1.0.0-rc.1+build.1',
    '1.0.0',
    '1.0.0+0.3.7',
    '1.3.7+build',
    '1.3.7+build.2.b8f12d7',
    '1.3.7+build.11.e0f985a',
    '2.0.0',
    '2.1.0',
    '2.2.0',
    '2.11.0',
    '2.11.1',
  ];
  it("orders pub_semver's own sorted list, every pair", () => {
    for (let i = 0; i < sorted.length; i++) {
      for (let j = 0; j < sorted.length; j++) expect(cmp(sorted[i]!, sorted[j]!)).toBe(Math.sign(i - j) || 0);
    }
  });

  it.each([
    ['01.2.3', '=', '1.2.3'], // version_test.dart 'equality': leading zeros allowed
    ['1.02.3', '=', '1.2.3'],
    ['1.2.03', '=', '1.2.3'],
    ['1.2.3-01', '=', '1.2.3-1'],
    ['1.2.3+01', '=', '1.2.3+1'],
    ['1.0.0', '<', '1.0.0+build'], // "Builds always come after no build string"
    ['1.0.0-pre+b', '<', '1.0.0'], // pre-release decides before build
    ['1.2.3+10', '>', '1.2.3+9'], // build parts compared like pre-release: numerically
    ['1.2.3+a.1', '<', '1.2.3+a.1.0'], // missing parts come first
    ['1.2.3-0x10', '=', '1.2.3-16'], // int.tryParse reads a 0x prefix as hex
    ['1.2.3-0X1f', '=', '1.2.3-31'],
    ['1.2.3--1', '<', '1.2.3-0'], // ...and a leading '-' as a sign: -1 < 0
    ['1.2.3--0', '=', '1.2.3-0'],
    ['1.2.3-0xffffffffffffffff', '=', '1.2.3--1'], // hex up to 2^64 - 1 wraps to int64
    ['1.2.3-9223372036854775807', '<', '1.2.3-a'],
    ['1.2.3-9223372036854775808', '<', '1.2.3-a'], // above int64 it stays a string: '9' < 'a'
    ['1.2.3-9223372036854775808', '>', '1.2.3-9223372036854775807'], // so it sorts after every number
    ['1.2.3-0x', '>', '1.2.3-99'], // "0x" alone is not a number
    ['9223372036854775807.0.0', '>', '9223372036854775806.0.0'],
  ] as const)('%s %s %s', (a, op, b) => {
    const expected = { '<': -1, '=': 0, '>': 1 }[op];
    expect(cmp(a, b)).toBe(expected);
    expect(cmp(b, a)).toBe(-expected || 0);
  });

  it.each([
    '1.0', // version_test.dart parse(): each of these throws FormatException
    '1.2.3.4',
    '1234',
    '-2.3.4',
    '1.3-pre',
    '1.3+build',
    '1.3+bu?!3ild',
    'v1.2.3',
    ' 1.2.3',
    '1.2.3-',
    '1.2.3+',
    '1.2.3-a..b',
    '1.2.3-ä',
    '１.2.3',
    '9223372036854775808.0.0', // int.parse overflows: "Could not parse"
    '0.0.99999999999999999999',
    '',
  ])('rejects %j', (s) => {
    expect(parsePub(s)).toBeNull();
  });

  it('formats as canonicalizedVersion', () => {
    // The example in Version.canonicalizedVersion's doc comment.
    expect(formatPub(parsePub('01.02.03-01.dev+pre.02')!)).toBe('1.2.3-1.dev+pre.2');
    expect(formatPub(parsePub('1.0.0-0x1F.-0+x')!)).toBe('1.0.0-31.0+x');
  });

  it('reads numbers like the Dart VM int.tryParse', () => {
    expect(dartTryParseInt('007')).toBe(7n);
    expect(dartTryParseInt('-9223372036854775808')).toBe(-(2n ** 63n));
    expect(dartTryParseInt('-9223372036854775809')).toBeUndefined();
    expect(dartTryParseInt('0x8000000000000000')).toBe(-(2n ** 63n));
    expect(dartTryParseInt('-0x8000000000000000')).toBe(-(2n ** 63n));
    expect(dartTryParseInt('-0x8000000000000001')).toBeUndefined();
    expect(dartTryParseInt('0x10000000000000000')).toBeUndefined();
    for (const s of ['', '-', '0x', '-0x', '00x1', '0xg', '1-2', 'x1', '1e3'])
      expect(dartTryParseInt(s), s).toBeUndefined();
  });
});

const part = fc.oneof(
  fc.constantFrom('alpha', 'beta', 'rc', 'build', 'x-y', 'Foo', '5-foo', 'a1', '9a', '-'),
  fc.constantFrom('0', '1', '01', '10', '0x1F', '-1', '-0', '9223372036854775807', '99999999999999999999'),
  fc.integer({ min: 0, max: 1000 }).map(String),
);
const number = fc.oneof(
  fc.constantFrom('0', '1', '2', '10', '007', '9223372036854775807'),
  fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }).map(String),
);
const pubVersion = fc
  .tuple(
    number,
    number,
    number,
    fc.option(fc.array(part, { minLength: 1, maxLength: 3 }), { nil: undefined }),
    fc.option(fc.array(part, { minLength: 1, maxLength: 3 }), { nil: undefined }),
  )
  .map(
    ([a, b, c, pre, build]) =>
      `${a}.${b}.${c}${pre ? `-${pre.join('.')}` : ''}${build ? `+${build.join('.')}` : ''}`,
  );

describeOrderLaws(pub, pubVersion, formatPub);
