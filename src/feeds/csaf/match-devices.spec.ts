/**
 * The synthetic device export (fixtures/icsma-devices.csv, read by the device CSV adapter) against
 * all 144 ICSMA advisories: each device meets exactly the advisories expected, with the expected
 * confidence; the near-misses meet none.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractDevices, loadDefaultMapping } from '../../sources/devices/index.js';
import { csafAdvisory, csafFiles } from './csaf-data.test-helpers.js';
import { type DeviceMatch, type DeviceNonMatch, matchDevices } from './match-devices.js';

const text = readFileSync(new URL('./fixtures/icsma-devices.csv', import.meta.url), 'utf8');
const devices = extractDevices(
  { file: 'fixtures/icsma-devices.csv', text },
  loadDefaultMapping(),
  '2026-01-15',
);
const matches: DeviceMatch[] = [];
const nonMatches: DeviceNonMatch[] = [];
for (const f of csafFiles('icsma')) {
  const r = matchDevices(csafAdvisory('icsma', f), devices.items);
  matches.push(...r.matches);
  nonMatches.push(...r.nonMatches);
}
/** device serial → "ADVISORY confidence" set. */
const summary = (ms: DeviceMatch[]) => {
  const out: Record<string, string[]> = {};
  for (const m of ms) {
    const key = m.device.replace('device:', '');
    const v = `${m.advisory} ${m.confidence}`;
    out[key] = [...new Set([...(out[key] ?? []), v])].sort();
  }
  return out;
};

describe('icsma-devices.csv × 144 ICSMA advisories', () => {
  it('reads 16 devices', () => {
    expect(devices.items).toHaveLength(16);
    expect(devices.rejected).toEqual([]);
  });

  it('matches exactly the expected advisories, by vendor + model + firmware', () => {
    expect(summary(matches)).toEqual({
      'SYN-8015-0933': ['ICSMA-17-017-02 range'], // on the "<= 9.33" boundary
      'SYN-8015-0970': ['ICSMA-17-017-02 exact', 'ICSMA-17-017-02 range'], // "9.7" and 9.7 <= 9.33
      'SYN-PCU-0919': ['ICSMA-20-170-06 exact'], // vendor spelt "becton dickinson and company BD"
      'SYN-MF4K-0160': ['ICSMA-17-250-02A exact'], // 1.6.0 = "1.6"
      'SYN-MX40-0617': ['ICSMA-17-255-01 range'], // below B.06.18
      'SYN-MR360-0001': ['ICSMA-18-037-02 range', 'ICSMA-20-343-01 exact'], // "GE HealthCare" = "GE Healthcare"
      'SYN-GEH500-0154': ['ICSMA-18-128-01 range'], // the name's "1.54 and prior"
      'SYN-SIGMA-0008': ['ICSMA-20-170-04 model-only', 'ICSMA-22-251-01 model-only'],
      'SYN-CSM-0152': ['ICSMA-24-151-02 range'], // "<=1.52" boundary; 21-152-01 is Hillrom's
      'SYN-MMT-0670': ['ICSMA-22-263-01 model-only'], // no firmware recorded
    });
    expect(new Set(matches.map((m) => m.how))).toEqual(new Set(['vendor-model-version']));
  });

  it('gives no match to the near-misses', () => {
    const matched = new Set(matches.map((m) => m.device));
    for (const serial of [
      'SYN-8015-0934',
      'SYN-MF4K-0170',
      'SYN-MX40-0618',
      'SYN-MX40-0001',
      'SYN-OPT520-0001',
      'SYN-NW400-0001',
    ]) {
      expect(matched.has(`device:${serial}`), serial).toBe(false);
    }
  });

  it('says why a recognised model on another version is not a match', () => {
    const why = (serial: string) =>
      [
        ...new Set(
          nonMatches
            .filter((n) => n.device === `device:${serial}`)
            .map((n) => `${n.advisory} ${n.reason} ${n.detail}`),
        ),
      ].sort();
    expect(why('SYN-8015-0934')).toEqual([
      'ICSMA-17-017-02 version-outside device version "9.34" is not in 9.7',
      'ICSMA-17-017-02 version-outside device version "9.34" is not in <=9.33',
      'ICSMA-17-017-02 version-outside device version "9.34" is not in <=9.5',
    ]);
    expect(why('SYN-MX40-0618')).toEqual([
      'ICSMA-17-255-01 version-outside device version "B.06.18" is not in <B.06.18',
    ]);
    expect(why('SYN-MX40-0001')).toEqual([]); // a different product name is not recognised at all
  });

  it('explains model-only matches', () => {
    const sigma = matches.find(
      (m) => m.device === 'device:SYN-SIGMA-0008' && m.advisory === 'ICSMA-22-251-01',
    );
    expect(sigma?.reason).toBe(
      'advisory version "8.x model 35700BAX2": "8.x model 35700BAX2" is not a version',
    );
    const mmt = matches.find((m) => m.device === 'device:SYN-MMT-0670');
    expect(mmt).toMatchObject({
      productName:
        'MiniMed 670G: MMT-1740 MMT-1741 MMT-1742 MMT-1760 MMT-1762 MMT-1762 MMT-1780 MMT-1781 MMT-1782',
      reason: 'the device has no version',
    });
  });

  it('carries the CVE, status and remediations of each match', () => {
    const mx40 = matches.filter((m) => m.device === 'device:SYN-MX40-0617');
    expect(mx40.map((m) => m.cve).sort()).toEqual(['CVE-2017-9657', 'CVE-2017-9658']);
    expect(mx40.every((m) => m.status === 'known_affected' && m.remediations.length > 0)).toBe(true);
  });
});
