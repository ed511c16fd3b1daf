/**
 * Imports are all-or-nothing: each malformed input fails the whole read with an AppError that
 * names the file and the line.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { appErrorOf, tempFiles } from './epss-data.test-helpers.js';
import { parseEpssStream, parseEpssText, readEpss } from './index.js';
import { MAX_LINE_BYTES } from './lines.js';

const HEAD = '#model_version:v2025.03.14,score_date:2025-06-01T12:55:00+0000\ncve,epss,percentile\n';
const GOOD = 'CVE-2021-44228,0.94358,0.99957\n';

async function schemaError(text: string) {
  const err = await appErrorOf(() => parseEpssText(text, 'f.csv'));
  return { code: err.code, line: err.details.line, reason: err.details.reason, file: err.details.file };
}

describe('malformed EPSS input', () => {
  it.each([
    ['bad CVE id', `${HEAD}${GOOD}CVE-21-1,0.1,0.2\n`, 4, '"CVE-21-1" is not a CVE id (CVE-YYYY-NNNN…)'],
    [
      'lower-case CVE id',
      `${HEAD}cve-2021-0001,0.1,0.2\n`,
      3,
      '"cve-2021-0001" is not a CVE id (CVE-YYYY-NNNN…)',
    ],
    ['epss 1.5', `${HEAD}${GOOD}CVE-2021-0001,1.5,0.2\n`, 4, 'epss "1.5" is outside [0, 1]'],
    [
      'negative percentile',
      `${HEAD}CVE-2021-0001,0.1,-0.2\n`,
      3,
      'percentile "-0.2" is not a decimal number',
    ],
    ['NaN', `${HEAD}CVE-2021-0001,NaN,0.2\n`, 3, 'epss "NaN" is not a decimal number'],
    ['empty cell', `${HEAD}CVE-2021-0001,,0.2\n`, 3, 'epss "" is not a decimal number'],
    ['space in a cell', `${HEAD}CVE-2021-0001, 0.1,0.2\n`, 3, 'epss " 0.1" is not a decimal number'],
    [
      'missing column',
      `${HEAD}${GOOD}${GOOD.replace('44228', '0003')}CVE-2021-0002,0.1\n`,
      5,
      'missing column: expected 3 (cve,epss,percentile), found 2',
    ],
    [
      'extra column',
      `${HEAD}CVE-2021-0001,0.1,0.2,x\n`,
      3,
      'too many columns: expected 3 (cve,epss,percentile), found 4',
    ],
    [
      'wrong delimiter in a semicolon file',
      'CVE-2021-0001;0.1;0.2\nCVE-2021-0002,0.1,0.2\n',
      2,
      'missing column: expected 3 (cve;epss;percentile), found 1',
    ],
    [
      'duplicate CVE',
      `${HEAD}${GOOD}CVE-2021-0001,0.1,0.2\n${GOOD}`,
      5,
      'duplicate CVE-2021-44228 (first on line 3)',
    ],
    [
      'comment after the header',
      `${HEAD}${GOOD}#note\n`,
      4,
      'missing column: expected 3 (cve,epss,percentile), found 1',
    ],
    [
      'bad score_date',
      '#model_version:v2025.03.14,score_date:2025-13-01T00:00:00+0000\ncve,epss,percentile\n',
      1,
      'score_date is not an ISO 8601 date-time',
    ],
    [
      'empty model_version',
      '#model_version:,score_date:2025-06-01T00:00:00Z\n',
      1,
      'model_version is empty or holds spaces',
    ],
    [
      'wrong header',
      'cve,percentile,epss\nCVE-2021-0001,0.1,0.2\n',
      1,
      'the header does not name the columns cve, epss, percentile in that order',
    ],
  ])('%s: INPUT_SCHEMA at the line', async (_name, text, line, reason) => {
    expect(await schemaError(text)).toEqual({ code: 'INPUT_SCHEMA', line, reason, file: 'f.csv' });
  });

  it('a header without percentile (cve,epss) is INPUT_UNSUPPORTED_SPEC', async () => {
    expect(await schemaError('cve,epss\nCVE-2021-0001,0.1\n')).toMatchObject({
      code: 'INPUT_UNSUPPORTED_SPEC',
      line: 1,
    });
  });

  it('neither a header nor a CVE row first: INPUT_UNRECOGNISED', async () => {
    expect(await schemaError('<html>\n')).toMatchObject({ code: 'INPUT_UNRECOGNISED', line: 1 });
  });

  it.each([
    ['an empty file', ''],
    ['blank lines', '\n\r\n'],
    ['a header only', HEAD],
  ])('%s: INPUT_EMPTY', async (_name, text) => {
    expect((await appErrorOf(() => parseEpssText(text, 'f.csv'))).code).toBe('INPUT_EMPTY');
  });

  it('a truncated gzip is INPUT_UNREADABLE naming the line where the data stopped', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `CVE-2024-${10000 + i},0.00043,0.12345\n`).join('');
    const gz = gzipSync(HEAD + rows);
    const tmp = tempFiles({ 'epss_scores-2025-06-01.csv.gz': gz.subarray(0, gz.length - 50) });
    try {
      const err = await appErrorOf(() => readEpss(tmp.path('epss_scores-2025-06-01.csv.gz')));
      expect(err.code).toBe('INPUT_UNREADABLE');
      expect(err.details.reason).toBe('gzip data is truncated (unexpected end of file)');
      // Lines 1-2 are the comment and header, 3-5002 the rows: the cut is inside them.
      expect(err.details.line).toBeGreaterThan(2);
      expect(err.details.line).toBeLessThanOrEqual(5003);
    } finally {
      tmp.cleanup();
    }
  });

  it('a bad row read from disk (gzip and plain) is INPUT_SCHEMA at its line, not a stream error', async () => {
    const text = `${HEAD}${GOOD}CVE-2021-0001,1.5,0.2\n${GOOD}`;
    const tmp = tempFiles({ 'a.csv.gz': gzipSync(text), 'b.csv': text });
    try {
      for (const name of ['a.csv.gz', 'b.csv']) {
        const err = await appErrorOf(() => readEpss(tmp.path(name)));
        expect(err).toMatchObject({ code: 'INPUT_SCHEMA', details: { file: tmp.path(name), line: 4 } });
      }
    } finally {
      tmp.cleanup();
    }
  });

  it('a corrupt gzip (bad CRC) is INPUT_UNREADABLE', async () => {
    const gz = Buffer.from(gzipSync(HEAD + GOOD));
    gz[gz.length - 8] = (gz[gz.length - 8] ?? 0) ^ 0xff;
    const err = await appErrorOf(() => parseEpssStream([gz], 'x.gz', { gzip: true }));
    expect(err.code).toBe('INPUT_UNREADABLE');
    expect(String(err.details.reason)).toMatch(/^gzip data is corrupt \(Z_DATA_ERROR/);
  });

  it('maxBytes stops a large file before reading, and a gzip that inflates past it', async () => {
    const big = HEAD + Array.from({ length: 2000 }, (_, i) => `CVE-2024-${10000 + i},0.1,0.2\n`).join('');
    const tmp = tempFiles({ 'plain.csv': big, 'bomb.csv.gz': gzipSync(big) });
    try {
      const plain = await appErrorOf(() => readEpss(tmp.path('plain.csv'), { maxBytes: 1000 }));
      expect(plain.code).toBe('INPUT_TOO_LARGE');
      const gz = gzipSync(big);
      expect(gz.length).toBeLessThan(20_000);
      const bomb = await appErrorOf(() => readEpss(tmp.path('bomb.csv.gz'), { maxBytes: 20_000 }));
      expect(bomb.code).toBe('INPUT_TOO_LARGE');
    } finally {
      tmp.cleanup();
    }
  });

  it('a line with no break longer than MAX_LINE_BYTES is refused while streaming', async () => {
    const chunk = Buffer.alloc(16 * 1024, 0x41);
    const chunks = Array.from({ length: MAX_LINE_BYTES / chunk.length + 1 }, () => chunk);
    const err = await appErrorOf(() => parseEpssStream(chunks, 'bin', { gzip: false }));
    expect(err).toMatchObject({ code: 'INPUT_SCHEMA', details: { line: 1 } });
  });

  it('file errors: missing is INPUT_NOT_FOUND, a folder is INPUT_UNREADABLE', async () => {
    const tmp = tempFiles({});
    try {
      expect((await appErrorOf(() => readEpss(tmp.path('none.csv')))).code).toBe('INPUT_NOT_FOUND');
      expect((await appErrorOf(() => readEpss(tmp.path('')))).code).toBe('INPUT_UNREADABLE');
    } finally {
      tmp.cleanup();
    }
  });
});
