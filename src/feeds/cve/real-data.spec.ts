/**
 * Every real NVD 2.0 and CVE 5 sample parses (shared/data/osv, from google/osv.dev
 * vulnfeeds/test_data); concrete values are pinned from the files themselves.
 */
import { describe, expect, it } from 'vitest';
import { CVE5_DIR, NVD_DIR, readSample, sampleFiles, sampleRecord } from './cve-data.test-helpers.js';

const nvd = (name: string) => sampleRecord(NVD_DIR, `${name}.json`);
const cve5 = (name: string) => sampleRecord(CVE5_DIR, `${name}.json`);

describe('real samples: every file parses', () => {
  it('the folders hold 23 NVD and 13 CVE 5 files (README)', () => {
    expect(sampleFiles(NVD_DIR)).toHaveLength(23);
    expect(sampleFiles(CVE5_DIR)).toHaveLength(13);
  });

  it.each(sampleFiles(NVD_DIR))('NVD %s: one record, id = file name, every score re-computes', (name) => {
    const { format, records } = readSample(NVD_DIR, name);
    expect(format).toBe('nvd-2.0');
    expect(records.map((r) => r.id)).toEqual([name.replace(/\.json$/, '')]);
    expect(records[0]?.sourcePointer).toBe('/vulnerabilities/0/cve');
    expect(records[0]?.cvss.every((m) => m.scoreCheck === 'ok')).toBe(true);
  });

  it.each(sampleFiles(CVE5_DIR))('CVE 5 %s: one record, id = file name, every score re-computes', (name) => {
    const { format, records } = readSample(CVE5_DIR, name);
    expect(format).toBe('cve-5');
    expect(records.map((r) => r.id)).toEqual([name.replace(/\.json$/, '')]);
    expect(records[0]?.status).toBe('PUBLISHED');
    expect(records[0]?.cvss.every((m) => m.scoreCheck === 'ok')).toBe(true);
  });

  it('all 50 CVSS metrics (38 NVD, 12 CVE 5) re-compute to their stated base score', () => {
    const metrics = (dir: string) => sampleFiles(dir).flatMap((n) => sampleRecord(dir, n).cvss);
    const nvdMetrics = metrics(NVD_DIR);
    const cve5Metrics = metrics(CVE5_DIR);
    expect([nvdMetrics.length, cve5Metrics.length]).toEqual([38, 12]);
    expect([...nvdMetrics, ...cve5Metrics].filter((m) => m.scoreCheck !== 'ok')).toEqual([]);
  });

  it('CISA Vulnrichment SSVC is present in 10 of the 13 CVE 5 samples', () => {
    const withSsvc = sampleFiles(CVE5_DIR).filter((n) => sampleRecord(CVE5_DIR, n).ssvc !== undefined);
    expect(withSsvc).toHaveLength(10);
  });
});

describe('real samples: pinned NVD values', () => {
  it('CVE-2023-4863 (libwebp): NVD 3.1 vector and score, CWE, embedded KEV entry', () => {
    const r = nvd('CVE-2023-4863');
    expect(r.status).toBe('Modified');
    expect(r.published).toBe('2023-09-12T15:15:24.327');
    expect(r.modified).toBe('2023-10-28T19:15:38.643');
    expect(r.cvss).toEqual([
      {
        version: '3.1',
        vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H',
        baseScore: 8.8,
        baseSeverity: 'HIGH',
        source: 'nvd@nist.gov',
        type: 'Primary',
        scoreCheck: 'ok',
        computedBaseScore: 8.8,
      },
    ]);
    expect(r.cwes).toEqual(['CWE-787']);
    expect(r.kev).toEqual({
      dateAdded: '2023-09-13',
      dueDate: '2023-10-04',
      requiredAction:
        'Apply mitigations per vendor instructions or discontinue use of the product if mitigations are unavailable.',
    });
    expect(r.references).toBe(44);
    expect(r.ssvc).toBeUndefined();
  });

  it('CVE-2024-3094 (xz): NVD copies CISA SSVC as metrics.ssvcV203; CNA and NVD both score 10.0', () => {
    const r = nvd('CVE-2024-3094');
    expect(r.ssvc).toEqual({
      exploitation: 'none',
      automatable: 'yes',
      technicalImpact: 'total',
      timestamp: '2024-04-02T04:00:23.138684Z',
      source: '134c704f-9b21-4f2e-91b3-4a467353bcc0',
      version: '2.0.3',
      role: 'CISA Coordinator',
    });
    expect(r.cvss.map((m) => [m.source, m.type, m.baseScore])).toEqual([
      ['secalert@redhat.com', 'Secondary', 10],
      ['nvd@nist.gov', 'Primary', 10],
    ]);
    expect(r.cwes).toEqual(['CWE-506']);
    expect(r.kev).toBeUndefined();
  });

  it('CVE-2016-1585: 3.1, 3.0 and 2.0 metrics newest first; NVD-CWE-noinfo is not a CWE', () => {
    const r = nvd('CVE-2016-1585');
    expect(r.cvss.map((m) => [m.version, m.vector, m.baseScore, m.baseSeverity, m.source])).toEqual([
      ['3.1', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 9.8, 'CRITICAL', 'nvd@nist.gov'],
      ['3.0', 'CVSS:3.0/AV:L/AC:H/PR:H/UI:N/S:U/C:L/I:L/A:L', 3.9, 'LOW', 'security@ubuntu.com'],
      ['2.0', 'AV:N/AC:L/Au:N/C:P/I:P/A:P', 7.5, 'HIGH', 'nvd@nist.gov'],
    ]);
    expect(r.cwes).toEqual([]);
    // Four reference entries, two URLs: NVD lists a URL once per source that cites it.
    expect(r.references).toBe(2);
  });

  it('CVE-2014-1424: a Deferred 2.0-only record; the 2.0 severity sits beside cvssData', () => {
    const r = nvd('CVE-2014-1424');
    expect(r.status).toBe('Deferred');
    expect(r.rejected).toBe(false);
    expect(r.cvss).toMatchObject([{ version: '2.0', vector: 'AV:N/AC:L/Au:N/C:N/I:P/A:P', baseScore: 6.4 }]);
    expect(r.cvss[0]?.baseSeverity).toBe('MEDIUM');
    expect(r.cwes).toEqual(['CWE-264']);
  });

  it('CVE-2022-1122: CWEs from the CNA and NVD weaknesses, deduplicated in order', () => {
    expect(nvd('CVE-2022-1122').cwes).toEqual(['CWE-665', 'CWE-824']);
  });

  it('CVE-2023-5341 / CVE-2024-47177: timestamps kept as written; CNA-only scores while awaiting NVD', () => {
    const a = nvd('CVE-2023-5341');
    expect(a.published).toBe('2023-11-19T10:15:49.433Z');
    expect(a.status).toBe('Undergoing Analysis');
    const b = nvd('CVE-2024-47177');
    expect(b.status).toBe('Awaiting Analysis');
    expect(b.cvss).toMatchObject([
      { vector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:C/C:H/I:H/A:H', baseScore: 9, type: 'Secondary' },
    ]);
    expect(b.cwes).toEqual(['CWE-77']);
  });
});

describe('real samples: pinned CVE 5 values', () => {
  it('CVE-2026-23522: Vulnrichment SSVC poc / no / partial and four CNA CWEs', () => {
    const r = cve5('CVE-2026-23522');
    expect(r.ssvc).toEqual({
      exploitation: 'poc',
      automatable: 'no',
      technicalImpact: 'partial',
      timestamp: '2026-01-20T21:35:33.327391Z',
      source: 'CISA-ADP',
      version: '2.0.3',
      role: 'CISA Coordinator',
    });
    expect(r.cwes).toEqual(['CWE-284', 'CWE-639', 'CWE-862', 'CWE-915']);
    expect(r.cvss).toMatchObject([
      {
        version: '3.1',
        vector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:L/A:N',
        baseScore: 3.7,
        source: 'GitHub_M',
      },
    ]);
  });

  it('CVE-2024-3094: the CVE 5 ADP and the NVD copy carry the same SSVC triple and CWE', () => {
    const a = cve5('CVE-2024-3094');
    const b = nvd('CVE-2024-3094');
    const { source: sa, ...pa } = a.ssvc ?? {};
    const { source: sb, ...pb } = b.ssvc ?? {};
    expect(pa).toEqual(pb);
    expect([sa, sb]).toEqual(['CISA-ADP', '134c704f-9b21-4f2e-91b3-4a467353bcc0']);
    expect(a.cwes).toEqual(b.cwes);
    expect(a.cvss).toMatchObject([
      { vector: b.cvss[0]?.vector, baseScore: 10, source: 'redhat', type: 'Primary' },
    ]);
    // The "CVE Program Container" ADP repeats the CNA's URLs and NVD lists 59 entries for 55 URLs:
    // counted once each, both formats agree.
    expect(a.references).toBe(55);
    expect(b.references).toBe(55);
  });

  it('CVE-2024-7264 (curl): CISA ADP CVSS 3.1 as Secondary; CWE taken from a description-only problem type', () => {
    const r = cve5('CVE-2024-7264');
    expect(r.cvss).toEqual([
      {
        version: '3.1',
        vector: 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:L/I:L/A:L',
        baseScore: 6.3,
        baseSeverity: 'MEDIUM',
        source: 'CISA-ADP',
        type: 'Secondary',
        scoreCheck: 'ok',
        computedBaseScore: 6.3,
      },
    ]);
    expect(r.cwes).toEqual(['CWE-125']);
  });

  it('CVE-2025-4565 (protobuf): a CNA CVSS 4.0 vector scores 8.2', () => {
    expect(cve5('CVE-2025-4565').cvss).toEqual([
      {
        version: '4.0',
        vector: 'CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:N/VI:N/VA:H/SC:N/SI:N/SA:N',
        baseScore: 8.2,
        baseSeverity: 'HIGH',
        source: 'Google',
        type: 'Primary',
        scoreCheck: 'ok',
        computedBaseScore: 8.2,
      },
    ]);
  });

  it('CVE-2016-15012 (VulDB): 3.1, 3.0 and a 2.0 metric without severity; SSVC none / yes / total', () => {
    const r = cve5('CVE-2016-15012');
    expect(r.cvss.map((m) => [m.version, m.baseScore, m.baseSeverity])).toEqual([
      ['3.1', 5.5, 'MEDIUM'],
      ['3.0', 5.5, 'MEDIUM'],
      ['2.0', 5.2, null],
    ]);
    expect(r.cwes).toEqual(['CWE-89']);
    expect(r.ssvc).toMatchObject({ exploitation: 'none', automatable: 'yes', technicalImpact: 'total' });
  });

  it('CVE-2016-1897 (legacy MITRE record): no metrics, "n/a" problem type, 12 distinct references', () => {
    const r = cve5('CVE-2016-1897');
    expect(r).toMatchObject({ cvss: [], cwes: [], references: 12, published: '2016-01-15T02:00:00.000Z' });
    expect(r.ssvc).toBeUndefined();
    expect(r.kev).toBeUndefined();
  });
});
