/**
 * FIRST's official daily layout (https://www.first.org/epss/data_stats): a `#model_version…`
 * comment, the header `cve,epss,percentile`, then rows; gzip as published, or plain. The files are
 * generated here with node:zlib (the real daily file is over the shared-data size limit).
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { tempFiles } from './epss-data.test-helpers.js';
import { parseEpssStream, parseEpssText, readEpss } from './index.js';

const OFFICIAL = [
  '#model_version:v2025.03.14,score_date:2025-06-01T12:55:00+0000',
  'cve,epss,percentile',
  'CVE-1999-0001,0.01009,0.76455',
  'CVE-2021-44228,0.94358,0.99957',
  'CVE-2024-12345,0.00043,0.12345',
  '',
].join('\n');

describe('official daily file', () => {
  it('gzip: model version, score date from the comment, rows with their lines', async () => {
    const tmp = tempFiles({ 'epss_scores-2025-06-01.csv.gz': gzipSync(OFFICIAL) });
    try {
      const read = await readEpss(tmp.path('epss_scores-2025-06-01.csv.gz'));
      expect(read).toMatchObject({
        compressed: true,
        delimiter: ',',
        modelVersion: 'v2025.03.14',
        scoreDate: '2025-06-01T12:55:00.000Z',
        scoreDateFrom: 'header',
        rows: 3,
        rejected: [],
        notes: [],
      });
      expect(read.scores.get('CVE-2021-44228')).toEqual({
        epss: 0.94358,
        percentile: 0.99957,
        epssText: '0.94358',
        percentileText: '0.99957',
        line: 4,
      });
      expect([...read.scores.keys()]).toEqual(['CVE-1999-0001', 'CVE-2021-44228', 'CVE-2024-12345']);
    } finally {
      tmp.cleanup();
    }
  });

  it('plain and gzip read to the same scores; gzip is found by magic bytes, not by name', async () => {
    const tmp = tempFiles({ 'a.csv': OFFICIAL, 'b.csv': gzipSync(OFFICIAL) });
    try {
      const plain = await readEpss(tmp.path('a.csv'));
      const gz = await readEpss(tmp.path('b.csv'));
      expect(plain.compressed).toBe(false);
      expect(gz.compressed).toBe(true);
      expect(gz.scores).toEqual(plain.scores);
      expect(parseEpssText(OFFICIAL, 'a.csv').scores).toEqual(plain.scores);
    } finally {
      tmp.cleanup();
    }
  });

  it('concatenated gzip members (RFC 1952 §2.2) read as one file', async () => {
    const cut = OFFICIAL.indexOf('CVE-2021');
    const bytes = Buffer.concat([gzipSync(OFFICIAL.slice(0, cut)), gzipSync(OFFICIAL.slice(cut))]);
    const read = await parseEpssStream([bytes], 'x.csv.gz', { gzip: true });
    expect(read.rows).toBe(3);
  });

  it('CRLF line breaks, a UTF-8 BOM and no final line break are accepted', () => {
    const text = `\ufeff${OFFICIAL.trimEnd().replaceAll('\n', '\r\n')}`;
    const read = parseEpssText(text, 'x.csv');
    expect(read.modelVersion).toBe('v2025.03.14');
    expect(read.scores.get('CVE-2024-12345')).toMatchObject({ percentileText: '0.12345', line: 5 });
  });

  it('score_date with Z or an offset is normalised to UTC', () => {
    const at = (d: string) => parseEpssText(OFFICIAL.replace(/score_date:[^\n]*/, `score_date:${d}`), 'x');
    expect(at('2025-06-01T12:55:00Z').scoreDate).toBe('2025-06-01T12:55:00.000Z');
    expect(at('2025-06-01T14:55:00+02:00').scoreDate).toBe('2025-06-01T12:55:00.000Z');
    expect(at('2025-06-01T00:30:00-0100').scoreDate).toBe('2025-06-01T01:30:00.000Z');
    expect(at('2025-06-01').scoreDate).toBe('2025-06-01');
    expect(() => at('2025-06-01T24:00:00Z')).toThrow(expect.objectContaining({ code: 'INPUT_SCHEMA' }));
  });

  it('no comment line: model null, date from an epss_scores-YYYY-MM-DD name, and a note says so', () => {
    const text = OFFICIAL.split('\n').slice(1).join('\n');
    const read = parseEpssText(text, '/feeds/epss_scores-2025-06-01.csv');
    expect(read).toMatchObject({ modelVersion: null, scoreDate: '2025-06-01', scoreDateFrom: 'file-name' });
    expect(read.notes).toEqual([
      'no #model_version comment line: the EPSS model is unknown',
      'no score_date in the file: the date 2025-06-01 is taken from the file name',
    ]);
    expect(parseEpssText(text, 'scores.csv')).toMatchObject({ scoreDate: null, scoreDateFrom: null });
    // Not a real date: no date, not a rolled-over one.
    expect(parseEpssText(text, 'epss_scores-2025-02-30.csv').scoreDate).toBeNull();
  });

  it('a file name date that disagrees with score_date is noted; score_date wins', () => {
    const read = parseEpssText(OFFICIAL, 'epss_scores-2025-05-31.csv');
    expect(read.scoreDate).toBe('2025-06-01T12:55:00.000Z');
    expect(read.notes).toEqual([
      'the file name says 2025-05-31 but score_date is 2025-06-01T12:55:00.000Z; score_date is used',
    ]);
  });

  it('exponent notation and the bounds 0 and 1 are decimals in range; the text is kept', () => {
    const read = parseEpssText('CVE-2021-40438,5e-05,0\nCVE-2021-40439,1,1.000\n', 'x');
    expect(read.scores.get('CVE-2021-40438')).toMatchObject({
      epss: 0.00005,
      epssText: '5e-05',
      percentile: 0,
    });
    expect(read.scores.get('CVE-2021-40439')).toMatchObject({
      epss: 1,
      percentile: 1,
      percentileText: '1.000',
    });
  });

  it('a semicolon header (cve;epss;percentile) sets the delimiter', () => {
    const read = parseEpssText('cve;epss;percentile\nCVE-2020-0001;0.004020000;0.333770000\n', 'x');
    expect(read).toMatchObject({ delimiter: ';', rows: 1 });
  });
});
