import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  readScalibrPairs,
  readVersCmpCases,
  readVersTests,
  sweepPairs,
  sweepVersCmpCases,
  versConstraints,
} from '../fixtures.test-helpers.js';
import { describeOrderLaws } from '../laws.test-helpers.js';
import { compareNuGet, formatNuGet, nuget, parseNuGet } from './index.js';

const cmp = (a: string, b: string) => compareNuGet(parseNuGet(a)!, parseNuGet(b)!);

// osv-scalibr's own big-number cases: System.Version components are Int32, so
// NuGetVersion.TryParse returns false for both sides (readme.md "Known differences").
const KNOWN_DIVERGENT = [
  '999999999999999999999999999991 < 999999999999999999999999999999',
  '999999999999999999999999999991.999999999999999999999999999991.999999999999999999999999999991 < 999999999999999999999999999999.999999999999999999999999999991.999999999999999999999999999991',
];

describe('nuget: osv-scalibr fixtures', () => {
  const lines = readScalibrPairs('nuget-versions.txt');

  it('orders every line both ways, except the documented divergence', () => {
    expect(lines.length).toBeGreaterThan(30);
    expect(
      sweepPairs(
        nuget,
        lines.filter((l) => !KNOWN_DIVERGENT.includes(l.text)),
      ),
    ).toEqual([]);
  });

  it('diverges only where NuGet rejects both sides', () => {
    const divergent = lines.filter((l) => KNOWN_DIVERGENT.includes(l.text));
    expect(divergent.map((l) => l.text)).toEqual(KNOWN_DIVERGENT);
    for (const l of divergent) expect([parseNuGet(l.a), parseNuGet(l.b)]).toEqual([null, null]);
  });
});

describe('nuget: vers-spec fixtures', () => {
  it('package-url-vers-spec/nuget_version_cmp_test.json', () => {
    const cases = readVersCmpCases('package-url-vers-spec/nuget_version_cmp_test.json');
    expect(cases).toHaveLength(33);
    expect(sweepVersCmpCases(nuget, cases)).toEqual([]);
  });

  it('package-url-vers-spec/nuget_range_from_native_test.json: vers bounds parse, in order', () => {
    const [test] = readVersTests('package-url-vers-spec/nuget_range_from_native_test.json');
    const vs = versConstraints(String(test?.expected_output)).map(([, v]) => v);
    expect(vs).toEqual(['1.0.0', '2.0.0']);
    expect(cmp(vs[0]!, vs[1]!)).toBe(-1);
  });
});

describe('nuget: hand table (NuGet.Versioning rules)', () => {
  it.each([
    ['1', '=', '1.0.0'], // one part: NuGet appends ".0" for System.Version
    ['1.0', '=', '1.0.0.0'], // missing parts are 0
    ['01.002.0003', '=', '1.2.3'], // Int32.TryParse: leading zeros fine in the numeric parts
    ['1.0.0.1', '>', '1.0.0'], // CompareLegacyVersion
    ['1.0.0.1-alpha', '>', '1.0.0'],
    ['1.0.0-alpha', '<', '1.0.0'], // a prerelease sorts before its release
    ['1.0.0-ALPHA', '=', '1.0.0-alpha'], // labels: OrdinalIgnoreCase
    ['1.0.0-alpha', '<', '1.0.0-alpha.1'], // more labels win when a prefix matches
    ['1.0.0-alpha.2', '<', '1.0.0-alpha.10'], // numeric labels by value
    ['1.0.0-10', '<', '1.0.0-a'], // numeric labels before alphanumeric ones
    ['1.0.0-alpha-1', '>', '1.0.0-alpha.1'], // `-` is part of a label
    ['1.0.0--1', '<', '1.0.0-0'], // int.TryParse reads a leading `-` as a sign
    ['1.0.0--0', '=', '1.0.0-0'],
    ['1.0.0-2147483647', '<', '1.0.0-2147483648'], // beyond Int32: no longer a number
    ['1.0.0-2147483648', '<', '1.0.0-a'], // … so compared as text
    ['1.0.0-10000000000', '<', '1.0.0-9999999999'],
    ['1.0.0+build.1', '=', '1.0.0'], // metadata ignored
    ['1.0.0-rc+a', '=', '1.0.0-RC+b'],
    [' 1.0.0\t', '=', '1.0.0'], // String.Trim()
    ['\u00851.0', '=', '1.0'], // NEL is .NET white space
    ['1. 2 .3', '=', '1.2.3'], // Int32 parsing inside System.Version allows white space
    ['1.0\u0000', '=', '1.0'], // … and trailing NULs
    ['2147483647.0', '>', '2147483646.9.9.9'],
  ] as const)('%j %s %j', (a, op, b) => {
    const expected = { '<': -1, '=': 0, '>': 1 }[op];
    expect(cmp(a, b)).toBe(expected);
    expect(cmp(b, a)).toBe(-expected || 0);
  });

  it.each([
    '',
    ' ',
    'a',
    'v1.0.0', // no `v` prefix
    '1.0.0.0.0', // System.Version: at most four parts
    '1.',
    '.1',
    '1..0',
    '1,0',
    '2147483648', // Int32 overflow
    '1.2147483648',
    '１.０', // only ASCII digits
    '\ufeff1.0', // U+FEFF is not char.IsWhiteSpace
    '-1.0',
    '1.0-',
    '1.0+',
    '1.0-+a',
    '1.0.0-beta+',
    '1.0.0-01', // no leading zeros in a numeric label
    '1.0.0-00',
    '1.0.0-a..b',
    '1.0.0-a_b',
    '1.0.0-ä',
    '1.0.0+a..b',
    '1.0.0+a+b',
    '1 0',
  ])('rejects %j like NuGetVersion.TryParse', (s) => {
    expect(parseNuGet(s)).toBeNull();
  });

  it.each([
    ['1', '1.0.0'],
    ['1.0.0.0', '1.0.0'],
    ['01.02.03.04-RC.1+Build.007', '1.2.3.4-RC.1+Build.007'],
  ])('formats %j as %j (ToFullString)', (s, expected) => {
    expect(formatNuGet(parseNuGet(s)!)).toBe(expected);
  });
});

const int32 = fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 2147483647 }));
const component = fc.tuple(int32, fc.constantFrom('', '0', '00')).map(([n, zeros]) => `${zeros}${n}`);
const label = fc.oneof(
  fc.constantFrom('alpha', 'Alpha', 'beta', 'rc', 'RC', 'pre', 'x-y', 'A1', '-', '-1', '0', '1', '10'),
  fc.constantFrom('2147483647', '2147483648', '-2147483648', '9999999999'),
  int32.map(String),
);
const nugetVersion = fc
  .tuple(
    fc.array(component, { minLength: 1, maxLength: 4 }),
    fc.array(label, { maxLength: 3 }),
    fc.option(fc.constantFrom('build', 'Build.007', 'sha-abc.1'), { nil: undefined }),
  )
  .map(
    ([parts, labels, metadata]) =>
      `${parts.join('.')}${labels.length > 0 ? `-${labels.join('.')}` : ''}${metadata === undefined ? '' : `+${metadata}`}`,
  );

describeOrderLaws(nuget, nugetVersion, formatNuGet);

describe('nuget: numbers', () => {
  it('compares Int32 parts and numeric labels by value', () => {
    const sign = (a: number, b: number) => (a === b ? 0 : a < b ? -1 : 1);
    fc.assert(
      fc.property(int32, int32, (a, b) => {
        expect(cmp(`${a}.0`, `${b}.0`)).toBe(sign(a, b));
        expect(cmp(`1.0.0.${a}`, `1.0.0.${b}`)).toBe(sign(a, b));
        expect(cmp(`1.0.0-rc.${a}`, `1.0.0-rc.${b}`)).toBe(sign(a, b));
        expect(cmp(`1.0.0--${a}`, `1.0.0--${b}`)).toBe(sign(b, a));
      }),
    );
  });
});
