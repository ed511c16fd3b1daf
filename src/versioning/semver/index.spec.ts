import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readScalibrPairs, sweepPairs } from '../fixtures.test-helpers.js';
import { bigDigits, bigSign, describeOrderLaws } from '../laws.test-helpers.js';
import { compareSemver, formatSemver, parseSemver, semver } from './index.js';

const cmp = (a: string, b: string) => compareSemver(parseSemver(a)!, parseSemver(b)!);

// osv-scalibr's semver-versions.txt serves its lenient "semver-like" parser (strips a `v`,
// pads missing components, folds extra ones into the build). These lines use strings the
// semver.org BNF does not derive, and neither do Cargo's semver crate nor Elixir's Version
// (readme.md "Known differences"): a `v` prefix, a single component, five components.
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
  'v1.2.3+build = 1.2.3+otherbuild',
];
const NOT_THREE_COMPONENTS = [
  '999999999999999999999999999991 < 999999999999999999999999999999',
  '1.1.3.4.5 = 1.1.3.4.5',
];
const KNOWN_DIVERGENT = [...V_PREFIXED, ...NOT_THREE_COMPONENTS];

describe('semver: osv-scalibr oracle fixtures', () => {
  const lines = readScalibrPairs('semver-versions.txt');
  const divergent = lines.filter((l) => KNOWN_DIVERGENT.includes(l.text));
  const unv = (s: string) => s.replace(/^v/, '');

  it('orders every line both ways, except the documented divergences', () => {
    expect(lines).toHaveLength(86);
    expect(
      sweepPairs(
        semver,
        lines.filter((l) => !divergent.includes(l)),
      ),
    ).toEqual([]);
  });

  it('diverges exactly on the listed lines, each with a side the SemVer grammar rejects', () => {
    expect(divergent.map((l) => l.text)).toEqual(KNOWN_DIVERGENT);
    for (const l of divergent)
      expect(parseSemver(l.a) === null || parseSemver(l.b) === null, l.text).toBe(true);
  });

  it('agrees with every `v` line once the prefix is dropped', () => {
    const stripped = divergent
      .filter((l) => V_PREFIXED.includes(l.text))
      .map((l) => ({ ...l, a: unv(l.a), b: unv(l.b) }));
    expect(sweepPairs(semver, stripped)).toEqual([]);
  });
});

describe('semver: hand table', () => {
  // semver.org §11.4 example chain, every pair both ways.
  const chain = [
    '1.0.0-alpha',
    '1.0.0-alpha.1',
    '1.0.0-alpha.beta',
    '1.0.0-beta',
    '1.0.0-beta.2',
    '1.0.0-beta.11',
    '1.0.0-rc.1',
    '1.0.0',
    '1.0.1',
    '1.1.0',
    '2.0.0', // §11.2: 1.0.0 < 2.0.0 < 2.1.0 < 2.1.1
    '2.1.0',
    '2.1.1',
  ];
  it('orders the semver.org §11 example chain', () => {
    for (let i = 0; i < chain.length; i++) {
      for (let j = 0; j < chain.length; j++) expect(cmp(chain[i]!, chain[j]!)).toBe(Math.sign(i - j) || 0);
    }
  });

  it.each([
    ['1.0.0+build.1', '=', '1.0.0+build.2'], // §10: build metadata does not figure into precedence
    ['1.0.0-rc.1+a', '=', '1.0.0-rc.1'],
    ['1.0.0-Beta', '<', '1.0.0-alpha'], // §11.4.2: ASCII order, upper case first
    ['1.0.0-rc.1', '>', '1.0.0-RC.1'],
    ['1.0.0-1', '<', '1.0.0--'], // §11.4.3: numeric < alphanumeric ('-' is alphanumeric)
    ['1.0.0-0a', '>', '1.0.0-999'], // digits then a letter: alphanumeric
    ['1.0.0-a-b', '>', '1.0.0-a.b'], // first identifiers decide: "a-b" > "a" in ASCII order
    ['1.0.0-2', '<', '1.0.0-10'], // §11.4.1: numerically, not as strings
    ['1.0.0-x.7.z.92', '<', '1.0.0-x.7.z.92.0'], // §11.4.4: longer list wins
    ['1.0.0-9007199254740993', '>', '1.0.0-9007199254740992'], // exact beyond 2^53
    ['18446744073709551616.0.0', '>', '18446744073709551615.0.0'], // beyond u64, exact
    ['0.0.0-0', '<', '0.0.0'], // the least version there is
    ['1.0.0+001', '=', '1.0.0'], // §10: build identifiers may have leading zeros
  ] as const)('%s %s %s', (a, op, b) => {
    const expected = { '<': -1, '=': 0, '>': 1 }[op];
    expect(cmp(a, b)).toBe(expected);
    expect(cmp(b, a)).toBe(-expected || 0);
  });

  it.each([
    'v1.2.3', // the BNF has no prefix; OSV SEMVER ranges carry none
    'V1.2.3',
    '=1.2.3',
    ' 1.2.3',
    '1.2.3 ',
    '1.2',
    '1',
    '1.2.3.4',
    '01.2.3', // §2: no leading zeros
    '1.02.3',
    '1.2.03',
    '1.2.3-01', // §9: numeric identifiers must not include leading zeros
    '1.2.3-0.01',
    '1.2.3-',
    '1.2.3+',
    '1.2.3-+b',
    '1.2.3-a..b', // §9: identifiers must not be empty
    '1.2.3-a.',
    '1.2.3+a..b',
    '1.2.3+a+b',
    '1.2.3-ä',
    '1.2.3_1',
    '１.2.3', // fullwidth digit: the BNF's digits are ASCII
    '-1.2.3',
    '1.-2.3',
    '',
    '..',
  ])('rejects %j', (s) => {
    expect(parseSemver(s)).toBeNull();
  });

  // semver.org FAQ "Is there a suggested regular expression (RegEx) to check a SemVer
  // string?": the valid and invalid examples published with the official regex.
  const FAQ_VALID = `0.0.4 1.2.3 10.20.30 1.1.2-prerelease+meta 1.1.2+meta 1.1.2+meta-valid 1.0.0-alpha
    1.0.0-beta 1.0.0-alpha.beta 1.0.0-alpha.beta.1 1.0.0-alpha.1 1.0.0-alpha0.valid 1.0.0-alpha.0valid
    1.0.0-alpha-a.b-c-somethinglong+build.1-aef.1-its-okay 1.0.0-rc.1+build.1 2.0.0-rc.1+build.123
    1.2.3-beta 10.2.3-DEV-SNAPSHOT 1.2.3-SNAPSHOT-123 1.0.0 2.0.0 1.1.7 2.0.0+build.1848 2.0.1-alpha.1227
    1.0.0-alpha+beta 1.2.3----RC-SNAPSHOT.12.9.1--.12+788 1.2.3----R-S.12.9.1--.12+meta
    1.2.3----RC-SNAPSHOT.12.9.1--.12 1.0.0+0.build.1-rc.10000aaa-kk-0.1
    99999999999999999999999.999999999999999999.99999999999999999 1.0.0-0A.is.legal`.split(/\s+/);
  const FAQ_INVALID = `1 1.2 1.2.3-0123 1.2.3-0123.0123 1.1.2+.123 +invalid -invalid -invalid+invalid
    -invalid.01 alpha alpha.beta alpha.beta.1 alpha.1 alpha+beta alpha_beta alpha. alpha.. beta
    1.0.0-alpha_beta -alpha. 1.0.0-alpha.. 1.0.0-alpha..1 1.0.0-alpha...1 01.1.1 1.01.1 1.1.01 1.2.3.DEV
    1.2-SNAPSHOT 1.2.31.2.3----RC-SNAPSHOT.12.09.1--..12+788 1.2-RC-SNAPSHOT -1.0.3-gamma+b7718 +justmeta
    9.8.7+meta+meta 9.8.7-whatever+meta+meta
    99999999999999999999999.999999999999999999.99999999999999999----RC-SNAPSHOT.12.09.1--------------------------------..12`.split(
    /\s+/,
  );
  it('accepts and round-trips every valid example of the semver.org FAQ', () => {
    for (const s of FAQ_VALID) expect(formatSemver(parseSemver(s)!), s).toBe(s);
  });
  it('rejects every invalid example of the semver.org FAQ', () => {
    for (const s of FAQ_INVALID) expect(parseSemver(s), s).toBeNull();
  });

  it('parses the fields and formats them back unchanged', () => {
    expect(parseSemver('1.0.0-x-y.7.0a+001.sha-5')).toEqual({
      major: '1',
      minor: '0',
      patch: '0',
      prerelease: ['x-y', '7', '0a'],
      numeric: [false, true, false],
      build: ['001', 'sha-5'],
    });
    expect(formatSemver(parseSemver('1.0.0-x-y.7.0a+001.sha-5')!)).toBe('1.0.0-x-y.7.0a+001.sha-5');
  });
});

const ident = fc.oneof(
  fc.constantFrom('alpha', 'beta', 'rc', 'x-y', 'RC', '0a', '-', 'Foo', '5-foo'),
  bigDigits(25),
);
const semverString = fc
  .tuple(
    bigDigits(25),
    bigDigits(25),
    bigDigits(25),
    fc.option(fc.array(ident, { minLength: 1, maxLength: 4 }), { nil: undefined }),
    fc.option(fc.constantFrom('001', 'build.5', 'sha-abc.0'), { nil: undefined }),
  )
  .map(
    ([a, b, c, pre, build]) => `${a}.${b}.${c}${pre ? `-${pre.join('.')}` : ''}${build ? `+${build}` : ''}`,
  );

describeOrderLaws(semver, semverString, formatSemver);

describe('semver: numbers', () => {
  it('compares major, minor, patch and numeric prerelease identifiers exactly (no 2^53 limit)', () => {
    fc.assert(
      fc.property(bigDigits(), bigDigits(), (a, b) => {
        expect(cmp(`${a}.0.0`, `${b}.0.0`)).toBe(bigSign(a, b));
        expect(cmp(`0.${a}.0`, `0.${b}.0`)).toBe(bigSign(a, b));
        expect(cmp(`0.0.${a}`, `0.0.${b}`)).toBe(bigSign(a, b));
        expect(cmp(`1.0.0-rc.${a}`, `1.0.0-rc.${b}`)).toBe(bigSign(a, b));
      }),
    );
  });

  it('ignores build metadata entirely', () => {
    fc.assert(
      fc.property(semverString, fc.constantFrom('+a', '+b.1', '+0001'), (s, build) => {
        const bare = s.replace(/\+.*$/, '');
        expect(cmp(bare, `${bare}${build}`)).toBe(0);
      }),
    );
  });
});

// The regular expression semver.org's FAQ suggests (no size limits, unlike node-semver).
const SEMVER_ORG =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

describe('semver: grammar', () => {
  it("accepts exactly what semver.org's regex accepts, on single-character edits", () => {
    const edited = fc
      .tuple(semverString, fc.nat(), fc.nat(2), fc.constantFrom(...'0123456789.+-aZ_v '))
      .map(([s, at, op, c]) => {
        const i = at % (s.length + 1);
        return s.slice(0, i) + (op === 0 ? c : '') + (op === 1 ? c + s.slice(i) : s.slice(i + 1));
      });
    fc.assert(
      fc.property(edited, (s) => {
        expect(parseSemver(s) !== null).toBe(SEMVER_ORG.test(s));
      }),
      { numRuns: 2000 },
    );
  });
});
