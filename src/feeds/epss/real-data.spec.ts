/**
 * Every EMBA per-year EPSS file in shared/data/epss-scores reads, with as many rows as the file has
 * LF bytes (counted here independently of the reader), and pinned values read from the files.
 * Provenance: shared/data/epss-scores/README.md (EMBA-support-repos/EPSS-data @ 346ef2e).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { tempFiles, yearFiles } from './epss-data.test-helpers.js';
import { type EpssRead, readEpss } from './index.js';

const files = yearFiles();

function lineCount(path: string): number {
  const bytes = readFileSync(path);
  let n = 0;
  for (const b of bytes) if (b === 10) n++;
  return n;
}

describe('real EPSS data (EMBA per-year files)', () => {
  it('holds the 28 files 1999 … 2026', () => {
    expect(files.map((f) => basename(f))).toHaveLength(28);
    expect(basename(files[0] ?? '')).toBe('CVE_1999_EPSS.csv');
    expect(basename(files.at(-1) ?? '')).toBe('CVE_2026_EPSS.csv');
  });

  it.each(files.map((f) => [basename(f), f]))('%s: every line is a score row', async (_name, path) => {
    const read = await readEpss(path);
    const year = /CVE_(\d{4})_/.exec(path)?.[1];
    expect(read.rows).toBe(lineCount(path));
    expect(read.scores.size).toBe(read.rows);
    // The digest comes from the same pass as the parse and equals the file's own.
    expect(read.sha256).toBe(createHash('sha256').update(readFileSync(path)).digest('hex'));
    expect(read).toMatchObject({
      compressed: false,
      delimiter: ';',
      modelVersion: null,
      scoreDate: null,
      scoreDateFrom: null,
      rejected: [],
    });
    expect(read.notes).toEqual([
      'no #model_version comment line: the EPSS model is unknown',
      'no score_date in the file and no epss_scores-YYYY-MM-DD file name: the score date is unknown',
    ]);
    // Files are split by CVE year; lines are numbered from 1 with no header.
    expect([...read.scores.keys()].filter((cve) => !cve.startsWith(`CVE-${year}-`))).toEqual([]);
    expect([...read.scores.values()][0]?.line).toBe(1);
  });

  it('all files together: 360,142 rows, no CVE twice (README totals)', async () => {
    const all = new Set<string>();
    let rows = 0;
    for (const f of files) {
      const read = await readEpss(f);
      rows += read.rows;
      for (const cve of read.scores.keys()) all.add(cve);
    }
    expect(rows).toBe(360_142);
    expect(all.size).toBe(360_142);
  });

  it('pins values read from the files, text kept exactly', async () => {
    const byYear = new Map<string, EpssRead>();
    const get = async (cve: string) => {
      const year = cve.slice(4, 8);
      if (!byYear.has(year)) byYear.set(year, await readEpss(files.find((f) => f.includes(year)) ?? ''));
      return byYear.get(year)?.scores.get(cve);
    };
    // README spot checks (grep CVE-2021-44228\; etc. in the files).
    expect(await get('CVE-2021-44228')).toEqual({
      epss: 0.99999,
      percentile: 1,
      epssText: '0.999990000',
      percentileText: '1.000000000',
      line: expect.any(Number),
    });
    expect(await get('CVE-2024-6387')).toMatchObject({
      epssText: '0.995060000',
      percentileText: '0.999420000',
    });
    expect(await get('CVE-2023-4911')).toMatchObject({ epss: 0.81422, percentile: 0.99606 });
    // First and last lines of a file (head -1 / tail -1 CVE_1999_EPSS.csv).
    expect(await get('CVE-1999-1593')).toEqual({
      epss: 0.18126,
      percentile: 0.96946,
      epssText: '0.181260000',
      percentileText: '0.969460000',
      line: 1,
    });
    expect(await get('CVE-1999-0001')).toMatchObject({ epssText: '0.033510000', line: 1540 });
    // A five-digit sequence number (CVE-2021-47987, line 1 of the 2021 file).
    expect(await get('CVE-2021-47987')).toMatchObject({ epss: 0.0012, percentile: 0.02168, line: 1 });
  });

  it('speed: the largest year file, and all 360k rows as one official gzip file', async () => {
    const largest = files.at(-1) ?? '';
    let t = performance.now();
    const read = await readEpss(largest);
    const ms = performance.now() - t;
    console.log(
      `EPSS ${basename(largest)}: ${read.rows} rows in ${ms.toFixed(1)} ms (${Math.round(read.rows / (ms / 1000))} rows/s)`,
    );

    // The official daily layout at full size: every year's rows behind one header, gzipped.
    const body = files.map((f) => readFileSync(f, 'utf8').replaceAll(';', ',')).join('');
    const text = `#model_version:v2025.03.14,score_date:2026-08-16T12:55:00+0000\ncve,epss,percentile\n${body}`;
    const tmp = tempFiles({ 'epss_scores-2026-08-16.csv.gz': gzipSync(text) });
    try {
      t = performance.now();
      const whole = await readEpss(tmp.path('epss_scores-2026-08-16.csv.gz'));
      const wholeMs = performance.now() - t;
      console.log(
        `EPSS official gzip, ${whole.rows} rows: ${wholeMs.toFixed(1)} ms (${Math.round(whole.rows / (wholeMs / 1000))} rows/s)`,
      );
      expect(whole.rows).toBe(360_142);
      expect(whole.modelVersion).toBe('v2025.03.14');
      expect(whole.scores.get('CVE-2021-44228')?.epssText).toBe('0.999990000');
      // Not a tight bound: only catches an accidental quadratic step.
      expect(wholeMs).toBeLessThan(30_000);
    } finally {
      tmp.cleanup();
    }
  });
});
