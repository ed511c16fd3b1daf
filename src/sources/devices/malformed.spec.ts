/**
 * Broken device exports and mapping files: each error names its code, the file and the line
 * (CSV, YAML syntax) or JSON pointer (mapping shape); each unusable row is rejected with its line.
 */
import { describe, expect, it } from 'vitest';
import { createCsvDevicesAdapter, loadDefaultMapping, parseMapping } from './index.js';

const FILE = 'exports/biomed.csv';
const adapter = createCsvDevicesAdapter({ now: () => new Date('2026-01-15T00:00:00Z') });
const HEADER =
  'Serial Number,Model,Manufacturer,Clinical Criticality,End of Support,Patient Proximity,Stores PHI';
const run = (...lines: string[]) => adapter.extractMany({ file: FILE, text: lines.join('\n') });
const fails = (code: string, details: Record<string, unknown>) =>
  expect.objectContaining({ code, details: expect.objectContaining(details) });

describe('malformed CSV: AppError naming the file and the line', () => {
  it('a row with one column too many', async () => {
    const text = [HEADER, 'S1,M,Acme,High,,,', 'S2,M,Acme,High,,,,extra'];
    await expect(run(...text)).rejects.toEqual(
      fails('INPUT_SCHEMA', {
        file: FILE,
        line: 3,
        reason: 'wrong number of columns: the row does not have as many columns as the header (found 8)',
      }),
    );
  });

  it('an unterminated quote is reported where the broken row starts, not at the end of the file', async () => {
    const text = [
      HEADER,
      'S1,M,Acme,High,,,',
      '',
      'S2,"M,Acme,High,,,',
      'S3,M,Acme,High,,,',
      'S4,M,Acme,High,,,',
    ];
    await expect(run(...text)).rejects.toEqual(
      fails('INPUT_SCHEMA', {
        file: FILE,
        line: 4,
        reason: 'unterminated quote: a quoted cell is never closed',
      }),
    );
  });

  it('text after a closing quote', async () => {
    await expect(run(HEADER, 'S1,"M"x,Acme,High,,,')).rejects.toEqual(
      fails('INPUT_SCHEMA', {
        file: FILE,
        line: 2,
        reason: expect.stringMatching(/^text after a closing quote/),
      }),
    );
  });

  it('line numbers after a CRLF multi-line cell stay exact', async () => {
    const text = `${HEADER},Notes\r\nS1,M,Acme,High,,,,"two\r\nlines"\r\nS2,M,Acme,High,,,\r\n`;
    await expect(adapter.extractMany({ file: FILE, text })).rejects.toEqual(
      fails('INPUT_SCHEMA', { line: 4 }),
    );
  });

  it('two columns with one name (case-insensitive)', async () => {
    await expect(run(`${HEADER},serial number`, 'S1,M,Acme,High,,,,S1')).rejects.toEqual(
      fails('INPUT_SCHEMA', {
        file: FILE,
        line: 1,
        reason: 'duplicate column "serial number" (columns 1 and 8)',
      }),
    );
  });

  it('a header without a serial column names what was looked for', async () => {
    await expect(run('Model,Manufacturer', 'M,Acme')).rejects.toEqual(
      fails('INPUT_SCHEMA', {
        file: FILE,
        line: 1,
        reason: 'no column for serial (looked for "Serial Number", "Serial", "Serial No", "SN")',
      }),
    );
  });

  it('a header row and no devices is INPUT_EMPTY', async () => {
    await expect(run(HEADER, '')).rejects.toEqual(fails('INPUT_EMPTY', { file: FILE, line: 1 }));
  });

  it('an export column named like a device tag cannot be copied as a tag', async () => {
    const m = { ...loadDefaultMapping(), tags: ['device:model'] };
    const a = createCsvDevicesAdapter({ mapping: m });
    await expect(a.extractMany({ file: FILE, text: 'Serial,Model,device:model\nS1,M,x\n' })).rejects.toEqual(
      fails('INPUT_SCHEMA', {
        file: FILE,
        line: 1,
        reason: 'tag column "device:model" would overwrite a device tag',
      }),
    );
  });
});

describe('unusable rows: rejected with `line N` and every reason, the rest kept', () => {
  it('bad words and dates, a missing serial, a duplicate serial', async () => {
    const r = await run(
      HEADER,
      'S1,M,Acme,Tier 1,2026-02-30,Bedside,maybe',
      ',M,Acme,High,,,',
      'S2,M,Acme,High,2024-01-01,,',
      'S2,M,Acme,High,,,',
      'S3,M,Acme,life-critical,,patient-area,N',
    );
    expect(r.rejected).toEqual([
      {
        ref: 'line 2',
        reason:
          'unknown clinical criticality "Tier 1" in column "Clinical Criticality"; ' +
          'date "2026-02-30" in column "End of Support" does not exist; ' +
          'unknown PHI value "maybe" in column "Stores PHI"',
      },
      { ref: 'line 3', reason: 'no serial in column "Serial Number"' },
      { ref: 'line 5', reason: 'duplicate serial (first on line 4)' },
    ]);
    expect(r.items.map((d) => [d.asset.externalId, d.asset.supportStatus, d.asset.tags.PHI])).toEqual([
      ['device:S2', 'end-of-support', 'true'],
      ['device:S3', undefined, 'false'],
    ]);
  });

  it('software items without a name, bad purls and repeats are rejected per item', async () => {
    const text =
      'Serial,Model,Firmware,Software\nS1,,1.0,"10.2; pkg:npm/; OpenSSL 3.0.13; OpenSSL 3.0.13;"\n';
    const [d] = (await adapter.extractMany({ file: FILE, text })).items;
    expect(d?.components.map((c) => c.purl)).toEqual(['pkg:generic/OpenSSL@3.0.13']);
    expect(d?.rejected).toEqual([
      { ref: 'line 2 firmware', reason: 'firmware version without a model: the firmware has no identity' },
      { ref: 'line 2 software 1', reason: 'software item "10.2" has no name' },
      { ref: 'line 2 software 2', reason: expect.stringMatching(/^invalid purl: /) },
      { ref: 'line 2 software 4', reason: 'duplicate' },
    ]);
  });
});

describe('mapping files: syntax errors by line, shape errors by JSON pointer', () => {
  const MAP = 'mappings/biomed.yaml';
  const base = 'version: 1\ncolumns:\n  serial: Serial\n  model: Model\n';

  it('YAML syntax error: INPUT_MALFORMED_YAML with line and column', () => {
    expect(() => parseMapping(base.replace('model: Model', 'model: Model: Name'), MAP)).toThrow(
      fails('INPUT_MALFORMED_YAML', { file: MAP, line: 4, column: 10 }),
    );
  });

  it('a missing required column', () => {
    expect(() => parseMapping('version: 1\ncolumns:\n  model: Model\n', MAP)).toThrow(
      fails('INPUT_SCHEMA', { file: MAP, pointer: '/columns/serial' }),
    );
  });

  it('a misspelt key is named by its own pointer', () => {
    expect(() => parseMapping(`${base}  firmwre: FW\n`, MAP)).toThrow(
      fails('INPUT_SCHEMA', {
        file: MAP,
        pointer: '/columns/firmwre',
        reason: 'Unrecognized key: "firmwre"',
      }),
    );
  });

  it('a word mapped to a value we do not have', () => {
    const text = `${base}values:\n  criticality:\n    Life support: critical\n`;
    expect(() => parseMapping(text, MAP)).toThrow(
      fails('INPUT_SCHEMA', { file: MAP, pointer: '/values/criticality/Life support' }),
    );
  });

  it('a date layout we do not read, and a wrong version', () => {
    expect(() => parseMapping(`${base}dateFormat: DD.MM.YYYY\n`, MAP)).toThrow(
      fails('INPUT_SCHEMA', { file: MAP, pointer: '/dateFormat' }),
    );
    expect(() => parseMapping(base.replace('version: 1', 'version: 2'), MAP)).toThrow(
      fails('INPUT_SCHEMA', { file: MAP, pointer: '/version' }),
    );
  });

  it('defaults: comma, ISO dates, PHI assumed, no words, no tags', () => {
    expect(parseMapping(base, MAP)).toEqual({
      version: 1,
      delimiter: ',',
      dateFormat: 'YYYY-MM-DD',
      phiDefault: true,
      columns: { serial: 'Serial', model: 'Model' },
      values: { criticality: {}, patientProximity: {}, supportStatus: {}, phi: {} },
      tags: [],
    });
  });
});
