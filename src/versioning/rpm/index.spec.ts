import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readOsvVersions, readScalibrPairs, sweepPairs } from '../fixtures.test-helpers.js';
import { bigDigits, bigSign, describeOrderLaws } from '../laws.test-helpers.js';
import { compareRpm, formatRpm, hasRpmEpoch, parseRpm, rpm, rpmvercmp } from './index.js';

const cmp = (a: string, b: string) => compareRpm(parseRpm(a)!, parseRpm(b)!);
const fixture = readScalibrPairs('redhat-versions.txt');
const almaVersions = readOsvVersions('almalinux-osv-database');

describe('rpm: osv-scalibr oracle fixtures', () => {
  it('orders every line of redhat-versions.txt both ways', () => {
    expect(fixture.length).toBe(165);
    expect(sweepPairs(rpm, fixture)).toEqual([]);
  });
});

describe('rpm: hand table', () => {
  it.each([
    ['5.14.0-611.54.6.el9_7', '<', '5.14.0-611.55.1.el9_7'], // AlmaLinux kernel errata
    ['5.14.0-611.54.6.el9_7', '>', '5.14.0-611.el9'],
    ['1.2-3.el9_7', '<', '1.2-3.el9_7.alma.1'], // AlmaLinux rebuild suffix
    ['1.2-3.el9_7', '>', '1.2-3.el9'],
    ['1.2-3.el9', '<', '1.2-3.el9_0'],
    ['8.0-1.module_el8.6.0+2766+8bf0b7ce', '<', '8.0-1.module_el8.10.0+4162+0aac7c4c'], // module streams
    ['1:0.9.0~M3-7.module_el9.6.0+148+fb6dc857', '<', '1:0.9.0-1.module_el9.6.0+148+fb6dc857'],
    ['1.0~rc1', '<', '1.0'], // `~` sorts before the end of the string
    ['1.0~~', '<', '1.0~'],
    ['1.0^', '>', '1.0'], // `^` sorts after the end of the string …
    ['1.0^git1', '<', '1.0.1'], // … but before any other segment
    ['1.0^git1', '<', '1.0a'],
    ['1.0^~', '>', '1.0'],
    ['1.0', '>', '1.a'], // digits are newer than letters
    ['1.0a', '>', '1.0'],
    ['1.0', '=', '1_0'], // separators only separate
    ['1.0', '=', '1..0'],
    ['1.0', '=', '1.0.'],
    ['1.a1', '=', '1.a.1'], // a letter/digit boundary is a segment boundary
    ['1.a1', '<', '1.aa'],
    ['1.001', '=', '1.1'], // leading zeros
    ['1.0', '=', '1.00'],
    ['9007199254740993', '>', '9007199254740992'], // exact beyond 2^53
    ['1.18446744073709551616', '>', '1.18446744073709551615'],
    ['Z', '<', 'a'], // strcmp on letters: ASCII order
    ['1.1.α', '=', '1.1.β'], // non-ASCII letters are separators (risalpha is ASCII only)
    ['0:1.0-1', '=', '1.0-1'], // a missing epoch is 0 (rpmverCmp)
    ['01:1.0', '=', '1:1.0'],
    ['1:1.0', '>', '9.9'],
    ['2:1.0', '>', '1:9.9'],
    ['10:1', '>', '9:1'],
    ['1.0', '<', '1.0-1'], // a missing release sorts before any release …
    ['1.0', '<', '1.0-'], // … even an empty one
    ['1.0-', '=', '1.0-.'],
    ['1.0-1', '=', '1.0-01'],
    ['1-2-3', '>', '1-3'], // the release follows the last `-`: version 1-2 vs 1
    ['a:1', '<', 'b:1'], // not an epoch: the `:` stays in the version
    ['1:a:1', '>', 'a:2'], // epoch 1, version a:1
  ] as const)('%s %s %s', (a, op, b) => {
    const expected = { '<': -1, '=': 0, '>': 1 }[op];
    expect(cmp(a, b)).toBe(expected);
    expect(cmp(b, a)).toBe(-expected || 0);
  });

  it.each([
    ['1:2.3-4.el9', { epoch: '1', version: '2.3', release: '4.el9' }],
    ['2.3-4-5', { epoch: null, version: '2.3-4', release: '5' }],
    ['2.3', { epoch: null, version: '2.3', release: null }],
    ['2.3-', { epoch: null, version: '2.3', release: '' }],
    ['007:1', { epoch: '007', version: '1', release: null }],
    ['1a:2', { epoch: null, version: '1a:2', release: null }],
    ['a:1-2:3', { epoch: null, version: 'a:1', release: '2:3' }],
    ['1:2:3', { epoch: '1', version: '2:3', release: null }],
  ])('splits %j like rpm parseEVR', (s, expected) => {
    expect(parseRpm(s)).toEqual(expected);
    expect(formatRpm(parseRpm(s)!)).toBe(s);
  });

  it('reports whether an epoch was written (for the matcher’s missing-epoch strategy)', () => {
    expect(hasRpmEpoch(parseRpm('0:1.0-1')!)).toBe(true);
    expect(hasRpmEpoch(parseRpm('1.0-1')!)).toBe(false);
    expect(hasRpmEpoch(parseRpm('a:1.0-1')!)).toBe(false);
  });

  it.each(['', ':1', ':1.0-1', ':', '1:', '1:-2', '-1', '-', '1\u00002'])('rejects %j', (s) => {
    expect(parseRpm(s)).toBeNull();
  });
});

// Realistic pieces: every fixture string, every AlmaLinux OSV version, split at `-`/`:` so
// epochs, versions and releases recombine, plus `~`/`^` tails and numbers beyond 2^53.
const fixtureStrings = [...new Set(fixture.flatMap((l) => [l.a, l.b]))].sort();
const parts = [...new Set([...fixtureStrings, ...almaVersions].flatMap((s) => s.split(/[-:]/)))]
  .filter((p) => p !== '')
  .sort();
const tails = ['', ...'~rc1 ~ ^ ^git1 ^20160101 .1 a .alma.1 _1 ~pre^1 +el9.2.0+1'.split(' ')];
const synthesized = fc
  .tuple(
    fc.option(fc.oneof(bigDigits(3), fc.constantFrom('0', '01', '9007199254740993')), { freq: 3 }),
    fc.constantFrom(...parts),
    fc.constantFrom(...tails),
    fc.option(fc.tuple(fc.constantFrom(...parts), fc.constantFrom(...tails)), { freq: 4 }),
  )
  .map(([e, v, vt, r]) => `${e === null ? '' : `${e}:`}${v}${vt}${r === null ? '' : `-${r[0]}${r[1]}`}`);
const evr = fc
  .oneof(fc.constantFrom(...fixtureStrings), fc.constantFrom(...almaVersions), synthesized)
  .filter((s) => parseRpm(s) !== null);

// A near neighbour of `s`, so pairs disagree late (release, dist tag, tail) as real ones do.
const edits = ['~', '^', '.', '_', '0', '1', 'a', 'Z', '~rc1', '^git1', '.1', '-1', 'el9_7', '.alma.1'];
const neighbour = (s: string) =>
  fc.oneof(
    fc.tuple(fc.nat(s.length), fc.constantFrom(...edits)).map(([i, x]) => s.slice(0, i) + x + s.slice(i)),
    fc.nat(Math.max(0, s.length - 1)).map((i) => s.slice(0, i) + s.slice(i + 1)),
    fc.tuple(fc.nat(), bigDigits(22)).map(([k, d]) => {
      const runs = s.match(/[0-9]+/g)?.length ?? 0;
      let seen = 0;
      return runs === 0 ? s : s.replace(/[0-9]+/g, (run) => (seen++ === k % runs ? d : run));
    }),
    fc.constantFrom(`0:${s}`, `1:${s}`, s.replace(/^[0-9]+:/, ''), `${s}-1`, `${s}~`, `${s}^`),
  );
const pair = fc
  .oneof(
    fc.tuple(evr, evr),
    evr.chain((a) => neighbour(a).map((b) => [a, b] as [string, string])),
  )
  .filter(([a, b]) => parseRpm(a) !== null && parseRpm(b) !== null);

describeOrderLaws(rpm, evr, formatRpm);

describe('rpm: numbers', () => {
  it('compares digit runs in every field exactly (no 2^53 limit)', () => {
    fc.assert(
      fc.property(bigDigits(), bigDigits(), (a, b) => {
        expect(rpmvercmp(a, b)).toBe(bigSign(a, b));
        expect(rpmvercmp(`00${a}`, b)).toBe(bigSign(a, b));
        expect(cmp(`${a}:1`, `${b}:1`)).toBe(bigSign(a, b));
        expect(cmp(`1.${a}-1`, `1.${b}-1`)).toBe(bigSign(a, b));
        expect(cmp(`1-el9.${a}`, `1-el9.${b}`)).toBe(bigSign(a, b));
      }),
    );
  });
});

// python3-rpm (Debian package) binds librpm: rpm.labelCompare is rpmverCmp on (e, v, r) tuples,
// rpm.ver(s) is rpmverParse. One process answers every pair.
const PYTHON = '/usr/bin/python3';
const toolAvailable = spawnSync(PYTHON, ['-c', 'import rpm'], { stdio: 'ignore' }).status === 0;
const ORACLE = `
import json, sys, rpm
out = []
for a, b, ta, tb in json.load(sys.stdin):
    x, y = rpm.ver(a), rpm.ver(b)
    out.append([rpm.labelCompare(tuple(ta), tuple(tb)), (x > y) - (x < y), [x.e, x.v, x.r], [y.e, y.v, y.r]])
json.dump(out, sys.stdout)
`;

describe.skipIf(!toolAvailable)('rpm: differential against librpm (python3-rpm)', () => {
  it('agrees with rpm.labelCompare and rpm.ver on 8,000 generated pairs', () => {
    const pairs = fc.sample(pair, { numRuns: 8000, seed: 0x52504d });
    const fields = (s: string) => {
      const v = parseRpm(s)!;
      return [v.epoch, v.version, v.release];
    };
    const input = JSON.stringify(pairs.map(([a, b]) => [a, b, fields(a), fields(b)]));
    const run = spawnSync(PYTHON, ['-c', ORACLE], { input, encoding: 'utf8', maxBuffer: 1 << 28 });
    expect(run.stderr).toBe('');
    const answers = JSON.parse(run.stdout) as Array<[number, number, unknown[], unknown[]]>;
    expect(answers).toHaveLength(pairs.length);
    const mismatches = pairs.flatMap(([a, b], k) => {
      const [label, ver, pa, pb] = answers[k]!;
      const ours = cmp(a, b);
      const ok = ours === label && ours === ver && equal(pa, fields(a)) && equal(pb, fields(b));
      return ok ? [] : [`${JSON.stringify([a, b])}: ours ${ours}, labelCompare ${label}, ver ${ver}`];
    });
    expect(mismatches).toEqual([]);
    // The generator must exercise every outcome and the interesting characters.
    const outcomes = new Set(answers.map((x) => x[0]));
    expect([...outcomes].sort()).toEqual([-1, 0, 1]);
    for (const c of ['~', '^', ':', '-'])
      expect(pairs.some(([a, b]) => a.includes(c) && b.includes(c))).toBe(true);
  });
});

function equal(x: unknown[], y: unknown[]): boolean {
  return x.length === y.length && x.every((v, i) => v === y[i]);
}
