import fc from 'fast-check';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import {
  readScalibrPairs,
  readVersTests,
  sweepPairs,
  versConstraints,
  versContains,
} from '../fixtures.test-helpers.js';
import { bigSign, describeOrderLaws } from '../laws.test-helpers.js';
import { compareNpm, formatNpm, npm, parseNpm } from './index.js';

const cmp = (a: string, b: string) => compareNpm(parseNpm(a)!, parseNpm(b)!);

// osv-scalibr's semver-versions.txt serves a lenient comparator shared by several ecosystems;
// these lines use strings node-semver rejects (readme.md "Known differences").
const KNOWN_DIVERGENT = [
  '999999999999999999999999999991 < 999999999999999999999999999999',
  '999999999999999999999999999991.999999999999999999999999999991.999999999999999999999999999991 < 999999999999999999999999999999.999999999999999999999999999991.999999999999999999999999999991',
  '1.1.3.4.5 = 1.1.3.4.5',
];

describe('npm: osv-scalibr oracle fixtures', () => {
  const lines = readScalibrPairs('semver-versions.txt');

  it('orders every line both ways, except the documented divergences', () => {
    expect(lines.length).toBeGreaterThan(80);
    expect(
      sweepPairs(
        npm,
        lines.filter((l) => !KNOWN_DIVERGENT.includes(l.text)),
      ),
    ).toEqual([]);
  });

  it('diverges only where node-semver itself rejects a side', () => {
    const divergent = lines.filter((l) => KNOWN_DIVERGENT.includes(l.text));
    expect(divergent.map((l) => l.text)).toEqual(KNOWN_DIVERGENT);
    for (const l of divergent) {
      expect(semver.valid(l.a) === null || semver.valid(l.b) === null).toBe(true);
      expect(parseNpm(l.a) === null || parseNpm(l.b) === null).toBe(true);
    }
  });
});

describe('npm: vers fixtures (canonical vers lists constraints in version order)', () => {
  const files = [
    'package-url-vers-spec/npm_range_from_native_test.json',
    'aboutcode-org-univers/range/gitlab/npm_gitlab_range_from_native.json',
  ];
  it.each(files)('%s: every expected vers is sorted', (file) => {
    const tests = readVersTests(file).filter((t) => t.test_type === 'from_native' && !t.expected_failure);
    expect(tests.length).toBeGreaterThan(400);
    const unsorted = tests
      .map((t) => String(t.expected_output))
      .filter((vers) => {
        const vs = versConstraints(vers).map(([, v]) => v);
        return !vs.every((v, i) => i === 0 || cmp(vs[i - 1]!, v) <= 0);
      });
    expect(unsorted).toEqual([]);
  });

  it('package-url-vers-spec/npm_range_containment_test.json', () => {
    for (const t of readVersTests('package-url-vers-spec/npm_range_containment_test.json')) {
      const input = t.input as { vers: string; version: string };
      expect(versContains(npm, input.vers, input.version), t.description).toBe(t.expected_output);
    }
  });
});

describe('npm: hand table', () => {
  it.each([
    ['1.0.0-alpha', '<', '1.0.0-alpha.1'], // semver.org §11.4.3: longer set wins
    ['1.0.0-alpha.1', '<', '1.0.0-alpha.beta'], // §11.4.3: numeric < alphanumeric
    ['1.0.0-beta.2', '<', '1.0.0-beta.11'], // §11.4.1: numeric identifiers numerically
    ['1.0.0-rc.1', '<', '1.0.0'], // §11.3: prerelease < release
    ['1.0.0-Beta', '<', '1.0.0-alpha'], // §11.4.2: ASCII order, upper case first
    ['1.0.0+build.1', '=', '1.0.0+build.2'], // §10: build metadata is ignored
    ['v1.2.3', '=', '1.2.3'], // node-semver strips one leading v
    [' 1.2.3 ', '=', '1.2.3'], // and surrounding whitespace
    ['1.2.3-0', '<', '1.2.3-a'],
    ['9007199254740991.0.0', '>', '9007199254740990.0.0'], // Number.MAX_SAFE_INTEGER is the ceiling
    // node-semver turns numeric prerelease ids into doubles: above 2^53 they can collide.
    ['1.0.0-9007199254740993', '=', '1.0.0-9007199254740992'],
  ] as const)('%s %s %s', (a, op, b) => {
    const expected = { '<': -1, '=': 0, '>': 1 }[op];
    expect(cmp(a, b)).toBe(expected);
    expect(cmp(b, a)).toBe(-expected || 0);
    expect(cmp(a, b)).toBe(semver.compare(a, b));
  });

  it.each([
    '1.2',
    '01.2.3',
    '1.02.3',
    '1.2.3.4',
    '=1.2.3',
    'V1.2.3',
    '1.2.3-',
    '1.2.3-01',
    '1.2.3+',
    '1.2.3-a..b',
    '',
    'v',
    'abc',
    '9007199254740992.0.0',
    `1.2.3-${'a'.repeat(260)}`,
  ])('rejects %j like semver.valid', (s) => {
    expect(parseNpm(s)).toBeNull();
    expect(semver.valid(s)).toBeNull();
  });

  it('formats like node-semver: no v, no build', () => {
    expect(formatNpm(parseNpm('v1.2.3-rc.1+sha.abc')!)).toBe('1.2.3-rc.1');
  });
});

const safeInt = fc.bigInt({ min: 0n, max: BigInt(Number.MAX_SAFE_INTEGER) }).map(String);
const prerelease = fc.array(fc.constantFrom('0', '1', '2', '10', 'alpha', 'beta', 'rc', 'x-y', 'Z'), {
  minLength: 1,
  maxLength: 3,
});
const npmVersion = fc
  .tuple(
    fc.oneof(fc.constantFrom('0', '1', '2'), safeInt),
    fc.constantFrom('0', '1', '10'),
    fc.constantFrom('0', '1', '2'),
    fc.option(prerelease, { nil: undefined }),
    fc.option(fc.constantFrom('build', '001', 'sha.5114f85'), { nil: undefined }),
    fc.boolean(),
  )
  .map(
    ([major, minor, patch, pre, build, v]) =>
      `${v ? 'v' : ''}${major}.${minor}.${patch}${pre ? `-${pre.join('.')}` : ''}${build ? `+${build}` : ''}`,
  );

describeOrderLaws(npm, npmVersion, formatNpm);

describe('npm: numbers', () => {
  it('compares major/minor/patch exactly up to Number.MAX_SAFE_INTEGER', () => {
    fc.assert(
      fc.property(safeInt, safeInt, (a, b) => {
        expect(cmp(`${a}.0.0`, `${b}.0.0`)).toBe(bigSign(a, b));
        expect(cmp(`1.${a}.0`, `1.${b}.0`)).toBe(bigSign(a, b));
        expect(cmp(`1.1.${a}`, `1.1.${b}`)).toBe(bigSign(a, b));
      }),
    );
  });

  it('rejects main numbers above Number.MAX_SAFE_INTEGER, as node-semver does', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: BigInt(Number.MAX_SAFE_INTEGER) + 1n, max: 10n ** 40n }), (n) => {
        expect(parseNpm(`${n}.0.0`)).toBeNull();
        expect(parseNpm(`0.0.${n}`)).toBeNull();
      }),
    );
  });
});
