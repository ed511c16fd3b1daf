import { describe, expect, it } from 'vitest';
import { appErrorOfSync as errorOf } from '../../core/errors.test-helpers.js';
import { parseJsonText } from '../../core/structured-input.js';
import { cve5Record, nvdCve, nvdPage } from './cve-data.test-helpers.js';
import { readCveIntel } from './index.js';

describe('readCveIntel: format detection', () => {
  it('an NVD page, a {cve} item and a bare cve object are nvd-2.0', () => {
    const cve = nvdCve('CVE-2024-0001');
    const page = readCveIntel(nvdPage([cve, nvdCve('CVE-2024-0002')]), 'p.json');
    expect(page.format).toBe('nvd-2.0');
    expect(page.records.map((r) => [r.id, r.sourcePointer])).toEqual([
      ['CVE-2024-0001', '/vulnerabilities/0/cve'],
      ['CVE-2024-0002', '/vulnerabilities/1/cve'],
    ]);
    const item = readCveIntel({ cve }, 'i.json');
    expect(item).toMatchObject({
      format: 'nvd-2.0',
      records: [{ id: 'CVE-2024-0001', sourcePointer: '/cve' }],
    });
    const bare = readCveIntel(cve, 'b.json');
    expect(bare).toMatchObject({ format: 'nvd-2.0', records: [{ id: 'CVE-2024-0001', sourcePointer: '' }] });
    // The three spellings of one record differ only in where it sits.
    const strip = (r: { sourceFile: string; sourcePointer: string }) => ({
      ...r,
      sourceFile: '',
      sourcePointer: '',
    });
    expect(strip(bare.records[0]!)).toEqual(strip(page.records[0]!));
    expect(strip(item.records[0]!)).toEqual(strip(page.records[0]!));
  });

  it('errors in a {cve} item point below /cve', () => {
    const err = errorOf(() => readCveIntel({ cve: nvdCve('CVE-2024-0001', { references: null }) }, 'i.json'));
    expect(err.details).toMatchObject({ file: 'i.json', pointer: '/cve/references' });
  });

  it('a CVE JSON 5 record is cve-5', () => {
    expect(readCveIntel(cve5Record('CVE-2024-0001'), 'r.json')).toMatchObject({
      format: 'cve-5',
      records: [{ id: 'CVE-2024-0001' }],
    });
  });

  it.each([
    [
      'CVE JSON 4',
      { data_type: 'CVE', data_format: 'MITRE', data_version: '4.0', CVE_data_meta: { ID: 'CVE-2017-0001' } },
    ],
    [
      'NVD 1.1 data feed',
      { CVE_data_type: 'CVE', CVE_data_format: 'MITRE', CVE_data_version: '4.0', CVE_Items: [] },
    ],
  ])('%s is an unsupported spec', (_, doc) => {
    expect(errorOf(() => readCveIntel(doc, 'old.json')).code).toBe('INPUT_UNSUPPORTED_SPEC');
  });

  it.each([
    ['an array', []],
    ['a string', 'CVE-2024-0001'],
    ['null', null],
    ['an OSV record', { id: 'GHSA-xxxx-xxxx-xxxx', modified: '2024-01-01T00:00:00Z', affected: [] }],
  ])('%s is unrecognised', (_, doc) => {
    expect(errorOf(() => readCveIntel(doc, 'x.json'))).toMatchObject({
      code: 'INPUT_UNRECOGNISED',
      details: { file: 'x.json', pointer: '' },
    });
  });

  it('malformed JSON text fails before detection with file, line and column (parseJsonText)', () => {
    const text = '{\n  "format": "NVD_CVE",\n  "version": "2.0",\n  "vulnerabilities": [\n';
    const err = errorOf(() => readCveIntel(parseJsonText(text, 'cut.json'), 'cut.json'));
    expect(err.code).toBe('INPUT_MALFORMED_JSON');
    expect(err.details).toMatchObject({ file: 'cut.json', line: 5 });
  });
});
