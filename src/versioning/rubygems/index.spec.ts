import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  nativeToolAvailable,
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
import { compareRubygems, formatRubygems, parseRubygems, rubygems } from './index.js';

const cmp = (a: string, b: string) => compareRubygems(parseRubygems(a)!, parseRubygems(b)!);

// Hand-written lines of rubygems-versions.txt whose right side Ruby rejects:
// Gem::Version.new("1beta") raises ArgumentError "Malformed version number string" because the
// first segment of VERSION_PATTERN is `[0-9]+` (readme.md "Known differences").
const KNOWN_DIVERGENT = ['1 > 1beta', '1 > 1gamma'];

const lines = [
  ...readScalibrPairs('rubygems-versions.txt'),
  ...readScalibrPairs('rubygems-versions-generated.txt'),
];

describe('rubygems: osv-scalibr oracle fixtures (generated with Gem::Version)', () => {
  it('orders every line both ways, except the documented divergence', () => {
    expect(lines.length).toBe(4123);
    expect(
      sweepPairs(
        rubygems,
        lines.filter((l) => !KNOWN_DIVERGENT.includes(l.text)),
      ),
    ).toEqual([]);
  });

  it('diverges only where Gem::Version.correct? rejects a side', () => {
    const divergent = lines.filter((l) => KNOWN_DIVERGENT.includes(l.text));
    expect(divergent.map((l) => l.text)).toEqual(KNOWN_DIVERGENT);
    for (const l of divergent) expect(parseRubygems(l.b)).toBeNull();
  });
});

describe('rubygems: hand table (each row checked against RubyGems 3.3.15)', () => {
  it.each([
    ['1.0', '=', '1.0.0'], // canonical_segments drops trailing zeros
    ['1', '=', '1.0.0.0'],
    ['1.0.a', '=', '1.a'], // … of the release part before a string segment
    ['1.a.0', '=', '1.a'], // … and of the prerelease part
    ['1.a.0.1', '>', '1.a'], // inner zeros stay
    ['1.0.a10', '>', '1.0.a9'], // digit/letter boundaries split segments
    ['1.0.a2', '=', '1.0.a.2'],
    ['1.0-rc1', '=', '1.0.pre.rc1'], // `-` is `.pre.`
    ['1.0-rc1', '<', '1.0.rc1'], // so "pre" is compared with "rc"
    ['1.0.a', '<', '1.0'], // a String sorts before a number …
    ['1.0.a', '<', '1'], // … and before the implicit 0 of a shorter version
    ['1.0.b1', '>', '1.0.a.2'],
    ['1.0.Z', '<', '1.0.a'], // String#<=> is bytewise
    ['1.0.rc', '<', '1.0.rc.0.1'],
    ['1.01', '=', '1.1'], // Integer segments
    [' 1.0\n', '=', '1.0'], // correct? allows \s around, initialize strips
    ['\t1.0\v\f\r', '=', '1.0'],
    ['1.0.0.pre', '<', '1.0.0'],
    ['2.0.0.beta', '>', '1.99999'],
    ['9007199254740993', '>', '9007199254740992'], // exact beyond 2^53
    ['1.0.a.9007199254740993', '>', '1.0.a.9007199254740992'],
  ] as const)('%j %s %j', (a, op, b) => {
    const expected = { '<': -1, '=': 0, '>': 1 }[op];
    expect(cmp(a, b)).toBe(expected);
    expect(cmp(b, a)).toBe(-expected || 0);
  });

  it.each([
    ['1.0-rc1', '1.0.pre.rc1'],
    [' 1.0.0 ', '1.0.0'],
    ['1-a-b', '1.pre.a.pre.b'],
  ])('formats %j as Gem::Version#to_s %j', (s, expected) => {
    expect(formatRubygems(parseRubygems(s)!)).toBe(expected);
  });

  it('rejects blank strings, which Gem::Version reads as "0" (readme.md "Known differences")', () => {
    expect(parseRubygems('')).toBeNull();
    expect(parseRubygems(' \n')).toBeNull();
  });

  it.each([
    '1beta', // the first segment is digits only
    'a1',
    'v1.0',
    '1.0-',
    '1..0',
    '1.0.',
    '.1',
    '1.-a',
    '1-.a',
    '1-a..b',
    '1_0',
    '1.0+build',
    '1.0 1',
    '1.0\u00a0', // not Ruby \s
    '\u20281.0',
    '1.0\0',
    '１.０',
    '1.0.ä',
  ])('rejects %j like Gem::Version.correct?', (s) => {
    expect(parseRubygems(s)).toBeNull();
  });
});

const letters = fc.constantFrom('a', 'b', 'pre', 'rc', 'beta', 'RC', 'Z', 'alpha');
const segment = fc.oneof(bigDigits(25), letters, fc.constantFrom('0', '00', 'a1', 'rc10', '1b'));
const gemVersion = fc
  .tuple(
    bigDigits(25),
    fc.array(segment, { maxLength: 4 }),
    fc.option(fc.array(fc.oneof(segment, fc.constant('x-y')), { minLength: 1, maxLength: 3 })),
  )
  .map(([first, rest, pre]) => [first, ...rest].join('.') + (pre ? `-${pre.join('.')}` : ''));

describeOrderLaws(rubygems, gemVersion, formatRubygems);

describe('rubygems: numbers', () => {
  it('compares every numeric segment exactly (no 2^53 limit)', () => {
    fc.assert(
      fc.property(bigDigits(), bigDigits(), (a, b) => {
        expect(cmp(`${a}`, `${b}`)).toBe(bigSign(a, b));
        expect(cmp(`1.${a}.1`, `1.${b}.1`)).toBe(bigSign(a, b));
        expect(cmp(`1.rc${a}`, `1.rc${b}`)).toBe(bigSign(a, b));
      }),
    );
  });
});

// Gem::Version.correct? and <=> for every `a\tb` line, in one ruby process.
const RUBY = `
$stdout.sync = false
$stdin.each_line(chomp: true) do |line|
  a, b = line.split("\\t", -1)
  va = Gem::Version.correct?(a)
  vb = Gem::Version.correct?(b)
  c = va && vb ? (Gem::Version.new(a) <=> Gem::Version.new(b)) : "x"
  puts "#{c} #{va ? 1 : 0} #{vb ? 1 : 0}"
end`;

const SUFFIXES = ['.0', '.0.0', '.a', '.pre', '-rc1', '-beta.2', '.rc1', 'a', 'b1', '.1', '-0', '.Z'];
const BROKEN = ['v', '.', '-', '..', '_', '+1', 'ä'];

function mutate(s: string, r: Picker): string {
  switch (r.int(6)) {
    case 0:
      return mutateDigitRun(s, r);
    case 1:
      return s + r.pick(SUFFIXES);
    case 2:
      return s.replace(/\.[^.]*$/, ''); // drop the last segment
    case 3:
      return s.replace(/[a-z]+/, (m) => m.toUpperCase());
    case 4:
      return s.replace(/\.(?=[a-zA-Z])/, '-');
    default: {
      // often invalid: a broken piece at a random place, or spaces around
      if (r.chance(0.3)) return ` ${s} `;
      const i = r.int(s.length + 1);
      return s.slice(0, i) + r.pick(BROKEN) + s.slice(i);
    }
  }
}

const toolAvailable = nativeToolAvailable('ruby', ['-v']);

describe.skipIf(!toolAvailable)('rubygems: differential against ruby Gem::Version', () => {
  it('agrees on validity and order for 6,000 generated pairs (one ruby process)', () => {
    const pool = [...new Set(lines.flatMap((l) => [l.a, l.b]))].filter((s) => parseRubygems(s) !== null);
    const pairs = differentialPairs(pool, mutate, 6000).filter(
      ([a, b]) => a.trim() !== '' && b.trim() !== '',
    );
    const out = runNativeBatch('ruby', ['-e', RUBY], pairs.map(([a, b]) => `${a}\t${b}\n`).join(''));
    expect(out).toHaveLength(pairs.length);
    const mismatches: string[] = [];
    let compared = 0;
    pairs.forEach(([a, b], i) => {
      const pa = parseRubygems(a);
      const pb = parseRubygems(b);
      const ours = `${pa && pb ? compareRubygems(pa, pb) : 'x'} ${pa ? 1 : 0} ${pb ? 1 : 0}`;
      if (pa && pb) compared++;
      if (ours !== out[i]) mismatches.push(`${JSON.stringify([a, b])}: ruby ${out[i]}, ours ${ours}`);
    });
    expect(mismatches).toEqual([]);
    expect(compared).toBeGreaterThanOrEqual(5000); // both sides valid: order compared
    expect(pairs.length - compared).toBeGreaterThanOrEqual(500); // validity compared
  });
});
