import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  nativeToolAvailable,
  readPairFile,
  readScalibrPairs,
  runNativeBatch,
  sweepPairs,
} from '../fixtures.test-helpers.js';
import {
  bigDigits,
  bigSign,
  describeOrderLaws,
  differentialPairs,
  mutateDigitRun,
  type Picker,
} from '../laws.test-helpers.js';
import { comparePackagist, formatPackagist, packagist, parsePackagist } from './index.js';

const cmp = (a: string, b: string) => comparePackagist(parsePackagist(a)!, parsePackagist(b)!);

// osv-scalibr's hand-written "edge case tests", copied into OSV.dev's file too. `#` is not a
// version character: PHP's version_compare orders "1.2.3.#" below itself and below "1.2.3"
// (checked in the differential block), so no total order can agree with it; parse rejects `#`.
const HASH_LINES = [
  '1.2.3.# = 1.2.3',
  '1.2.3.# = 1.2.3.#',
  '1.2.3.# = 1.2.3.1',
  '1.2.3.#.1 > 1.2.3',
  '1.2.3.#.p3 > 1.2.3',
  '1.2.3.#.beta < 1.2.3',
];

const lines = [
  ...readScalibrPairs('packagist-versions.txt'),
  ...readScalibrPairs('packagist-versions-generated.txt'),
  ...readPairFile('google-osv.dev/packagist_test_cases.txt'),
];

describe('packagist: oracle fixtures (osv-scalibr, generated with PHP version_compare; OSV.dev)', () => {
  it('orders every line both ways, except the documented `#` lines', () => {
    expect(lines.length).toBe(10_810);
    expect(
      sweepPairs(
        packagist,
        lines.filter((l) => !HASH_LINES.includes(l.text)),
      ),
    ).toEqual([]);
  });

  it('diverges only on the `#` lines (once per file that has them), all rejected by parse', () => {
    const divergent = lines.filter((l) => HASH_LINES.includes(l.text));
    expect(divergent.map((l) => l.text)).toEqual([...HASH_LINES, ...HASH_LINES]);
    for (const l of divergent) expect(parsePackagist(l.a)).toBeNull();
  });
});

describe('packagist: hand table (each row checked against PHP 8.2 version_compare)', () => {
  it.each([
    ['1.0.0', '>', '1.0'], // a longer version with a number next is greater
    ['1.0-dev', '<', '1.0'], // dev < alpha < beta < RC < (end) < number < pl
    ['1.0-dev', '<', '1.0alpha1'],
    ['1.0alpha1', '=', '1.0a1'],
    ['1.0-beta', '=', '1.0-b'],
    ['1.0-betaXYZ', '=', '1.0-beta'], // special forms are matched as prefixes (strncmp)
    ['1.0-abc', '=', '1.0-alpha'],
    ['1.0-RC1', '=', '1.0-rc1'],
    ['1.0-rc1', '<', '1.0'],
    ['1.0-pl1', '>', '1.0'],
    ['1.0-patch1', '>', '1.0.99'], // "p…" is pl
    ['1.0-pre1', '>', '1.0'], // … even "pre"
    ['1.0-foo', '<', '1.0-dev'], // an unknown form is below dev
    ['1.0-ALPHA', '<', '1.0-dev'], // case-sensitive: ALPHA is unknown
    ['1.0-Rc1', '<', '1.0-dev'],
    ['1.0-ALPHA.1', '=', '1.0-BETA.1'], // both unknown (a generated fixture line)
    ['1.0.0-dev', '<', '1.0.0.0'],
    ['1.0.0', '<', '1.0.0-p1'],
    ['1.0.0+20230101', '>', '1.0.0'], // `+` is a separator, not build metadata
    ['dev-master', '<', '0.1'],
    ['dev-master', '=', 'dev-foo'], // "master" and "foo" are both unknown forms
    ['1.0.0rc2', '=', '1.0.0.rc2'], // a `.` at each digit/letter boundary
    ['1..0', '=', '1.0'], // separator runs collapse
    ['1-_+0', '=', '1.0'],
    ['1.01', '=', '1.1'],
    ['v1.0', '=', '1.0'], // ltrim($v, "vV")
    ['V1.0', '=', 'vV1.0'],
    ['9007199254740993', '>', '9007199254740992'],
  ] as const)('%j %s %j', (a, op, b) => {
    const expected = { '<': -1, '=': 0, '>': 1 }[op];
    expect(cmp(a, b)).toBe(expected);
    expect(cmp(b, a)).toBe(-expected || 0);
  });

  it('formats PHP canonical segments without the v', () => {
    expect(formatPackagist(parsePackagist('v1.0.0-RC1')!)).toBe('1.0.0.RC.1');
    expect(formatPackagist(parsePackagist('1.002_beta+5')!)).toBe('1.2.beta.5');
  });

  it.each([
    '',
    'v',
    'vV',
    '1.0-', // PHP orders "1.0-" below itself
    '1.0.',
    '.1',
    '-1',
    'v.1',
    '1.2.3.#',
    '#1',
    ' 1.0',
    '1.0 ',
    '1.0~rc1',
    '1,0',
    '1.0@dev',
    '１.０',
    '1.0ä',
  ])('rejects %j', (s) => {
    expect(parsePackagist(s)).toBeNull();
  });
});

const piece = fc.oneof(
  bigDigits(25),
  fc.constantFrom(
    '0',
    '00',
    'dev',
    'alpha',
    'a',
    'beta',
    'b',
    'RC',
    'rc',
    'pl',
    'p',
    'patch',
    'foo',
    'ALPHA',
  ),
);
const sep = fc.constantFrom('.', '-', '_', '+', '', '..');
const composer = fc
  .tuple(fc.constantFrom('', 'v', 'V'), piece, fc.array(fc.tuple(sep, piece), { maxLength: 6 }))
  .map(([v, first, rest]) => v + first + rest.map(([s, p]) => s + p).join(''));

describeOrderLaws(packagist, composer, formatPackagist);

describe('packagist: numbers', () => {
  it('compares every numeric segment exactly (no 2^53 limit)', () => {
    fc.assert(
      fc.property(bigDigits(), bigDigits(), (a, b) => {
        expect(cmp(a, b)).toBe(bigSign(a, b));
        expect(cmp(`1.${a}-beta`, `1.${b}-beta`)).toBe(bigSign(a, b));
        expect(cmp(`1.0-RC${a}`, `1.0-RC${b}`)).toBe(bigSign(a, b));
      }),
    );
  });
});

// The oracle exactly as osv-scalibr's generator calls it, for every `a\tb` line, in one process.
const PHP = `while (($l = fgets(STDIN)) !== false) {
  [$a, $b] = explode("\\t", rtrim($l, "\\n"));
  echo version_compare(ltrim($a, "vV"), ltrim($b, "vV")), "\\n";
}`;

const SUFFIXES = ['-dev', '-alpha1', '-beta.2', 'RC1', '-rc.1', '-pl1', 'p2', '.0', '-patch1', '-foo'];
const MORE = ['-ALPHA', '+build.5', '_1', '.dev3', '-Rc1', 'a', '-b', '.x'];

function mutate(s: string, r: Picker): string {
  switch (r.int(6)) {
    case 0:
      return mutateDigitRun(s, r, 18); // PHP's strtol saturates above 2^63 − 1 (readme.md)
    case 1:
      return s + r.pick(r.chance(0.6) ? SUFFIXES : MORE);
    case 2:
      return s.replace(/[._+-][^._+-]*$/, ''); // drop the last segment
    case 3:
      return r.chance(0.5) ? s.toUpperCase() : s.toLowerCase();
    case 4:
      return s.replace(/[._+-]/, () => r.pick(['.', '-', '_', '+', '..', '-.', '']));
    default:
      return r.pick(['v', 'V', '']) + s.replace(/^[vV]+/, '');
  }
}

const toolAvailable = nativeToolAvailable('php', ['-v']);

describe.skipIf(!toolAvailable)('packagist: differential against PHP version_compare', () => {
  const php = (pairs: ReadonlyArray<readonly [string, string]>) =>
    runNativeBatch('php', ['-r', PHP], pairs.map(([a, b]) => `${a}\t${b}\n`).join('')).map(Number);

  it('agrees on 6,000 generated pairs (one php process)', () => {
    const pool = [...new Set(lines.flatMap((l) => [l.a, l.b]))].filter(
      (s) => parsePackagist(s) !== null && !/[0-9]{19}/.test(s),
    );
    const pairs = differentialPairs(pool, mutate, 6000).filter(
      ([a, b]) => parsePackagist(a) !== null && parsePackagist(b) !== null,
    );
    expect(pairs.length).toBeGreaterThanOrEqual(5000);
    const out = php(pairs);
    expect(out).toHaveLength(pairs.length);
    const mismatches = pairs.flatMap(([a, b], i) =>
      cmp(a, b) === out[i] ? [] : [`${JSON.stringify([a, b])}: php ${out[i]}, ours ${cmp(a, b)}`],
    );
    expect(mismatches).toEqual([]);
  });

  it('documents where PHP itself is not a total order or not exact', () => {
    const [selfBelow, belowRelease, huge, beyondLong] = php([
      ['1.2.3.#', '1.2.3.#'], // `#` rejected by parse
      ['1.2.3.#', '1.2.3'],
      ['999999999999999999999999999991', '999999999999999999999999999999'],
      ['9223372036854775808', '9223372036854775807'],
    ]);
    expect(selfBelow).toBe(-1);
    expect(belowRelease).toBe(-1);
    // strtol saturation: PHP says equal; we (and osv-scalibr's fixture) keep the exact order.
    expect([huge, beyondLong]).toEqual([0, 0]);
    expect(cmp('999999999999999999999999999991', '999999999999999999999999999999')).toBe(-1);
  });
});
