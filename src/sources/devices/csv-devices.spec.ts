/**
 * The device CSV adapter on the SYNTHETIC fixtures (fixtures/README.md: no real device export
 * exists in shared/data). Counts were checked by reading the CSV files by eye and with Python's
 * csv module.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Extraction } from '../../core/inventory.js';
import { createCsvDevicesAdapter, type DeviceExtraction, readMappingFile } from './index.js';

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url);
const read = (name: string) => ({ file: `fixtures/${name}`, text: readFileSync(fixture(name), 'utf8') });
const now = () => new Date('2026-01-15T09:00:00Z');
const adapter = createCsvDevicesAdapter({ now });
const bySerial = (r: DeviceExtraction, serial: string) =>
  r.items.find((d) => d.asset.externalId === `device:${serial}`);
const count = (items: Extraction[], f: (d: Extraction) => string | undefined) =>
  items.reduce<Record<string, number>>((acc, d) => {
    const k = f(d) ?? 'unset';
    acc[k] = (acc[k] ?? 0) + 1;
    return acc;
  }, {});

describe('saint-aldhelm-devices.csv (generic CMDB export, default mapping)', () => {
  const input = read('saint-aldhelm-devices.csv');

  it('is recognised by its header (serial and model columns), after the BOM', () => {
    expect(adapter.id).toBe('devices/csv');
    expect(adapter.version).toBe('1');
    expect(adapter.accepts(input, undefined)).toBe(true);
    expect(input.text.charCodeAt(0)).toBe(0xfeff);
  });

  it('20 devices, 39 components; 3 rows rejected with their line and reason', async () => {
    const r = await adapter.extractMany(input, undefined);
    expect(r.items).toHaveLength(20);
    expect(r.items.flatMap((d) => d.components)).toHaveLength(39);
    expect(r.items.flatMap((d) => d.rejected)).toEqual([]);
    // line 17 holds the MRI row whose Notes cell spans two CRLF lines: the rows after it are
    // numbered from the file's lines, not from csv-parse's count (which is one too high here).
    expect(r.rejected).toEqual([
      { ref: 'line 23', reason: 'no serial in column "Serial Number"' },
      { ref: 'line 24', reason: 'unknown clinical criticality "Tier 2" in column "Clinical Criticality"' },
      { ref: 'line 25', reason: 'date "31/12/2028" in column "End of Support" is not YYYY-MM-DD' },
    ]);
    expect(r.columns.tags).toEqual(['Asset Tag', 'IP Address']);
    expect(r.columns.ignored).toEqual(['Notes']);
  });

  it('models, criticality, PHI and support across the fleet', async () => {
    const { items } = await adapter.extractMany(input, undefined);
    expect(count(items, (d) => d.asset.tags['device:model'])).toEqual({
      'NW-400 LVP': 6,
      'NW-220 Syringe': 2,
      'VitaView M70': 5,
      'VitaView Central Station': 1,
      'ArcView PACS Workstation': 1,
      'Orion 1.5T MR Console': 1,
      'AR-9 Ventilator': 2,
      'Carina A5 Anesthesia Workstation': 1,
      'SonoPoint 3 Ultrasound': 1,
    });
    expect(count(items, (d) => d.asset.clinicalCriticality)).toEqual({
      high: 14,
      'life-critical': 3,
      medium: 3,
    });
    expect(count(items, (d) => d.asset.tags.PHI)).toEqual({ true: 17, false: 3 });
    expect(count(items, (d) => d.asset.tags['device:phiSource'])).toEqual({
      'column "Stores PHI"': 18,
      'mapping phiDefault': 2,
    });
    expect(count(items, (d) => d.asset.supportStatus)).toEqual({ supported: 19, 'end-of-support': 1 });
    expect(new Set(items.map((d) => d.asset.kind))).toEqual(new Set(['medical-device']));
  });

  it('an infusion pump: the whole record, firmware as a generic purl', async () => {
    const r = await adapter.extractMany(input, undefined);
    expect(bySerial(r, 'NW4A-198870')).toEqual<Extraction>({
      asset: {
        externalId: 'device:NW4A-198870',
        name: 'LVP Emergency-05',
        kind: 'medical-device',
        version: '4.1.7',
        owner: 'Biomedical Engineering',
        clinicalCriticality: 'high',
        supportStatus: 'supported',
        tags: {
          'device:manufacturer': 'Northwind Medical',
          'device:model': 'NW-400 LVP',
          'device:location': 'Emergency Department',
          'device:networkZone': 'Clinical IoT VLAN 210',
          'device:patientProximity': 'patient-connected',
          'device:endOfSupport': '2029-12-31',
          PHI: 'true',
          'device:phiSource': 'column "Stores PHI"',
          'Asset Tag': 'SAR-BME-0105',
          'IP Address': '10.21.0.15',
        },
      },
      components: [
        {
          purl: 'pkg:generic/Northwind%20Medical/NW-400%20LVP-firmware@4.1.7',
          ecosystem: null,
          name: 'Northwind Medical/NW-400 LVP-firmware',
          version: '4.1.7',
          ref: 'line 6 firmware',
        },
      ],
      rejected: [],
    });
  });

  it('the MRI console is end-of-support by its date although the status column says Supported', async () => {
    const mri = bySerial(await adapter.extractMany(input, undefined), 'MMX-15-00412');
    expect(mri?.asset).toMatchObject({
      supportStatus: 'end-of-support',
      tags: { 'device:endOfSupport': '2023-06-30' },
    });
    expect(mri?.components.map((c) => [c.name, c.version])).toEqual([
      ['Windows 7 Professional for Embedded Systems', '6.1.7601'],
      ['Orion MR Workspace VB20', null],
      ['Microsoft .NET Framework', '4.5.2'],
    ]);
  });

  it('a patient monitor: firmware and the software cell, items in order', async () => {
    const m = bySerial(await adapter.extractMany(input, undefined), 'HXM70-7Q2231');
    expect(m?.components.map((c) => [c.purl, c.ref])).toEqual([
      ['pkg:generic/Helix%20Patient%20Systems/VitaView%20M70-firmware@C.03.12', 'line 10 firmware'],
      ['pkg:generic/OpenSSL@1.0.2u', 'line 10 software 1'],
      ['pkg:generic/BusyBox@1.31.1', 'line 10 software 2'],
    ]);
  });
});

describe('servicenow-devices.csv (custom mapping: ";" delimiter, US dates, own words)', () => {
  const mapping = readMappingFile(fileURLToPath(fixture('servicenow-mapping.yaml')));
  const sn = createCsvDevicesAdapter({ mapping, now });
  const input = read('servicenow-devices.csv');

  it('is not recognised by the default mapping, is by its own', () => {
    expect(adapter.accepts(input, undefined)).toBe(false);
    expect(sn.accepts(input, undefined)).toBe(true);
  });

  it('5 devices, none rejected; status, dates and PHI through the mapping', async () => {
    const r = await sn.extractMany(input, undefined);
    expect(r.rejected).toEqual([]);
    expect(
      r.items.map((d) => [
        d.asset.name,
        d.asset.clinicalCriticality,
        d.asset.supportStatus,
        d.asset.tags.PHI,
      ]),
    ).toEqual([
      ['DIAL-04', 'life-critical', 'supported', 'true'],
      ['DIAL-05', 'life-critical', 'supported', 'true'],
      ['LAB-CHEM-1', 'medium', 'end-of-support', 'true'], // 06/30/2024 is past
      ['ECG-CART-2', 'high', 'end-of-support', 'true'], // install_status Retired
      ['BLD-WARM-1', 'low', 'supported', 'false'], // blank PHI cell: this mapping's phiDefault is false
    ]);
    expect(bySerial(r, 'TR58-0041')?.asset.tags).toMatchObject({
      'device:endOfSupport': '2030-12-31',
      asset_tag: 'P-100231',
      sys_id: '0a1b2c3d4e5f40718293a4b5c6d7e8f1',
    });
  });

  it('a software item given as a purl keeps its ecosystem; the others are generic', async () => {
    const lab = bySerial(await sn.extractMany(input, undefined), 'QDC9-22871');
    expect(lab?.components.map((c) => [c.purl, c.ecosystem, c.name, c.version])).toEqual([
      [
        'pkg:generic/Windows%2010%20Enterprise%20LTSC%202016@10.0.14393',
        null,
        'Windows 10 Enterprise LTSC 2016',
        '10.0.14393',
      ],
      ['pkg:nuget/Newtonsoft.Json@9.0.1', 'NuGet', 'Newtonsoft.Json', '9.0.1'],
      ['pkg:generic/QD%20LabLink@3.3', null, 'QD LabLink', '3.3'],
    ]);
  });
});
