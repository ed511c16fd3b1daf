/**
 * MDS2 (ANSI/NEMA HN 1-2019) forms as CSV, on the SYNTHETIC NW-400 LVP form (fixtures/README.md):
 * 240 questions, 23 section headings, counted with Python's csv module.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  createCsvDevicesAdapter,
  devicesForForm,
  formCovers,
  isMds2Csv,
  MDS2_FACTS,
  mds2Reader,
  parseMds2,
  yesNo,
} from './index.js';

const FILE = 'fixtures/northwind-nw400-mds2.csv';
const form = () =>
  parseMds2({ file: FILE, text: readFileSync(new URL(`./${FILE}`, import.meta.url), 'utf8') });
const fails = (code: string, details: Record<string, unknown>) =>
  expect.objectContaining({ code, details: expect.objectContaining(details) });

describe('northwind-nw400-mds2.csv', () => {
  it('is recognised as an MDS2 form, not as a device export', () => {
    const input = { file: FILE, text: readFileSync(new URL(`./${FILE}`, import.meta.url), 'utf8') };
    expect(mds2Reader.accepts(input, undefined)).toBe(true);
    expect(createCsvDevicesAdapter().accepts(input, undefined)).toBe(false);
  });

  it('240 answered questions, headings skipped, nothing rejected; manufacturer and model from DOC-1/DOC-3', () => {
    const f = form();
    expect(Object.keys(f.answers)).toHaveLength(240);
    expect(f.rejected).toEqual([]);
    expect([f.manufacturer, f.model, f.models]).toEqual(['Northwind Medical', 'NW-400 LVP', ['NW-400 LVP']]);
    expect(f.answers['MPII-2.2']).toEqual({
      answer: 'Yes',
      note: 'Event log, last 5000 infusions',
      line: 22,
    });
    expect(f.answers['CSUP-2.3']?.answer).toBe('See Note');
    // every section of the 2019 form is present
    const sections = new Set(Object.keys(f.answers).map((id) => id.split('-')[0]));
    expect([...sections]).toEqual([
      'DOC',
      'MPII',
      'ALOF',
      'AUDT',
      'AUTH',
      'CSUP',
      'DIDT',
      'DTBK',
      'EMRG',
      'IGAU',
      'MLDP',
      'NAUT',
      'CONN',
      'PAUT',
      'PLOK',
      'RDMP',
      'SBOM',
      'SAHD',
      'SGUD',
      'STCF',
      'TXCF',
      'TXIG',
      'RMOT',
    ]);
  });

  it('derived facts', () => {
    expect(form().facts).toEqual({
      handlesPii: true,
      storesPiiPersistently: true,
      transmitsPii: true,
      transmitsPiiExternally: false,
      encryptsAtRest: true,
      encryptsInTransit: true,
      antiMalware: false,
      malwareCompensatingControls: true,
      vendorInstallsOsPatches: true,
      vendorInstallsFirmwarePatches: true,
      automaticUpdates: false,
      sbomAvailable: true,
    });
    expect(MDS2_FACTS.antiMalware).toEqual({
      question: 'MLDP-2',
      meaning: 'supports anti-malware software or another anti-malware mechanism',
      hipaa: '45 CFR 164.308(a)(5)(ii)(B)',
    });
  });

  it('attaches to all six NW-400 LVP pumps of the device export, and to nothing else', async () => {
    const text = readFileSync(new URL('./fixtures/saint-aldhelm-devices.csv', import.meta.url), 'utf8');
    const { items } = await createCsvDevicesAdapter().extractMany({ file: 'devices.csv', text });
    expect(devicesForForm(form(), items).map((d) => d.asset.externalId)).toEqual([
      'device:NW4A-210334',
      'device:NW4A-210335',
      'device:NW4A-210341',
      'device:NW4A-210342',
      'device:NW4A-198870',
      'device:NW4A-210350',
    ]);
    expect(formCovers(form(), 'NORTHWIND  medical', 'nw-400 lvp')).toBe(true);
    expect(formCovers(form(), 'Northwind Medical', 'NW-220 Syringe')).toBe(false);
    expect(formCovers(form(), undefined, 'NW-400 LVP')).toBe(false);
  });
});

describe('MDS2 rows and columns', () => {
  const csv = (...rows: string[]) => ({
    file: 'forms/x.csv',
    text: ['Question ID,Question,Answer,Note', ...rows].join('\n'),
  });
  const doc = ['DOC-1,Manufacturer,Acme Devices,', 'DOC-3,Model,"AX-1, AX-2; AX-3",'];

  it('a DOC-3 product family covers each model', () => {
    const f = parseMds2(csv(...doc));
    expect(f.models).toEqual(['AX-1', 'AX-2', 'AX-3']);
    expect(formCovers(f, 'acme devices', 'AX-2')).toBe(true);
  });

  it('bad ids, duplicates and stray answers are rejected by line; headings and blank answers are not', () => {
    const f = parseMds2(
      csv(
        ...doc,
        ',SECTION HEADING,,',
        'MLDP-2,q,No,',
        'mldp-2,q,Yes,',
        'SHAD 15,q,Yes,',
        ',,Yes,',
        'SBOM-1,q,,',
      ),
    );
    expect(f.rejected).toEqual([
      { ref: 'line 6', reason: 'duplicate question MLDP-2 (first on line 5)' },
      { ref: 'line 7', reason: '"SHAD 15" is not an MDS2 question id (e.g. MPII-2.2)' },
      { ref: 'line 8', reason: 'answer without a question id' },
    ]);
    expect(f.answers['SBOM-1']).toEqual({ answer: '', note: '', line: 9 });
    expect(f.facts.antiMalware).toBe(false);
    expect(f.facts.sbomAvailable).toBeNull();
  });

  it('no DOC-1 or an unanswered DOC-3: INPUT_SCHEMA naming the file (and the line when there is one)', () => {
    expect(() => parseMds2(csv('DOC-3,Model,AX-1,'))).toThrow(
      fails('INPUT_SCHEMA', {
        file: 'forms/x.csv',
        reason: 'MDS2 form has no manufacturer name (DOC-1 missing)',
      }),
    );
    expect(() => parseMds2(csv('DOC-1,Manufacturer,Acme,', 'DOC-3,Model,,'))).toThrow(
      fails('INPUT_SCHEMA', {
        file: 'forms/x.csv',
        line: 3,
        reason: 'MDS2 form has no device model (DOC-3 unanswered)',
      }),
    );
  });

  it('a CSV without an answer column is not an MDS2 form', () => {
    const text = 'Question ID,Question\nDOC-1,Manufacturer\n';
    expect(isMds2Csv(text)).toBe(false);
    expect(() => parseMds2({ file: 'q.csv', text })).toThrow(
      fails('INPUT_SCHEMA', { file: 'q.csv', line: 1 }),
    );
  });

  it.each([
    ['Yes', 'yes'],
    ['yes, optional', 'yes'],
    ['Y', 'yes'],
    ['No', 'no'],
    ['No - see IFU', 'no'],
    ['N/A', 'n/a'],
    ['NA', 'n/a'],
    ['N/A: no default accounts', 'n/a'],
    ['Not applicable', 'n/a'],
    ['See Note', null],
    ['Note 3', null],
    ['', null],
    ['Yesterday', null],
  ] as const)('yesNo(%j) = %j', (answer, expected) => {
    expect(yesNo(answer)).toBe(expected);
  });
});
