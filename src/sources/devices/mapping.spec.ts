/**
 * The pieces a row goes through: header matching, cell conversion, support status, purls.
 */
import { describe, expect, it } from 'vitest';
import { firmwarePurl, softwarePurl, splitSoftware } from './components.js';
import { loadDefaultMapping, planColumns } from './mapping.js';
import { criticalityOf, dateOf, proximityOf, supportStatus } from './values.js';

const m = loadDefaultMapping();

describe('default-mapping.yaml', () => {
  it('loads, and every value word maps to one of our values', () => {
    expect(m.version).toBe(1);
    expect(m.phiDefault).toBe(true);
    expect(Object.keys(m.values.criticality)).toContain('Life support');
    expect(m.values.criticality['Life support']).toBe('life-critical');
    expect(m.values.criticality.High).toBe('high');
  });
});

describe('planColumns', () => {
  it('matches headers case-insensitively, spaces normalised, first alias that is present wins', () => {
    const plan = planColumns(['  serial   NO ', 'SN', 'model name', 'Vendor', 'Comments', 'asset tag'], m);
    expect(plan).toEqual({
      fields: { serial: '  serial   NO ', model: 'model name', manufacturer: 'Vendor' },
      tags: ['asset tag'],
      ignored: ['SN', 'Comments'],
    });
  });

  it('null without a serial or a model column', () => {
    expect(planColumns(['Serial', 'Manufacturer'], m)).toBeNull();
    expect(planColumns(['Model'], m)).toBeNull();
  });
});

describe('cell values', () => {
  it('export words and our own spellings; anything else is an error naming the column', () => {
    expect(criticalityOf('LIFE  SUPPORT', m, 'Crit')).toEqual({ ok: true, value: 'life-critical' });
    expect(criticalityOf('medium', m, 'Crit')).toEqual({ ok: true, value: 'medium' });
    expect(criticalityOf('Tier 2', m, 'Crit')).toEqual({
      ok: false,
      reason: 'unknown clinical criticality "Tier 2" in column "Crit"',
    });
    expect(proximityOf('patient-area', m, 'P')).toEqual({ ok: true, value: 'patient-area' });
  });

  it.each([
    ['2025-06-30', 'YYYY-MM-DD', '2025-06-30'],
    ['2025-06-30 00:00:00', 'YYYY-MM-DD', '2025-06-30'],
    ['2025-06-30T00:00:00Z', 'YYYY-MM-DD', '2025-06-30'],
    ['6/30/2025', 'MM/DD/YYYY', '2025-06-30'],
    ['30/06/2025', 'DD/MM/YYYY', '2025-06-30'],
    ['2024-02-29', 'YYYY-MM-DD', '2024-02-29'],
  ] as const)('dateOf(%j, %s) = %s', (cell, format, iso) => {
    expect(dateOf(cell, format, 'EOS')).toEqual({ ok: true, value: iso });
  });

  it.each([
    ['2025-02-29', 'YYYY-MM-DD', 'does not exist'],
    ['30/06/2025', 'MM/DD/YYYY', 'does not exist'],
    ['June 2025', 'YYYY-MM-DD', 'is not YYYY-MM-DD'],
    ['2025-6-30', 'YYYY-MM-DD', 'is not YYYY-MM-DD'],
  ] as const)('dateOf(%j, %s) fails: %s', (cell, format, why) => {
    expect(dateOf(cell, format, 'EOS')).toEqual({
      ok: false,
      reason: `date "${cell}" in column "EOS" ${why}`,
    });
  });
});

describe('supportStatus (today 2026-01-15)', () => {
  it.each([
    [undefined, undefined, undefined],
    ['supported', undefined, 'supported'],
    ['supported', '2026-01-14', 'end-of-support'],
    ['supported', '2026-01-15', 'supported'], // the last day of support is still supported
    ['end-of-support', '2030-01-01', 'end-of-support'],
    ['unknown', '2030-01-01', 'supported'],
    ['unknown', undefined, 'unknown'],
    [undefined, '2030-01-01', 'supported'],
    [undefined, '2020-01-01', 'end-of-support'],
  ] as const)('status %s, end of support %s → %s', (status, date, expected) => {
    expect(supportStatus(status, date, '2026-01-15')).toBe(expected);
  });
});

describe('purls', () => {
  it('firmware: manufacturer as namespace, or none', () => {
    expect(firmwarePurl('Acme', 'X 1', '2.0')).toBe('pkg:generic/Acme/X%201-firmware@2.0');
    expect(firmwarePurl(undefined, 'X/1', '2.0')).toBe('pkg:generic/X%2F1-firmware@2.0');
  });

  it.each([
    ['OpenSSL 1.0.2u', 'pkg:generic/OpenSSL@1.0.2u'],
    ['Oracle Java SE Runtime 8u381', 'pkg:generic/Oracle%20Java%20SE%20Runtime@8u381'],
    ['Node.js v18.20.4', 'pkg:generic/Node.js@v18.20.4'],
    ['McAfee ENS', 'pkg:generic/McAfee%20ENS'],
    ['Windows 10', 'pkg:generic/Windows@10'],
    ['pkg:pypi/requests@2.31.0', 'pkg:pypi/requests@2.31.0'],
  ])('softwarePurl(%j) = %s', (item, purl) => {
    expect(softwarePurl(item)).toEqual({ purl });
  });

  it('splitSoftware: `;`-separated, blanks dropped', () => {
    expect(splitSoftware(' a 1 ;; b 2 ; ')).toEqual(['a 1', 'b 2']);
  });
});
