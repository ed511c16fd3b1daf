import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  nativeToolAvailable,
  readScalibrPairs,
  readVersSortedCases,
  runNativeBatch,
  sweepPairs,
  sweepVersCmpCases,
} from '../fixtures.test-helpers.js';
import { bigDigits, bigSign, describeOrderLaws, differentialPairs } from '../laws.test-helpers.js';
import { DPKG_EDITS, mutateDpkg, wellFormed } from './generators.test-helpers.js';
import {
  compareDpkg,
  dpkg,
  dpkgSyntaxWarning,
  formatDpkg,
  hasDpkgEpoch,
  parseDpkg,
  verrevcmp,
} from './index.js';

const cmp = (a: string, b: string) => compareDpkg(parseDpkg(a)!, parseDpkg(b)!);
const scalibr = [
  ...readScalibrPairs('debian-versions.txt'),
  ...readScalibrPairs('debian-versions-generated.txt'),
];
const univers = readVersSortedCases('aboutcode-org-univers/deb_version_python_pkg_test.json');
const pool = [
  ...new Set([...scalibr.flatMap((l) => [l.a, l.b]), ...univers.flatMap((c) => [c.a, c.b])]),
].sort();

describe('dpkg: oracle fixtures', () => {
  it('orders every line of debian-versions.txt and debian-versions-generated.txt both ways', () => {
    expect(scalibr.length).toBe(14_472);
    expect(sweepPairs(dpkg, scalibr)).toEqual([]);
  });

  it('passes every case of univers deb_version_python_pkg_test.json', () => {
    expect(univers.length).toBe(21);
    expect(sweepVersCmpCases(dpkg, univers)).toEqual([]);
  });
});

describe('dpkg: hand table (each row checked with dpkg --compare-versions 1.21.22)', () => {
  it.each([
    ['1.0~rc1', '<', '1.0'], // `~` sorts before the end of the string
    ['1.0~~', '<', '1.0~'],
    ['1.0~~a', '<', '1.0~'],
    ['1.0', '<', '1.0a'], // letters sort after the end …
    ['1.0a', '<', '1.0+'], // … and before non-letters
    ['1.0a', '<', '1.0.'],
    ['1.0Z', '<', '1.0a'], // ASCII order among letters
    ['1.0+', '<', '1.0.'], // '+' 43 < '.' 46
    ['1.0', '<', '1.0.0'],
    ['1.0', '=', '1.00'], // digit runs compare numerically
    ['1.0', '=', '1.0-0'], // no revision = revision 0
    ['1.0-0', '=', '1.0-00'],
    ['0:1.0', '=', '1.0'], // no epoch = epoch 0
    ['00001:1.0', '=', '1:1.0'],
    ['1:1.0', '>', '9.9'],
    ['10:1', '>', '9:1'],
    ['2147483647:1', '>', '2147483646:9'],
    ['9007199254740993', '>', '9007199254740992'], // exact beyond 2^53
    ['1.18446744073709551616', '>', '1.18446744073709551615'],
    ['2.7.4+reloaded2-13ubuntu1', '<', '2.7.4+reloaded2-13+deb9u1'],
    ['1.2.3-1~deb7u1', '<', '1.2.3-1'], // security/backport suffixes
    ['1.2.3-1~bpo12+1', '<', '1.2.3-1'],
    ['1.2.3-1+deb12u1', '>', '1.2.3-1'],
    ['1.2.3-1ubuntu0.22.04.1', '>', '1.2.3-1'],
    ['1.2.3-1ubuntu0.22.04.1', '<', '1.2.3-1ubuntu1'],
    ['1.2.3-1+b1', '>', '1.2.3-1'], // binNMU
    ['1-2-3', '>', '1-3'], // revision after the last hyphen: upstream 1-2 vs 1
    ['1:2:3', '>', '1:2'], // upstream may hold colons when an epoch is given
    ['+1:1.0', '=', '1:1.0'], // strtol takes a sign …
    ['-0:1.0', '=', '1.0'],
    ['\v1:2', '=', '1:2'], // … and skips leading isspace
    [' 1.0\t', '=', '1.0'], // blanks around the version are trimmed
    ['a1.0', '>', '1.0'], // warnings only: still compared
    ['1.0_1', '>', '1.0.1'], // '_' 95 > '.' 46
    ['1.0é', '>', '1.0z'], // UTF-8 bytes weigh 128-255 (signed char + 256) …
    ['1.0é', '<', '1.0.'], // … below ASCII punctuation
    ['1.0é', '<', '1.0ê'],
    ['1.0\u{1f600}', '>', '1.0\uffff'], // code points, not UTF-16 units
  ] as const)('%j %s %j', (a, op, b) => {
    const expected = { '<': -1, '=': 0, '>': 1 }[op];
    expect(cmp(a, b)).toBe(expected);
    expect(cmp(b, a)).toBe(-expected || 0);
  });

  it.each([
    ['1:2.3-4', { epoch: '1', upstream: '2.3', revision: '4' }],
    ['2.3-4-5', { epoch: null, upstream: '2.3-4', revision: '5' }],
    ['2.3', { epoch: null, upstream: '2.3', revision: null }],
    ['007:1', { epoch: '7', upstream: '1', revision: null }],
    ['1:2:3-4:5', { epoch: '1', upstream: '2:3', revision: '4:5' }],
    ['-0:1-1', { epoch: '0', upstream: '1', revision: '1' }],
  ])('splits %j like parseversion', (s, expected) => {
    expect(parseDpkg(s)).toEqual(expected);
  });

  it('reports whether an epoch was written (for the matcher’s missing-epoch strategy)', () => {
    expect(hasDpkgEpoch(parseDpkg('0:1.0-1')!)).toBe(true);
    expect(hasDpkgEpoch(parseDpkg('1.0-1')!)).toBe(false);
  });

  it.each([
    ['1.0-1+deb12u1', null],
    ['1:2:3', null],
    ['a1.0', 'version number does not start with digit'],
    ['1:a', 'version number does not start with digit'],
    ['1.0_1', 'invalid character in version number'],
    ['1.0-a_b', 'invalid character in revision number'],
  ])('warns about %j as dpkg does', (s, warning) => {
    expect(dpkgSyntaxWarning(parseDpkg(s)!)).toBe(warning);
  });
});

describe('dpkg: invalid input (dpkg --compare-versions exits 2)', () => {
  it.each([
    ['', 'version string is empty'],
    [' \t', 'version string is empty'],
    ['1.0 x', 'embedded spaces'],
    ['1\t2', 'embedded spaces'],
    [':1.0', 'epoch is empty'],
    ['a:1.0', 'epoch is empty'],
    ['+:1', 'epoch is empty'],
    ['1.0:1', 'epoch is not number'],
    ['0x1:1', 'epoch is not number'],
    ['1.0-1:2', 'epoch is not number'], // the first colon decides
    ['1 :1', 'embedded spaces'],
    ['-1:1.0', 'epoch is negative'],
    ['2147483648:1', 'epoch is too big'],
    ['99999999999999999999:1', 'epoch is too big'],
    ['1:', 'nothing after colon'],
    ['1.0-', 'revision number is empty'],
    ['-1', 'upstream version is empty'],
    ['1:-1', 'upstream version is empty'],
    ['1.0\u0000', 'NUL ends a C string'],
    ['1.0\ud800', 'lone surrogate'],
  ])('rejects %j (%s)', (s) => {
    expect(parseDpkg(s)).toBeNull();
  });
});

// Realistic strings: every fixture version, and near neighbours of them (see the helpers).
const version = fc
  .tuple(fc.constantFrom(...pool), fc.array(fc.nat(), { maxLength: 3 }))
  .map(([s, seeds]) => seeds.reduce((acc, seed) => mutateDpkg(acc, seed), s))
  .filter((s) => parseDpkg(s) !== null);

describeOrderLaws(dpkg, version, formatDpkg);

describe('dpkg: numbers', () => {
  it('compares digit runs in every field exactly (no 2^53 limit)', () => {
    fc.assert(
      fc.property(bigDigits(), bigDigits(), (a, b) => {
        expect(verrevcmp(a, b)).toBe(bigSign(a, b));
        expect(verrevcmp(`00${a}`, b)).toBe(bigSign(a, b));
        expect(cmp(`1.${a}-1`, `1.${b}-1`)).toBe(bigSign(a, b));
        expect(cmp(`1-1ubuntu${a}`, `1-1ubuntu${b}`)).toBe(bigSign(a, b));
      }),
    );
  });
});

// apt's debVersioningSystem::CmpVersion (python3-apt) implements the same deb-version(7)
// order; one process answers every pair. It parses no syntax, so only well-formed strings
// with a plain-digit epoch go to it; dpkg itself checks the rest below.
const PYTHON = '/usr/bin/python3';
const aptAvailable = nativeToolAvailable(PYTHON, ['-c', 'import apt_pkg']);
const APT = `
import json, sys, apt_pkg
apt_pkg.init_system()
json.dump([apt_pkg.version_compare(a, b) for a, b in json.load(sys.stdin)], sys.stdout)
`;

describe.skipIf(!aptAvailable)('dpkg: differential against apt_pkg.version_compare', () => {
  it('agrees on 10,000 generated pairs of well-formed versions (one python3 process)', () => {
    const pairs = differentialPairs(pool, (s, r) => mutateDpkg(s, r.int(1 << 30)), 14_000)
      .filter(([a, b]) => wellFormed(a) && wellFormed(b))
      .slice(0, 10_000);
    expect(pairs).toHaveLength(10_000);
    const run = spawnSync(PYTHON, ['-c', APT], {
      input: JSON.stringify(pairs),
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    expect(run.stderr).toBe('');
    const answers = (JSON.parse(run.stdout) as number[]).map(Math.sign);
    const mismatches = pairs.flatMap(([a, b], k) =>
      cmp(a, b) === answers[k] ? [] : [`${JSON.stringify([a, b])}: apt ${answers[k]}, ours ${cmp(a, b)}`],
    );
    expect(mismatches).toEqual([]);
    expect([...new Set(answers)].sort()).toEqual([-1, 0, 1]);
    for (const c of DPKG_EDITS)
      expect(
        pairs.some(([a, b]) => a.includes(c) || b.includes(c)),
        c,
      ).toBe(true);
  });
});

// dpkg itself, for syntax (errors vs warnings) and the order of strings apt cannot judge.
// One sh process loops over the pairs (dpkg has no batch mode): ~1.5 dpkg runs per pair.
const SH = `
while IFS= read -r a && IFS= read -r b; do
  if dpkg --compare-versions -- "$a" lt "$b" 2>/dev/null; then echo -1
  elif [ $? -ne 1 ]; then echo x
  elif dpkg --compare-versions -- "$a" eq "$b" 2>/dev/null; then echo 0
  else echo 1
  fi
done < "$1"
`;
const dpkgAvailable = nativeToolAvailable('dpkg', ['--compare-versions', '1', 'lt', '2']);

describe.skipIf(!dpkgAvailable)('dpkg: differential against dpkg --compare-versions', () => {
  it('agrees on validity and order for 2,500 generated pairs, malformed ones included', () => {
    const pairs = differentialPairs(pool, (s, r) => mutateDpkg(s, r.int(1 << 30), true), 2600, 7)
      .filter(([a, b]) => a !== '' && b !== '') // dpkg reads "" as a blank version, not an error
      .slice(0, 2500);
    const dir = mkdtempSync(join(tmpdir(), 'dpkg-diff-'));
    try {
      const file = join(dir, 'pairs.txt');
      writeFileSync(file, pairs.map(([a, b]) => `${a}\n${b}\n`).join(''));
      const out = runNativeBatch('sh', ['-c', SH, 'sh', file]);
      expect(out).toHaveLength(pairs.length);
      const ours = pairs.map(([a, b]) => {
        const pa = parseDpkg(a);
        const pb = parseDpkg(b);
        return pa && pb ? String(compareDpkg(pa, pb)) : 'x';
      });
      const mismatches = pairs.flatMap(([a, b], k) =>
        ours[k] === out[k] ? [] : [`${JSON.stringify([a, b])}: dpkg ${out[k]}, ours ${ours[k]}`],
      );
      expect(mismatches).toEqual([]);
      // Both outcomes of parseversion exercised: errors, and warnings that still compare.
      expect(ours.filter((o) => o === 'x').length).toBeGreaterThan(200);
      const warned = pairs.filter(([a, b], k) => ours[k] !== 'x' && !(wellFormed(a) && wellFormed(b)));
      expect(warned.length).toBeGreaterThan(200);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
