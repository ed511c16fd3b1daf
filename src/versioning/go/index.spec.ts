import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readScalibrPairs, readVersTests, sweepPairs, versConstraints } from '../fixtures.test-helpers.js';
import { bigDigits, bigSign, describeOrderLaws } from '../laws.test-helpers.js';
import { compareGo, formatGo, go, goTagToSemver, parseGo } from './index.js';

const cmp = (a: string, b: string) => compareGo(parseGo(a)!, parseGo(b)!);

// x/mod/semver has no fourth component (readme.md "Known differences").
const KNOWN_DIVERGENT = ['1.1.3.4.5 = 1.1.3.4.5'];

describe('go: osv-scalibr oracle fixtures', () => {
  const lines = readScalibrPairs('semver-versions.txt');

  it('orders every line both ways, except the documented divergence', () => {
    expect(
      sweepPairs(
        go,
        lines.filter((l) => !KNOWN_DIVERGENT.includes(l.text)),
      ),
    ).toEqual([]);
  });

  it('diverges only where x/mod/semver rejects a side', () => {
    const divergent = lines.filter((l) => KNOWN_DIVERGENT.includes(l.text));
    expect(divergent.map((l) => l.text)).toEqual(KNOWN_DIVERGENT);
    for (const l of divergent) expect(parseGo(l.a) === null || parseGo(l.b) === null).toBe(true);
  });
});

describe('go: vers fixtures (canonical vers lists constraints in version order)', () => {
  it('aboutcode-org-univers/range/gitlab/golang_gitlab_range_from_native.json', () => {
    const tests = readVersTests('aboutcode-org-univers/range/gitlab/golang_gitlab_range_from_native.json');
    expect(tests.length).toBeGreaterThan(700);
    const bad = tests
      .map((t) => String(t.expected_output))
      .filter((vers) => {
        const vs = versConstraints(vers).map(([, v]) => v);
        return !vs.every((v, i) => parseGo(v) !== null && (i === 0 || cmp(vs[i - 1]!, v) <= 0));
      });
    expect(bad).toEqual([]);
  });
});

describe('go: hand table', () => {
  it.each([
    ['v1.2', '=', '1.2.0'], // x/mod shorthand vMAJOR.MINOR
    ['v1', '=', '1.0.0'], // and vMAJOR
    ['2.0.0+incompatible', '=', '2.0.0'], // build metadata ignored (semver.org §10)
    ['2.0.0+incompatible', '>', '1.9.9'],
    ['0.0.0-20210101000000-abcdef123456', '<', '0.0.0-20210102000000-000000000000'], // pseudo-versions
    ['0.0.0-20210101000000-abcdef123456', '<', '0.0.0'],
    ['1.2.4-0.20210101000000-abcdef123456', '>', '1.2.3'], // pseudo-version after v1.2.3
    ['1.2.4-0.20210101000000-abcdef123456', '<', '1.2.4'],
    ['1.2.3-pre.0.20210101000000-abcdef123456', '>', '1.2.3-pre'],
    ['1.0.0-alpha.1', '<', '1.0.0-alpha.beta'], // §11.4.3 numeric < alphanumeric
    ['1.0.0-beta.2', '<', '1.0.0-beta.11'], // §11.4.1 numerically
    ['1.0.0-rc.1', '>', '1.0.0-RC.1'], // §11.4.2 ASCII order
    ['go1.22.5', '=', '1.22.5'], // Go release tags (x/vuln GoTagToSemver)
    ['go1.22', '=', '1.22.0'],
    ['go1', '=', '1.0.0'],
    ['go1.21rc2', '=', '1.21.0-rc.2'],
    ['1.21rc2', '=', '1.21.0-rc.2'], // go.mod `go` directive spelling
    ['go1.21beta1', '<', 'go1.21rc1'],
    ['go1.21rc2', '<', 'go1.21.0'],
    ['go1.9.2rc2', '<', 'go1.9.2'],
    ['go1.9.2rc2', '>', 'go1.9.1'],
    ['1.21.0-pre1', '>', '1.21.0-pre.1'], // valid semver stays semver: identifier `pre1`
    ['18446744073709551616.0.0', '>', '18446744073709551615.0.0'], // beyond uint64, exact
    ['1.0.0-9007199254740993', '>', '1.0.0-9007199254740992'], // beyond 2^53, exact
  ] as const)('%s %s %s', (a, op, b) => {
    const expected = { '<': -1, '=': 0, '>': 1 }[op];
    expect(cmp(a, b)).toBe(expected);
    expect(cmp(b, a)).toBe(-expected || 0);
  });

  it.each([
    '1.2.3.4',
    'v01.2.3',
    '1.02.3',
    '1.2.03',
    '1.2-pre', // x/mod: prerelease only on the full form
    'v1+build',
    '1.2.3-01', // semver.org §9: no leading zeros in numeric identifiers
    '1.2.3-',
    '1.2.3+',
    '1.2.3-a..b',
    '1.2.3+a..b',
    '1.2.3-ä',
    'V1.2.3',
    ' 1.2.3',
    '',
    'v',
    'go',
    'go1.0', // never a Go tag (GoTagToSemver special case)
    'go1.2.3.4',
    'go01.2',
    'go1.21rc',
    'gov1.2.3',
    'vgo1.2',
  ])('rejects %j', (s) => {
    expect(parseGo(s)).toBeNull();
  });

  it('maps Go release tags like golang.org/x/vuln GoTagToSemver', () => {
    expect(goTagToSemver('go1.21rc2')).toBe('1.21.0-rc.2');
    expect(goTagToSemver('go1.9.2beta1')).toBe('1.9.2-beta.1');
    expect(goTagToSemver('go1.5-pre3')).toBe('1.5.0-pre.3');
    expect(goTagToSemver('go1.22')).toBe('1.22.0');
    expect(goTagToSemver('1.22')).toBeUndefined();
    expect(goTagToSemver('1.21.0-pre1')).toBeUndefined();
  });

  it('formats in OSV form: no v, shorthand expanded, build kept', () => {
    expect(formatGo(parseGo('v1.2')!)).toBe('1.2.0');
    expect(formatGo(parseGo('go1.21rc2')!)).toBe('1.21.0-rc.2');
    expect(formatGo(parseGo('v2.3.4+incompatible')!)).toBe('2.3.4+incompatible');
  });
});

const ident = fc.oneof(fc.constantFrom('alpha', 'beta', 'rc', 'pre', 'x-y', 'RC', '0a', '-'), bigDigits(25));
const goVersion = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('', 'v'),
      bigDigits(25),
      bigDigits(25),
      bigDigits(25),
      fc.option(fc.array(ident, { minLength: 1, maxLength: 3 }), { nil: undefined }),
      fc.option(fc.constantFrom('incompatible', 'build.01'), { nil: undefined }),
    )
    .map(
      ([v, a, b, c, pre, build]) =>
        `${v}${a}.${b}.${c}${pre ? `-${pre.join('.')}` : ''}${build ? `+${build}` : ''}`,
    ),
  fc.tuple(fc.constantFrom('', 'v'), bigDigits(3), fc.option(bigDigits(3))).map(
    ([v, a, b]) => `${v}${a}${b === null ? '' : `.${b}`}`, // x/mod shorthands
  ),
  fc
    .tuple(
      fc.integer({ min: 0, max: 30 }),
      fc.option(fc.integer({ min: 0, max: 9 })),
      fc.constantFrom('', 'rc1', 'beta2'),
    )
    .map(([minor, patch, pre]) => `go1.${minor}${patch === null ? '' : `.${patch}`}${pre}`)
    .filter((s) => s !== 'go1.0'),
);

describeOrderLaws(go, goVersion, formatGo);

describe('go: numbers', () => {
  it('compares major, minor, patch and numeric prerelease identifiers exactly (no 2^53 limit)', () => {
    fc.assert(
      fc.property(bigDigits(), bigDigits(), (a, b) => {
        expect(cmp(`${a}.0.0`, `${b}.0.0`)).toBe(bigSign(a, b));
        expect(cmp(`0.${a}.0`, `0.${b}.0`)).toBe(bigSign(a, b));
        expect(cmp(`0.0.${a}`, `0.0.${b}`)).toBe(bigSign(a, b));
        expect(cmp(`1.0.0-${a}`, `1.0.0-${b}`)).toBe(bigSign(a, b));
      }),
    );
  });
});
