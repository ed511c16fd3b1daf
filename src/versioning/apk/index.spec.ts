import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type PairLine,
  readFixture,
  readScalibrPairs,
  readVersCmpCases,
  sweepPairs,
  sweepVersCmpCases,
} from '../fixtures.test-helpers.js';
import { bigDigits, bigSign, describeOrderLaws } from '../laws.test-helpers.js';
import { apk, compareApk, formatApk, parseApk } from './index.js';

const cmp = (a: string, b: string) => compareApk(parseApk(a)!, parseApk(b)!);
const hand = readScalibrPairs('alpine-versions.txt');
const generated = readScalibrPairs('alpine-versions-generated.txt');
const vers = readVersCmpCases('package-url-vers-spec/alpine_version_cmp_test.json');
const list = (path: string) =>
  readFixture(path)
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('#'));

// Lines of osv-scalibr's hand-written alpine-versions.txt that compare strings parseApk rejects
// (readme.md "What parses"): invalid to every apk (`1.2.0A`, `1-ruff`, `1.2_blah`), or accepted
// only by apk 2.x's lenient tokenizer with an empty number (`1-r`, `0..8`, `.1`, `a`).
const REJECTED_SIDE = [2, 4, 5, 16, 17, 18, 19, 20, 21, 27, 28, 38, 40, 43, 44, 45, 47, 48, 50, 58, 59];
const REJECTED = [...REJECTED_SIDE, 62, 63, 64, 65, 66, 67, 72, 74];
// Lines that record apk-tools 3's answer, not apk 2.x's: apk 3 rejects `0.r1` and `0.8.21.r2`
// (an empty number after `.`) and sorts an invalid tail first. apk 2.x reads `.r` as an empty
// number then the letter, and a number outranks a letter (next_token order), so both are `>`.
const APK3_ANSWER: Readonly<Record<number, 1>> = { 15: 1, 24: 1 };

describe('apk: oracle fixtures', () => {
  it('orders every line of alpine-versions-generated.txt (apk version -t) both ways', () => {
    expect(generated.length).toBe(13_979);
    expect(sweepPairs(apk, generated)).toEqual([]);
  });

  it('orders every line of alpine-versions.txt both ways, except the documented ones', () => {
    expect(hand.length).toBe(778);
    const excluded = (l: PairLine) => REJECTED.includes(l.line) || Object.hasOwn(APK3_ANSWER, l.line);
    expect(
      sweepPairs(
        apk,
        hand.filter((l) => !excluded(l)),
      ),
    ).toEqual([]);
    const rejected = hand.filter((l) => REJECTED.includes(l.line));
    expect(rejected.map((l) => l.line)).toEqual(REJECTED);
    for (const l of rejected) expect(parseApk(l.a) === null || parseApk(l.b) === null, l.text).toBe(true);
    for (const l of hand.filter((x) => Object.hasOwn(APK3_ANSWER, x.line))) {
      expect(l.text).toMatch(/^0(\.8\.21)?\.r[12] < 0(\.8\.21)?r2$/);
      expect(cmp(l.a, l.b)).toBe(APK3_ANSWER[l.line]);
    }
  });

  it('passes every comparison and equality of vers-spec alpine_version_cmp_test.json', () => {
    expect(vers.length).toBe(716);
    expect(sweepVersCmpCases(apk, vers)).toEqual([]);
  });

  it('accepts every version of osv.dev alpine_valid_versions.txt', () => {
    const valid = list('google-osv.dev/alpine_valid_versions.txt');
    expect(valid.length).toBe(185);
    expect(valid.filter((v) => parseApk(v) === null)).toEqual([]);
  });

  it('rejects every version of osv.dev alpine_invalid_versions.txt', () => {
    const invalid = list('google-osv.dev/alpine_invalid_versions.txt');
    expect(invalid.length).toBe(11);
    expect(invalid.filter((v) => parseApk(v) !== null)).toEqual([]);
  });
});

describe('apk: hand table (traced through apk-tools 2.x src/version.c)', () => {
  it.each([
    ['1.2_alpha', '<', '1.2_beta'], // pre-release suffixes sort before the release …
    ['1.2_beta', '<', '1.2_pre'],
    ['1.2_pre', '<', '1.2_rc'],
    ['1.2_rc', '<', '1.2'],
    ['1.2', '<', '1.2_cvs'], // … post-release ones after it
    ['1.2_cvs', '<', '1.2_svn'],
    ['1.2_svn', '<', '1.2_git'],
    ['1.2_git', '<', '1.2_hg'],
    ['1.2_hg', '<', '1.2_p'],
    ['1.2_rc1', '<', '1.2_rc2'],
    ['1.2_rc', '<', '1.2_rc0'], // a suffix number outranks the end
    ['1.2_p1_rc1', '<', '1.2_p1'],
    ['1.2_pre1', '<', '1.2_p1'], // `_pre` is not `_p` + "re"
    ['1.2', '<', '1.2a'], // letter after the numbers
    ['1.2a', '<', '1.2b'],
    ['1.2z', '<', '1.2.1'], // a further number outranks a letter
    ['1.2_p1', '<', '1.2a'],
    ['1.2', '<', '1.2-r1'], // package release
    ['1.2-r1', '<', '1.2_p1'],
    ['1.2-r9', '<', '1.2-r10'],
    ['1.2-r99', '<', '1.2.0'],
    ['1.2-r01', '=', '1.2-r1'],
    ['01.2', '=', '1.2'], // the first number is numeric …
    ['1.05', '<', '1.5'], // … later ones with leading zeros count the zeros (apk 2.x)
    ['1.0', '>', '1.00'],
    ['1.02', '<', '1.010'],
    ['1.001', '<', '1.01'],
    ['1.0a', '<', '1.0.1'],
    ['1.0_rc1', '>', '1.0'], // apk 2.x quirk: a zero run ends the string early (readme.md) …
    ['1.0_rc1-r0', '<', '1.0-r0'], // … so with a release, as Alpine always has, rc sorts first
    ['1.1_rc1', '<', '1.1'],
    ['6.6.2p1', '>', '6.6.2_p1'], // letter + number (abuild#10088)
    ['6.6.2p1', '<', '6.6.2p2'],
    ['6.6.2p1-r0', '<', '6.6.2p1-r1'],
    ['0.8.21.r2', '>', '0.8.21.r1'], // secdb's `.rN`: an empty number, `r`, a number
    ['0.8.21.r2', '>', '0.8.21r2'],
    ['0.8.21.r2', '>', '0.8.21.0'], // the empty number is 0, the zero run -1
    ['0.8.21.r2', '<', '0.8.21.1'],
    ['1.9007199254740993', '>', '1.9007199254740992'], // exact beyond 2^53 (and 2^64)
    ['1-r18446744073709551617', '>', '1-r18446744073709551616'],
    ['1.0~abc', '>', '1.0'], // apk-tools 3 commit hashes: after suffixes, before -r
    ['1.0~abc', '>', '1.0-r5'],
    ['1.0~abc', '<', '1.0~abd'],
    ['1.0~ab', '<', '1.0~abc'],
    ['1.0~abc-r1', '>', '1.0~abc'],
    ['1.0_rc1~abc-r0', '<', '1.0-r0'],
  ] as const)('%s %s %s', (a, op, b) => {
    const expected = { '<': -1, '=': 0, '>': 1 }[op];
    expect(cmp(a, b)).toBe(expected);
    expect(cmp(b, a)).toBe(-expected || 0);
  });
});

describe('apk: invalid input', () => {
  it.each([
    ...['', ' 1.0', '1.0 ', 'v1.0', '.1', 'a', '1.', '1..2', '1.2.-r2', '2.15.r-r1', '1.r', '1.0A'],
    ...['1.0bc', '1a.2', '1_', '1_foo', '1_p1a', '1_rc.1', '1-r', '1-1', '1-r1-r2', '1-r1_p1', '1-r1a'],
    ...['1.0~', '1.0~ABC', '1.0~xyz', '1.0~ab_p1', '1.0~ab.1', '1.0-r1~ab', '1.0\u0000', '1.0é'],
  ])('rejects %j', (s) => {
    expect(parseApk(s)).toBeNull();
  });
});

// Realistic versions: every fixture string, recombined with suffixes, hashes, releases and
// digit runs of any size, so the laws see every token type next to every other.
const pool = [...new Set([...hand, ...generated].flatMap((l) => [l.a, l.b]))].filter(
  (s) => parseApk(s) !== null,
);
const suffix = fc.constantFrom(
  '',
  '_alpha',
  '_beta2',
  '_pre',
  '_rc1',
  '_cvs',
  '_svn',
  '_git20240101',
  '_hg',
  '_p3',
);
const version = fc.oneof(
  fc.constantFrom(...pool),
  fc
    .tuple(
      fc.array(fc.oneof(bigDigits(22), fc.constantFrom('0', '00', '01', '007')), {
        minLength: 1,
        maxLength: 4,
      }),
      fc.constantFrom('', 'a', 'p', 'z', 'p1', '.r2'),
      fc.array(suffix, { maxLength: 2 }),
      fc.constantFrom('', '~0', '~abc', '~abd', '~deadbeef'),
      fc.option(bigDigits(3)),
    )
    .map(
      ([nums, letter, sufs, hash, rel]) =>
        `${nums.join('.')}${letter}${sufs.join('')}${hash}${rel === null ? '' : `-r${rel}`}`,
    ),
);

describeOrderLaws(apk, version, formatApk);

describe('apk: numbers', () => {
  it('compares digit runs in every position exactly', () => {
    fc.assert(
      fc.property(bigDigits(), bigDigits(), (a, b) => {
        expect(cmp(a, b)).toBe(bigSign(a, b));
        expect(cmp(`1.${a}`, `1.${b}`)).toBe(
          a === '0' || b === '0' ? cmp(`1.${a}`, `1.${b}`) : bigSign(a, b),
        );
        expect(cmp(`1_rc${a}`, `1_rc${b}`)).toBe(bigSign(a, b));
        expect(cmp(`1-r${a}`, `1-r${b}`)).toBe(bigSign(a, b));
        expect(cmp(`1a${a}`, `1a${b}`)).toBe(bigSign(a, b));
      }),
    );
  });
});
