import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  readScalibrPairs,
  readVersTests,
  sweepPairs,
  versConstraints,
  versContains,
} from '../fixtures.test-helpers.js';
import { bigDigits, bigSign, describeOrderLaws } from '../laws.test-helpers.js';
import { comparePypi, formatPypi, normalizePypiName, parsePypi, pypi } from './index.js';

const cmp = (a: string, b: string) => comparePypi(parsePypi(a)!, parsePypi(b)!);
const norm = (s: string) => formatPypi(parsePypi(s)!);

// Non-PEP 440 strings the fixtures order with packaging's removed LegacyVersion (readme.md).
const LEGACY = new Set(
  readFileSync(new URL('./legacy-versions.txt', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('#')),
);

describe('pypi: osv-scalibr oracle fixtures (generated with packaging)', () => {
  const lines = [
    ...readScalibrPairs('pypi-versions.txt'),
    ...readScalibrPairs('pypi-versions-generated.txt'),
  ];
  const legacy = lines.filter((l) => LEGACY.has(l.a) || LEGACY.has(l.b));

  it('orders every PEP 440 line both ways', () => {
    expect(lines.length).toBeGreaterThan(12_000);
    expect(
      sweepPairs(
        pypi,
        lines.filter((l) => !legacy.includes(l)),
      ),
    ).toEqual([]);
  });

  it('diverges only on the listed legacy versions, all of which packaging rejects', () => {
    expect(legacy).toHaveLength(80);
    expect(LEGACY.size).toBe(72);
    for (const s of LEGACY) expect(parsePypi(s), s).toBeNull();
    const used = new Set(legacy.flatMap((l) => [l.a, l.b]).filter((s) => LEGACY.has(s)));
    expect(used).toEqual(LEGACY);
  });
});

describe('pypi: vers fixtures', () => {
  const sortedFiles = [
    'package-url-vers-spec/pypi_range_validate_test.json',
    'aboutcode-org-univers/range/pypi_range_roundtrip.json',
    'aboutcode-org-univers/range/gitlab/pypi_gitlab_range_from_native.json',
  ];
  it.each(sortedFiles)('%s: canonical vers constraints are in version order', (file) => {
    const tests = readVersTests(file);
    expect(tests.length).toBeGreaterThan(10);
    const unsorted = tests
      .map((t) => String(t.expected_output))
      .filter((vers) => {
        const vs = versConstraints(vers).map(([, v]) => v);
        return !vs.every((v, i) => i === 0 || cmp(vs[i - 1]!, v) <= 0);
      });
    expect(unsorted).toEqual([]);
  });

  it('package-url-vers-spec/pypi_range_containment_test.json', () => {
    const tests = readVersTests('package-url-vers-spec/pypi_range_containment_test.json');
    expect(tests).toHaveLength(10);
    for (const t of tests) {
      const input = t.input as { vers: string; version: string };
      expect(versContains(pypi, input.vers, input.version), JSON.stringify(input)).toBe(t.expected_output);
    }
  });
});

describe('pypi: hand table (each row checked against packaging 26.2)', () => {
  it.each([
    ['1.0', '=', '1.0.0'], // PEP 440 "Release segment": trailing zeros
    ['1.1', '=', '1.01'], // "Integer normalization"
    ['1.0-1', '=', '1.0.post1'], // "Implicit post releases"
    ['v1.0', '=', '1.0'], // "Preceding v character"
    [' 1.0\n', '=', '1.0'], // "Leading and trailing whitespace"
    ['1.0RC1', '=', '1.0rc1'], // "Case sensitivity"
    ['1.0c1', '=', '1.0rc1'], // "Pre-release spelling"
    ['1.0pre1', '=', '1.0rc1'],
    ['1.0preview1', '=', '1.0rc1'],
    ['1.0alpha1', '=', '1.0a1'],
    ['1.0beta', '=', '1.0b0'], // "Implicit pre-release number"
    ['1.0a-', '=', '1.0a0'], // a trailing separator is allowed by packaging's regex
    ['1.0-r2', '=', '1.0.post2'], // "Post release spelling"
    ['1.0rev', '=', '1.0.post0'], // "Implicit post release number"
    ['1.0.post.', '=', '1.0.post0'],
    ['0!1.0', '=', '1.0'], // "Version epochs": default 0
    ['1!0.1', '>', '99.0'],
    ['1.0.dev1', '<', '1.0a1'], // "Summary of permitted suffixes and relative ordering"
    ['1.0a1.dev1', '<', '1.0a1'],
    ['1.0a1', '<', '1.0b1'],
    ['1.0b1', '<', '1.0rc1'],
    ['1.0rc1', '<', '1.0'],
    ['1.0', '<', '1.0.post1.dev1'],
    ['1.0.post1.dev1', '<', '1.0.post1'],
    ['1.0.post1', '<', '1.1.dev0'],
    ['1.0+local', '>', '1.0'], // "Local version identifiers"
    ['1.0+abc', '<', '1.0+1'], // alphanumeric parts before numeric
    ['1.0+1', '=', '1.0+01'],
    ['1.0+a.1', '=', '1.0+a-1'],
    ['1.0+a', '<', '1.0+a.0'],
    ['1.0+0x1', '<', '1.0+1'], // not a number for Python's str.isdigit()
    ['1.0+ubuntu-1', '=', '1.0+ubuntu.1'],
    ['9007199254740993', '>', '9007199254740992'], // exact beyond 2^53
  ] as const)('%j %s %j', (a, op, b) => {
    const expected = { '<': -1, '=': 0, '>': 1 }[op];
    expect(cmp(a, b)).toBe(expected);
    expect(cmp(b, a)).toBe(-expected || 0);
  });

  it.each([
    ['1.0-1', '1.0.post1'],
    ['V1.0RC1', '1.0rc1'],
    ['01!01.02-dev03', '1!1.2.dev3'],
    ['1.0a.post1', '1.0a0.post1'],
    ['1.0-1dev1', '1.0.post1.dev1'],
    ['1.0+Ubuntu-01_a', '1.0+ubuntu.1.a'],
    ['\u30001.0\u2028', '1.0'],
  ])('normalises %j to %j like str(Version)', (s, expected) => {
    expect(norm(s)).toBe(expected);
  });

  it.each([
    '1.0+',
    'abc',
    '',
    'v',
    '1.0-',
    '1.0--1',
    '1.0-1-1',
    '1.0_1',
    '1.0.-1',
    '1.0.re',
    '1.0.dev1.post1', // dev must come last
    '1.0a1.b2',
    '1.0+a..b',
    '1.0+a-',
    'vv1.0',
    '1..0',
    '.1',
    '\ufeff1.0', // U+FEFF is not whitespace for Python's str.isspace()
    '1.0+\u212a', // Kelvin sign: packaging's case folding is ASCII-only
    '1.0.po\u017ft1', // long s likewise
    '１.０', // full-width digits: [0-9] is ASCII-only
    '1'.repeat(4301), // Python's int() refuses more than 4300 digits
  ])('rejects %j like packaging.version.Version', (s) => {
    expect(parsePypi(s)).toBeNull();
  });

  it.each([
    ['Django', 'django'],
    ['zope.interface', 'zope-interface'],
    ['Foo__Bar-.baz', 'foo-bar-baz'],
    ['a-_-b', 'a-b'],
  ])('normalizePypiName(%j) = %j (PEP 503)', (name, expected) => {
    expect(normalizePypiName(name)).toBe(expected);
  });
});

const sep = fc.constantFrom('', '.', '-', '_');
const num = fc.oneof(fc.constantFrom('', '0', '1', '2', '01'), bigDigits(25));
const pep440 = fc
  .tuple(
    fc.constantFrom('', 'v', 'V'),
    fc.option(fc.constantFrom('0', '1', '2'), { nil: undefined }),
    fc.array(fc.oneof(fc.constantFrom('0', '1', '2', '00', '10'), bigDigits(25)), {
      minLength: 1,
      maxLength: 4,
    }),
    fc.option(
      fc.tuple(sep, fc.constantFrom('a', 'alpha', 'B', 'beta', 'c', 'rc', 'pre', 'preview'), sep, num),
    ),
    fc.option(fc.tuple(sep, fc.constantFrom('post', 'rev', 'r', 'POST'), sep, num)),
    fc.option(fc.tuple(sep, fc.constantFrom('dev', 'DEV'), sep, num)),
    fc.option(
      fc.array(fc.constantFrom('a', 'ubuntu', '1', '01', '2', 'Z9', '0x1'), { minLength: 1, maxLength: 3 }),
    ),
  )
  .map(([v, epoch, release, pre, post, dev, local]) =>
    [
      v,
      epoch === undefined ? '' : `${epoch}!`,
      release.join('.'),
      pre?.join('') ?? '',
      post?.join('') ?? '',
      dev?.join('') ?? '',
      local ? `+${local.join('.')}` : '',
    ].join(''),
  );

describeOrderLaws(pypi, pep440, formatPypi);

describe('pypi: numbers', () => {
  it('compares every numeric field exactly (no 2^53 limit)', () => {
    fc.assert(
      fc.property(bigDigits(), bigDigits(), (a, b) => {
        expect(cmp(`${a}!1`, `${b}!1`)).toBe(bigSign(a, b));
        expect(cmp(`1.${a}`, `1.${b}`)).toBe(bigSign(a, b));
        expect(cmp(`1rc${a}`, `1rc${b}`)).toBe(bigSign(a, b));
        expect(cmp(`1.post${a}`, `1.post${b}`)).toBe(bigSign(a, b));
        expect(cmp(`1.dev${a}`, `1.dev${b}`)).toBe(bigSign(a, b));
        expect(cmp(`1+${a}`, `1+${b}`)).toBe(bigSign(a, b));
      }),
    );
  });
});
