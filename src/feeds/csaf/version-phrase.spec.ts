/**
 * Every phrasing of version-phrase.ts on product names copied from the ICSMA files (advisory id
 * in each row), the near-phrasings that must NOT be read, and the "X and prior" boundary law.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseVersionPhrase, VERSION_PHRASES } from './version-phrase.js';
import { containsVersion, describeSpec } from './version-spec.js';

const cases: Array<[advisory: string, name: string, spec: string, phrase: string]> = [
  ['ICSMA-17-017-01', 'Alaris 8000 PC unit: all versions', 'all versions', 'all versions'],
  ['ICSMA-18-037-02', 'Optima 520: *', 'all versions', 'all versions'],
  ['ICSMA-17-017-02', 'Alaris 8015 PC unit: Versions 9.33 and prior', '<=9.33', 'X and|or prior'],
  ['ICSMA-17-017-02', 'Alaris 8015 PC unit: Version 9.5 and prior versions', '<=9.5', 'X and|or prior'],
  ['ICSMA-18-086-01', 'Version: R8.0.3 or prior', '<=R8.0.3', 'X and|or prior'],
  ['ICSMA-20-317-01', 'Alaris PC Unit Model 8015: Versions 9.33.1 and earlier', '<=9.33.1', 'X and|or prior'],
  ['ICSMA-18-123-01', 'Brilliance 64: Versions 2.6.2 and below', '<=2.6.2', 'X and|or prior'],
  [
    'ICSMA-20-196-01',
    'Capsule Technologies SmartLinx Neuron 2: Firmware Versions 9.0.3 and older',
    '<=9.0.3',
    'X and|or prior',
  ],
  ['ICSMA-19-178-01', 'x: Software versions 2.6A or lower', '<=2.6A', 'X and|or prior'],
  ['ICSMA-18-142-01', 'x: Version 1.1.0.2 and previous', '<=1.1.0.2', 'X and|or prior'],
  [
    'ICSMA-18-128-01',
    'GEH-500: Version 1.54 and prior (integrated into GE MobileLink)',
    '<=1.54',
    'X and|or prior',
  ],
  ['ICSMA-17-009-01a', 'RF models EX1150: versions prior to Version 8.2.2', '<8.2.2', 'prior to'],
  [
    'ICSMA-17-255-01',
    'IntelliVue MX40 Patient Worn Monitor (WLAN only): all versions prior to Version B.06.18',
    '<B.06.18',
    'prior to',
  ],
  ['ICSMA-22-174-01', 'DCMTK: All versions prior to 3.6.7', '<3.6.7', 'prior to'],
  [
    'ICSMA-21-175-01',
    'Interoperability Solution XDS: Versions 2.5 through 3.11',
    '>=2.5 | <=3.11',
    'through',
  ],
  ['ICSMA-22-167-01', 'x: Versions 2.2.0 and prior', '<=2.2.0', 'X and|or prior'],
  ['ICSMA-22-062-02', 'BD Viper LT system: All Versions 2.0 and later', '>=2.0', 'and later'],
  ['ICSMA-23-180-01', 'Paceart Optima: <= 1.11', '<=1.11', 'operators'],
  [
    'ICSMA-23-117-01',
    'NextSeq 550Dx Operating Software: >= 1.0.0 | <= 1.3.1',
    '>=1.0.0 | <=1.3.1',
    'operators',
  ],
  ['ICSMA-17-250-02a', 'Medfusion 4000 Wireless Syringe Infusion Pump: Version 1.1', '1.1', 'Version X'],
  [
    'ICSMA-17-229-01',
    'DoseWise Portal: Versions 1.1.7.333 and 2.1.1.3069',
    '1.1.7.333 | 2.1.1.3069',
    'Version X',
  ],
  [
    'ICSMA-20-170-06',
    'Alaris PC Unit: Versions 9.13 9.19 9.33 and 12.1',
    '9.13 | 9.19 | 9.33 | 12.1',
    'Version X',
  ],
  [
    'ICSMA-23-331-01',
    'BD FACSChorus (HP Z2 G5 workstation, shipped with FACSMelody Cell Sorter): 3.0|3.1',
    '3.0 | 3.1',
    'Version X',
  ],
  ['ICSMA-19-241-01', 'Change Healthcare Cardiology: 14.1.x', '14.1.*', 'Version X'],
];

describe('parseVersionPhrase on ICSMA product names', () => {
  it.each(cases.filter((c) => c[2] !== ''))('%s %j → %s', (_id, name, spec, phrase) => {
    const got = parseVersionPhrase(name);
    expect(got && describeSpec(got)).toBe(spec);
    expect(got?.phrase).toContain(phrase);
  });

  it('covers every phrasing in VERSION_PHRASES', () => {
    const used = new Set(cases.map(([, name]) => parseVersionPhrase(name)?.phrase));
    expect(VERSION_PHRASES.filter((p) => !used.has(p.name)).map((p) => p.name)).toEqual([]);
  });

  it.each([
    ['ICSMA-18-277-02', 'PeerVue Web Server: all versions up to 7.6.2'], // "up to": inclusive or not? not guessed
    ['ICSMA-17-241-01', 'Accent MRI: manufactured prior to August 28'], // a date, not a version
    ['ICSMA-17-227-01', 'Luna CPAP Machine: all devices released prior to July 1 2017'],
    [
      'ICSMA-18-156-01',
      'IntelliVue Patient Monitors MP Series (includingMP2/X2/MP30/MP50/MP70/NP90/MX700/800): Rev B-M',
    ],
    [
      'ICSMA-22-251-01',
      'Sigma Spectrum LVP: v8.x Wireless Battery Modules v17 v17D19 v20D29 to v20D32 and v22D24 to v22D28',
    ],
    [
      'ICSMA-23-047-01',
      'Alaris Infusion Central software: versions 1.1 to 1.3.2, which are not sold in the U.S.',
    ],
    [
      'ICSMA-20-296-02',
      'SpaceCom: software Versions U61 and earlier (United States) L81 and earlier (outside the United States)',
    ],
    ['ICSMA-19-029-01', 'InTouch ICU Bed (enabled with Bed Wireless): Models 2131 and 2141'],
    ['ICSMA-17-250-01', 'SmartLog Diabetes Management Software - < 2.4.0'], // no ": "
    ['ICSMA-19-248-01', 'x: Pyxis ES Versions 1.3.4 through to 1.5.3'],
  ])('%s %j is not read', (_id, name) => {
    expect(parseVersionPhrase(name)).toBeUndefined();
  });
});

describe('"X and prior" / "prior to X" boundaries', () => {
  it.each([
    ['Alaris 8015 PC unit: Versions 9.33 and prior', '9.33', 'in'],
    ['Alaris 8015 PC unit: Versions 9.33 and prior', '9.33.0', 'in'],
    ['Alaris 8015 PC unit: Versions 9.33 and prior', '9.33.1', 'out'],
    ['Alaris 8015 PC unit: Versions 9.33 and prior', '9.34', 'out'],
    ['Alaris 8015 PC unit: Versions 9.33 and prior', '9.5', 'in'],
    ['RF models EX1150: versions prior to Version 8.2.2', '8.2.2', 'out'],
    ['RF models EX1150: versions prior to Version 8.2.2', '8.2.1.99', 'in'],
    ['Xcelera: R4.1L1 and prior', 'R4.1L0', 'in'],
    ['Xcelera: R4.1L1 and prior', 'R4.1L2', 'out'],
  ])('%j: %s is %s', (name, v, want) => {
    const spec = parseVersionPhrase(name);
    expect(spec && containsVersion(spec, v).kind).toBe(want);
  });

  const dotted = fc.array(fc.nat({ max: 999 }), { minLength: 1, maxLength: 4 }).map((xs) => xs.join('.'));
  const next = (v: string) => v.replace(/(\d+)$/, (d) => String(Number(d) + 1));
  const wording = fc.constantFrom('and prior', 'and earlier', 'and below', 'or prior', 'and prior versions');

  it('"X and prior" contains X and not X+1, for any X and wording', () => {
    fc.assert(
      fc.property(dotted, wording, (x, w) => {
        const spec = parseVersionPhrase(`Pump: Versions ${x} ${w}`);
        return (
          !!spec && containsVersion(spec, x).kind === 'in' && containsVersion(spec, next(x)).kind === 'out'
        );
      }),
    );
  });

  it('"prior to X" contains neither X nor X+1; "X through Y" contains both ends', () => {
    fc.assert(
      fc.property(dotted, (x) => {
        const before = parseVersionPhrase(`Pump: all versions prior to ${x}`);
        const through = parseVersionPhrase(`Pump: Versions ${x} through ${next(x)}`);
        return (
          !!before &&
          !!through &&
          containsVersion(before, x).kind === 'out' &&
          containsVersion(before, next(x)).kind === 'out' &&
          containsVersion(through, x).kind === 'in' &&
          containsVersion(through, next(x)).kind === 'in'
        );
      }),
    );
  });
});
