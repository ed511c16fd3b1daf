import { describe, expect, it } from 'vitest';
import { appErrorOfSync as errorOf } from '../../core/errors.test-helpers.js';
import { cisaAdp, cve5Record, ssvcMetric } from './cve-data.test-helpers.js';
import { readCve5Record } from './cve5.js';

const F = 'CVE-2024-0001.json';
const ID = 'CVE-2024-0001';

describe('readCve5Record: mapping', () => {
  it('maps a minimal record: CNA metrics are Primary, named by the CNA short name', () => {
    expect(readCve5Record(cve5Record(ID), F)).toEqual({
      id: ID,
      published: '2024-01-02T03:04:05.678Z',
      modified: '2024-02-03T04:05:06.789Z',
      status: 'PUBLISHED',
      rejected: false,
      cvss: [
        {
          version: '3.1',
          vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N',
          baseScore: 6.1,
          baseSeverity: 'MEDIUM',
          source: 'GitHub_M',
          type: 'Primary',
          scoreCheck: 'ok',
          computedBaseScore: 6.1,
        },
      ],
      cwes: ['CWE-79'],
      references: 1,
      sourceFile: F,
      sourcePointer: '',
    });
  });

  it('CISA ADP KEV entry (other.type "kev") and SSVC', () => {
    const kev = {
      other: {
        type: 'kev',
        content: {
          dateAdded: '2024-07-01',
          reference: 'https://www.cisa.gov/known-exploited-vulnerabilities-catalog?search=CVE-2024-0001',
        },
      },
    };
    const r = readCve5Record(
      cve5Record(ID, { adp: [cisaAdp([ssvcMetric(ID, 'active', 'yes', 'total'), kev])] }),
      F,
    );
    expect(r.kev).toEqual({
      dateAdded: '2024-07-01',
      reference: 'https://www.cisa.gov/known-exploited-vulnerabilities-catalog?search=CVE-2024-0001',
    });
    expect(r.ssvc).toEqual({
      exploitation: 'active',
      automatable: 'yes',
      technicalImpact: 'total',
      timestamp: '2024-05-06T07:08:09.123456Z',
      source: 'CISA-ADP',
      version: '2.0.3',
      role: 'CISA Coordinator',
    });
  });

  it('ADP CVSS (4.0 with environmental metrics) is Secondary and checked against CVSS-B', () => {
    const v =
      'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U/CR:L/IR:L/AR:L/MAV:P/MAC:H/MVC:L';
    const adp = cisaAdp([
      { cvssV4_0: { version: '4.0', vectorString: v, baseScore: 9.3, baseSeverity: 'CRITICAL' } },
    ]);
    const r = readCve5Record(cve5Record(ID, { adp: [adp] }), F);
    expect(r.cvss[1]).toMatchObject({
      version: '4.0',
      vector: v,
      source: 'CISA-ADP',
      type: 'Secondary',
      scoreCheck: 'ok',
    });
  });

  it('one metric object with several versions: newest first', () => {
    const cna = {
      providerMetadata: { orgId: 'x' },
      metrics: [
        {
          cvssV2_0: { version: '2.0', vectorString: 'AV:N/AC:L/Au:N/C:P/I:P/A:P', baseScore: 7.5 },
          cvssV3_1: {
            version: '3.1',
            vectorString: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
            baseScore: 9.8,
          },
        },
      ],
    };
    const r = readCve5Record(cve5Record(ID, { cna }), F);
    expect(r.cvss.map((m) => [m.version, m.source])).toEqual([
      ['3.1', 'x'],
      ['2.0', 'x'],
    ]);
    // No short name: the org UUID names the scorer. No references member: zero.
    expect(r.references).toBe(0);
  });

  it('a REJECTED record: no publication date, flagged, no metrics', () => {
    const r = readCve5Record(
      cve5Record(ID, {
        meta: { state: 'REJECTED', datePublished: undefined, dateRejected: '2024-03-01T00:00:00.000Z' },
        cna: { providerMetadata: { orgId: 'x' }, rejectedReasons: [{ lang: 'en', value: 'duplicate' }] },
      }),
      F,
    );
    expect(r).toMatchObject({ status: 'REJECTED', rejected: true, published: null, cvss: [], cwes: [] });
  });

  it('several SSVC assessments: the latest timestamp wins; SSVC "Public PoC" spelling maps to poc', () => {
    const adp = cisaAdp([
      ssvcMetric(ID, 'none', 'no', 'partial', '2024-01-01T00:00:00Z'),
      ssvcMetric(ID, 'Public PoC', 'no', 'partial', '2024-02-01T00:00:00Z'),
    ]);
    expect(readCve5Record(cve5Record(ID, { adp: [adp] }), F).ssvc?.exploitation).toBe('poc');
  });

  it('CWE ids from cweId, or from the leading text when a CNA leaves cweId out; text types ignored', () => {
    const cna = {
      providerMetadata: { orgId: 'x' },
      problemTypes: [
        { descriptions: [{ lang: 'en', description: 'CWE-125 Out-of-bounds Read' }] },
        { descriptions: [{ lang: 'en', type: 'text', description: 'CWE-20 mentioned in text' }] },
        { descriptions: [{ lang: 'en', type: 'CWE', cweId: 'CWE-787', description: 'x' }] },
      ],
    };
    const adp = {
      providerMetadata: { orgId: 'y' },
      problemTypes: [{ descriptions: [{ lang: 'en', cweId: 'CWE-125', type: 'CWE', description: 'dup' }] }],
    };
    expect(readCve5Record(cve5Record(ID, { cna, adp: [adp] }), F).cwes).toEqual(['CWE-125', 'CWE-787']);
  });
});

describe('readCve5Record: malformed input with a JSON pointer', () => {
  it.each([
    [
      'a string baseScore in an ADP CVSS',
      cve5Record(ID, {
        adp: [cisaAdp([{ cvssV3_1: { version: '3.1', vectorString: 'x', baseScore: 'high' } }])],
      }),
      '/containers/adp/0/metrics/0/cvssV3_1/baseScore',
    ],
    [
      'an SSVC "Technical Impact" outside CISA vocabulary',
      cve5Record(ID, {
        adp: [{ providerMetadata: { orgId: 'z' } }, cisaAdp([ssvcMetric(ID, 'none', 'no', 'huge')])],
      }),
      '/containers/adp/1/metrics/0/other/content/options/2/Technical Impact',
    ],
    [
      'an SSVC content without timestamp',
      cve5Record(ID, { adp: [cisaAdp([{ other: { type: 'ssvc', content: { options: [] } } }])] }),
      '/containers/adp/0/metrics/0/other/content/timestamp',
    ],
    [
      'an SSVC assessment of another CVE',
      cve5Record(ID, { adp: [cisaAdp([ssvcMetric('CVE-2024-9999', 'none', 'no', 'total')])] }),
      '/containers/adp/0/metrics/0/other/content/id',
    ],
    [
      'a KEV entry without dateAdded',
      cve5Record(ID, { adp: [cisaAdp([{ other: { type: 'kev', content: { reference: 'https://x' } } }])] }),
      '/containers/adp/0/metrics/0/other/content/dateAdded',
    ],
    [
      'a cweId that is not CWE-<n>',
      cve5Record(ID, {
        cna: {
          providerMetadata: { orgId: 'x' },
          problemTypes: [{ descriptions: [{ cweId: 'CWE-0', description: '', lang: 'en' }] }],
        },
      }),
      '/containers/cna/problemTypes/0/descriptions/0/cweId',
    ],
    ['an unknown state', cve5Record(ID, { meta: { state: 'RESERVED' } }), '/cveMetadata/state'],
    ['a container without providerMetadata', cve5Record(ID, { cna: {} }), '/containers/cna/providerMetadata'],
  ])('%s', (_, record, pointer) => {
    const err = errorOf(() => readCve5Record(record, F));
    expect(err.code).toBe('INPUT_SCHEMA');
    expect(err.details).toMatchObject({ file: F, pointer });
  });

  it('CVE JSON 4 or a 6.x record is an unsupported spec', () => {
    expect(errorOf(() => readCve5Record({ ...cve5Record(ID), dataVersion: '4.0' }, F))).toMatchObject({
      code: 'INPUT_UNSUPPORTED_SPEC',
      details: { pointer: '/dataVersion' },
    });
    expect(errorOf(() => readCve5Record({ ...cve5Record(ID), dataType: 'CVE' }, F)).details.pointer).toBe(
      '/dataType',
    );
  });
});
