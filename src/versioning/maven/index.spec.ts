import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  readScalibrPairs,
  readVersCmpCases,
  sweepPairs,
  sweepVersCmpCases,
} from '../fixtures.test-helpers.js';
import { bigDigits, bigSign, describeOrderLaws } from '../laws.test-helpers.js';
import type { Ordering } from '../types.js';
import { compareMaven, formatMaven, maven, parseMaven } from './index.js';
import { mavenOracleAvailable, mavenPair, mavenVersion, runMavenOracle } from './oracle.test-helpers.js';

const cmp = (a: string, b: string) => compareMaven(parseMaven(a)!, parseMaven(b)!);

const scalibr = [
  ...readScalibrPairs('maven-versions.txt'),
  ...readScalibrPairs('maven-versions-generated.txt'),
];
const fixtureVersions = [...new Set(scalibr.flatMap((l) => [l.a, l.b]))].sort();

// Fixture lines that are not maven-artifact 3.8.7's answer, with the jar's answer (readme.md
// "Known differences"). The first is hand-written from the POM reference's prose ("trailing
// null values are trimmed at each hyphen"), which ComparableVersion never implemented
// (MRESOLVER-334, maven-site PR #707). The rest were generated with maven-artifact 3.8.6,
// before MNG-7644 made a qualifier after `.` open a sub-list like `-` does (`1.0.0.RC1` <
// `1.0.0-RC2`; a dotted qualifier now sorts below a hyphenated number).
const KNOWN_DIVERGENT: Readonly<Record<string, Ordering>> = {
  '1-1 = 1-ga-1': 1,
  '1.0.0-RC16 < 1.0.0.RC8-beta': 1,
  '1.0.0-gradle-rework-beta3 < 1.0.0.RC7-3': 1,
  '2.9.0-1 < 2.9.0.RC1': 1,
  '6.1.12.rc5 < 6.1.12rc1': 1,
  '1.1.31.sec10 < 1.1.31_noneautotype': 1,
  '1.1.34.sec10 < 1.1.34_noneautotype': 1,
  '1.1.46.sec10 < 1.1.46_noneautotype': 1,
  '1.2.8.sec10_noneautotype < 1.2.8_noneautotype': 1,
  '1.2.31.sec10 < 1.2.31_noneautotype': 1,
  '1.2.48.sec10 < 1.2.48_noneautotype': 1,
  '1.2.50.sec10 < 1.2.50_noneautotype': 1,
  '1.2.54.sec10 < 1.2.54_noneautotype': 1,
  '1.2.57.sec10 < 1.2.57_noneautotype': 1,
  '1.2.60.sec10 < 1.2.60_noneautotype': 1,
  '1.2.67.sec10 < 1.2.67_noneautotype': 1,
  '1.0.0rc0 < 1.0.beta8': 1,
  '1.5.9.RC1 < 1.5.9-RC0': 1,
  '1.1.0-01-glassfish < 1.1.0.Beta1': 1,
};

// vers-spec comparison tests (by index) that encode the pre-MNG-7644 order, with the jar's
// compare(a, b): `2.0.a` and `2.0.0.a` are equal since MNG-7644 ("previously ordered, now
// equals" in Maven's ComparableVersionTest), and both read as `2-a` < `2-1`.
const VERS_FILE = 'package-url-vers-spec/maven_version_cmp_test.json';
const versCases = readVersCmpCases(VERS_FILE);
const VERS_DIVERGENT: Readonly<Record<number, Ordering>> = { 170: 1, 171: 1, 193: 0, 470: 1, 471: 1, 493: 0 };

describe('maven: osv-scalibr oracle fixtures', () => {
  it('orders every line both ways, except the documented divergences', () => {
    expect(scalibr.length).toBeGreaterThan(14_800);
    expect(
      sweepPairs(
        maven,
        scalibr.filter((l) => !Object.hasOwn(KNOWN_DIVERGENT, l.text)),
      ),
    ).toEqual([]);
  });

  it('answers the divergent lines as maven-artifact 3.8.7 does', () => {
    const divergent = scalibr.filter((l) => Object.hasOwn(KNOWN_DIVERGENT, l.text));
    expect(divergent.map((l) => l.text).sort()).toEqual(Object.keys(KNOWN_DIVERGENT).sort());
    for (const l of divergent) expect(cmp(l.a, l.b), l.text).toBe(KNOWN_DIVERGENT[l.text]);
  });
});

describe('maven: vers-spec fixtures', () => {
  it(`${VERS_FILE}: every comparison and equality, except the documented divergences`, () => {
    expect(versCases).toHaveLength(977);
    expect(
      sweepVersCmpCases(
        maven,
        versCases.filter((c) => !Object.hasOwn(VERS_DIVERGENT, c.index)),
      ),
    ).toEqual([]);
    const divergent = versCases.filter((c) => Object.hasOwn(VERS_DIVERGENT, c.index));
    expect(divergent.map((c) => `${c.a} ${c.relation} ${c.b}`)).toEqual([
      ...['2-1 < 2.0.a', '2-1 < 2.0.0.a', '2.0.a < 2.0.0.a'],
      ...['2-1 < 2.0.a', '2-1 < 2.0.0.a', '2.0.a < 2.0.0.a'],
    ]);
    for (const c of divergent) expect(cmp(c.a, c.b)).toBe(VERS_DIVERGENT[c.index]);
  });
});

describe('maven: hand table (each row checked against maven-artifact 3.8.7)', () => {
  it.each([
    ['1', '=', '1.0.0'], // trailing nulls trimmed (ListItem.normalize)
    ['1', '=', '1-0'],
    ['1.0.0-0.0.0', '=', '1'],
    ['0', '=', 'ga'],
    ['1ga', '=', '1'], // aliases: ga = final = release = ""
    ['1.0.final', '=', '1'],
    ['1-RELEASE', '=', '1'],
    ['1cr', '=', '1-rc'], // cr = rc
    ['1a1', '=', '1-alpha-1'], // a/b/m shorthands only when a digit follows
    ['1m3', '=', '1-MILESTONE-3'],
    ['1-a', '>', '1-alpha'], // `a` alone is an unknown qualifier
    ['1-alpha', '<', '1-beta'], // alpha < beta < milestone < rc < snapshot < "" < sp
    ['1-milestone', '<', '1-rc'],
    ['1-rc', '<', '1-SNAPSHOT'],
    ['1-SNAPSHOT', '<', '1'],
    ['1', '<', '1-sp'],
    ['1-sp', '<', '1-abc'], // unknown qualifiers after known ones, lexically
    ['1-abc', '<', '1-abd'],
    ['1-sp', '<', '1-1'], // qualifier < sub-list < number
    ['1-1', '<', '1.1'],
    ['1.0.RC1', '<', '1.0-RC2'], // MNG-7644: `.X` reads as `-X`
    ['2.0.a', '=', '2.0.0.a'],
    ['1.0.0.RC1', '<', '1.0.0-1'],
    ['1-ga-1', '<', '1-1'], // not the POM reference's `1-ga-1 = 1-1`
    ['1-sp-1', '<', '1-ga-1'],
    ['1--1', '=', '1-ga-1'], // an empty item is 0
    ['1.0000000000.1', '>', '1.5.1'], // ten zeros: a LongItem, and Long > Int whatever the value
    ['1.999999999.1', '<', '1.1000000000.1'],
    ['9223372036854775808', '>', '9223372036854775807'], // BigIntegerItem
    ['1.٣', '=', '1.3'], // Character.isDigit accepts Unicode Nd digits
    ['1.٠٠٠٠٠٠٠٠٠٠١', '>', '1.2'], // Arabic-Indic zeros are not stripped: a LongItem
    ['1.0-ALPHA1', '=', '1.0-alpha1'], // case-insensitive
    ['6.1.0rc3', '<', '6.1H.5-beta'], // MNG-5568
    ['1.7', '>', '1.K'],
    ['1.α', '>', '1.b'],
  ] as const)('%j %s %j', (a, op, b) => {
    const expected = { '<': -1, '=': 0, '>': 1 }[op];
    expect(cmp(a, b)).toBe(expected);
    expect(cmp(b, a)).toBe(-expected || 0);
  });

  it('accepts every non-empty string, as ComparableVersion does, and rejects only ""', () => {
    for (const s of [' ', '-', '.', 'abc', '1..2', '\u0000', '💥', 'v1.2.3'])
      expect(parseMaven(s), s).not.toBeNull();
    expect(parseMaven('')).toBeNull();
  });

  it('walks deeply nested versions without recursion, and round-trips every fixture version', () => {
    const deep = `${'1-'.repeat(50_000)}2`;
    expect(cmp(deep, `${'1-'.repeat(50_000)}3`)).toBe(-1);
    expect(cmp(deep, '1-1')).toBe(1);
    expect(formatMaven(parseMaven(deep)!)).toBe(deep);
    for (const s of fixtureVersions) {
      const f = formatMaven(parseMaven(s)!);
      expect([cmp(f, s), formatMaven(parseMaven(f)!)], s).toEqual([0, f]);
    }
  });

  it.each([
    ['1.0.0', '1'],
    ['1.0-alpha-1', '1-alpha-1'],
    ['a1', 'alpha-1'],
    ['1-ga-1', '1--1'], // getCanonical says `1-1`, which is a different version (MNG-7700)
    ['1.2.alpha.0', '1.2.alpha.0'],
    ['1.0.RELEASE', '1'],
    ['0', '0'],
  ])('formats %j as %j', (s, expected) => {
    expect(formatMaven(parseMaven(s)!)).toBe(expected);
  });
});

describeOrderLaws(maven, mavenVersion(fixtureVersions), formatMaven);

describe('maven: numbers', () => {
  it('compares digit runs exactly (no 2^53 limit)', () => {
    fc.assert(
      fc.property(bigDigits(), bigDigits(), (a, b) => {
        expect(cmp(a, b)).toBe(bigSign(a, b));
        expect(cmp(`1.${a}-SNAPSHOT`, `1.${b}-SNAPSHOT`)).toBe(bigSign(a, b));
        expect(cmp(`1-rc${a}`, `1-rc-00${b}`)).toBe(bigSign(a, b));
      }),
    );
  });
});

describe.skipIf(!mavenOracleAvailable)('maven: differential against maven-artifact (java)', () => {
  it('agrees with ComparableVersion on 6,000 generated pairs; departs from the fixtures as documented', () => {
    const generated = fc.sample(mavenPair(fixtureVersions), { numRuns: 6000, seed: 0x4d766e });
    const fixturePairs = scalibr.map((l) => [l.a, l.b] as const);
    const versPairs = versCases.map((c) => [c.a, c.b] as const);
    const { version, answers } = runMavenOracle([...generated, ...fixturePairs, ...versPairs]);
    expect(version, 'the port and KNOWN_DIVERGENT follow maven-artifact 3.8.7').toBe('3.8.7');
    expect(answers).toHaveLength(generated.length + fixturePairs.length + versPairs.length);
    const mismatches = generated.flatMap(([a, b], k) => {
      const ours = cmp(a, b);
      return ours === answers[k] ? [] : [`${JSON.stringify([a, b])}: ours ${ours}, java ${answers[k]}`];
    });
    expect(mismatches).toEqual([]);
    // The jar departs from the fixtures exactly on KNOWN_DIVERGENT, with the recorded answers.
    const jarDivergent = Object.fromEntries(
      scalibr.flatMap((l, k) => {
        const jar = answers[generated.length + k]!;
        return jar === l.expected ? [] : [[l.text, jar]];
      }),
    );
    expect(jarDivergent).toEqual(KNOWN_DIVERGENT);
    const versOffset = generated.length + fixturePairs.length;
    const jarVersDivergent = Object.fromEntries(
      versCases.flatMap((c, k) => {
        const jar = answers[versOffset + k]!;
        const ok = c.relation === '<' ? jar === -1 : c.relation === '=' ? jar === 0 : jar !== 0;
        return ok ? [] : [[c.index, jar]];
      }),
    );
    expect(jarVersDivergent).toEqual(VERS_DIVERGENT);
    // Every outcome occurs, and pairs reach numbers of every Java class and Unicode digits.
    expect(new Set(answers.slice(0, generated.length))).toEqual(new Set([-1, 0, 1]));
    for (const piece of ['0000000000', '9223372036854775808', '٣', 'ΑΩ', 'release'])
      expect(
        generated.some(([a, b]) => a.includes(piece) && b.includes(piece)),
        piece,
      ).toBe(true);
  });
});
