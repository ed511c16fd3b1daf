import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  nativeToolAvailable,
  readScalibrPairs,
  runNativeBatch,
  sweepPairs,
} from '../fixtures.test-helpers.js';
import { describeOrderLaws, differentialPairs, mutateDigitRun, type Picker } from '../laws.test-helpers.js';
import { compareCran, cran, formatCran, parseCran } from './index.js';

const cmp = (a: string, b: string) => compareCran(parseCran(a)!, parseCran(b)!);

const lines = [...readScalibrPairs('cran-versions.txt'), ...readScalibrPairs('cran-versions-generated.txt')];

describe('cran: osv-scalibr oracle fixtures (generated with R)', () => {
  it('orders every line both ways', () => {
    expect(lines.length).toBe(78);
    expect(sweepPairs(cran, lines)).toEqual([]);
  });
});

describe('cran: hand table (each row checked against R 4.2 compareVersion)', () => {
  it.each([
    ['1.0-0', '=', '1.0.0'], // `.` and `-` are the same separator
    ['0.01', '=', '0.1'], // components are integers
    ['0.9', '<', '0.75'], // … not decimals
    ['1.8', '<', '1.8.0'], // the longer version is greater (compareVersion)
    ['0.1.0', '<', '0.1.0.0'],
    ['1.10', '>', '1.9.9'],
    ['2147483647.0', '>', '2147483646.99'], // .Machine$integer.max is still valid
    ['1.0-10', '>', '1.0-9'],
    ['0000000001.2', '=', '1.2'],
  ] as const)('%j %s %j', (a, op, b) => {
    const expected = { '<': -1, '=': 0, '>': 1 }[op];
    expect(cmp(a, b)).toBe(expected);
    expect(cmp(b, a)).toBe(-expected || 0);
  });

  it('formats like format(package_version(s))', () => {
    expect(formatCran(parseCran('01.2-3')!)).toBe('1.2.3');
  });

  it.each([
    '',
    '1', // package_version needs two components (numeric_version would not)
    '1.',
    '.1',
    '1..0',
    '1.-0',
    '1.0-',
    '-1.0',
    '1_0',
    'v1.0',
    '1.0a',
    '1.0-rc1',
    ' 1.0',
    '1.0 ',
    '1.0\n',
    '1.2147483648', // NA: beyond R's integer range
    '1.99999999999',
    '１.０',
  ])('rejects %j like package_version', (s) => {
    expect(parseCran(s)).toBeNull();
  });
});

const component = fc.oneof(
  fc.integer({ min: 0, max: 30 }).map(String),
  fc.integer({ min: 0, max: 2_147_483_647 }).map(String),
  fc.constantFrom('00', '01', '2147483647'),
);
const cranVersion = fc
  .tuple(component, fc.array(fc.tuple(fc.constantFrom('.', '-'), component), { minLength: 1, maxLength: 5 }))
  .map(([first, rest]) => first + rest.map(([s, c]) => s + c).join(''));

describeOrderLaws(cran, cranVersion, formatCran);

// compareVersion and package_version validity for every `a\tb` line of a file, in one Rscript.
const R = `
pairs <- strsplit(readLines(commandArgs(trailingOnly = TRUE)[1]), "\\t", fixed = TRUE)
valid <- function(s) tryCatch({ as.package_version(s); TRUE },
                              warning = function(w) FALSE, error = function(e) FALSE)
writeLines(vapply(pairs, function(p) {
  va <- valid(p[1]); vb <- valid(p[2])
  sprintf("%s %d %d", if (va && vb) as.character(compareVersion(p[1], p[2])) else "x", va, vb)
}, ""))`;

const SUFFIXES = ['.0', '-0', '.0.0', '-1', '.1', '-10', '.9'];
const BROKEN = ['..', '.-', 'a', '-rc1', ' ', '_', 'v', '.'];

function mutate(s: string, r: Picker): string {
  switch (r.int(5)) {
    case 0:
    case 1:
      return mutateDigitRun(s, r, 11); // up to 11 digits: some beyond 2^31 − 1 (invalid)
    case 2:
      return s + r.pick(SUFFIXES);
    case 3:
      return r.chance(0.6) ? s.replace(/[.-][0-9]+$/, '') : s.replaceAll(/[.-]/g, () => r.pick(['.', '-']));
    default: {
      const i = r.int(s.length + 1);
      return s.slice(0, i) + r.pick(BROKEN) + s.slice(i);
    }
  }
}

const toolAvailable = nativeToolAvailable('Rscript', ['--version']);

describe.skipIf(!toolAvailable)('cran: differential against R compareVersion', () => {
  it('agrees on validity and order for 8,000 generated pairs (one Rscript process)', () => {
    const pool = [...new Set(lines.flatMap((l) => [l.a, l.b]))];
    const pairs = differentialPairs(pool, mutate, 8000);
    const dir = mkdtempSync(join(tmpdir(), 'cran-diff-'));
    try {
      const file = join(dir, 'pairs.tsv');
      writeFileSync(file, pairs.map(([a, b]) => `${a}\t${b}\n`).join(''));
      const out = runNativeBatch('Rscript', ['-e', R, file]);
      expect(out).toHaveLength(pairs.length);
      let compared = 0;
      const mismatches = pairs.flatMap(([a, b], i) => {
        const pa = parseCran(a);
        const pb = parseCran(b);
        if (pa && pb) compared++;
        const ours = `${pa && pb ? compareCran(pa, pb) : 'x'} ${pa ? 1 : 0} ${pb ? 1 : 0}`;
        return ours === out[i] ? [] : [`${JSON.stringify([a, b])}: R ${out[i]}, ours ${ours}`];
      });
      expect(mismatches).toEqual([]);
      expect(compared).toBeGreaterThanOrEqual(5000); // both sides valid: order compared
      expect(pairs.length - compared).toBeGreaterThanOrEqual(500); // validity compared
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
