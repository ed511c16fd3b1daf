import { describe, expect, it } from 'vitest';
import { appErrorOfSync as errorOf } from '../../core/errors.test-helpers.js';
import { nvdCve, nvdPage } from './cve-data.test-helpers.js';
import { readNvdCve, readNvdPage } from './nvd.js';

const F = 'page.json';

describe('readNvdPage: mapping', () => {
  it('maps a minimal record', () => {
    expect(readNvdPage(nvdPage([nvdCve('CVE-2024-0001')]), F)).toEqual([
      {
        id: 'CVE-2024-0001',
        published: '2024-01-02T03:04:05.678',
        modified: '2024-02-03T04:05:06.789',
        status: 'Analyzed',
        rejected: false,
        cvss: [
          {
            version: '3.1',
            vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
            baseScore: 9.8,
            baseSeverity: 'CRITICAL',
            source: 'nvd@nist.gov',
            type: 'Primary',
            scoreCheck: 'ok',
            computedBaseScore: 9.8,
          },
        ],
        cwes: ['CWE-79'],
        references: 1,
        sourceFile: F,
        sourcePointer: '/vulnerabilities/0/cve',
      },
    ]);
  });

  it('an empty page (no changes since the last sync) is zero records, not an error', () => {
    expect(readNvdPage(nvdPage([]), F)).toEqual([]);
  });

  it('a rejected CVE keeps its status and is flagged', () => {
    const [r] = readNvdPage(nvdPage([nvdCve('CVE-2024-0002', { vulnStatus: 'Rejected', metrics: {} })]), F);
    expect(r).toMatchObject({ status: 'Rejected', rejected: true, cvss: [] });
  });

  it('vulnStatus is optional in the API schema: status null', () => {
    const { vulnStatus: _, ...cve } = nvdCve('CVE-2024-0003');
    expect(readNvdCve(cve, F).status).toBeNull();
  });

  it('a stated score that disagrees with the vector is kept and marked mismatch', () => {
    const cve = nvdCve('CVE-2024-0004', {
      metrics: {
        cvssMetricV31: [
          {
            source: 'cna@example.org',
            type: 'Secondary',
            cvssData: {
              version: '3.1',
              vectorString: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
              baseScore: 7.5,
            },
          },
        ],
      },
    });
    expect(readNvdCve(cve, F).cvss[0]).toMatchObject({
      baseScore: 7.5,
      baseSeverity: null,
      scoreCheck: 'mismatch',
      computedBaseScore: 9.8,
    });
  });

  it('KEV fields without a due date or action map to dateAdded only', () => {
    expect(readNvdCve(nvdCve('CVE-2024-0005', { cisaExploitAdd: '2024-05-01' }), F).kev).toEqual({
      dateAdded: '2024-05-01',
    });
  });

  it('several ssvcV203 assessments: the latest wins (NVD times are UTC without a zone)', () => {
    const ssvc = (ts: string, e: string) => ({
      source: '134c704f-9b21-4f2e-91b3-4a467353bcc0',
      ssvcData: {
        timestamp: ts,
        options: [{ exploitation: e }, { automatable: 'no' }, { technicalImpact: 'partial' }],
      },
    });
    const cve = nvdCve('CVE-2024-0006', {
      metrics: { ssvcV203: [ssvc('2024-06-01T00:00:00Z', 'active'), ssvc('2024-01-01T00:00:00', 'none')] },
    });
    expect(readNvdCve(cve, F).ssvc).toMatchObject({ exploitation: 'active', version: null, role: null });
  });
});

describe('readNvdPage: malformed input fails the whole page with a JSON pointer', () => {
  const four = (bad: Record<string, unknown>) =>
    nvdPage([nvdCve('CVE-2024-1000'), nvdCve('CVE-2024-1001'), nvdCve('CVE-2024-1002'), bad]);

  it('a string baseScore in the fourth record', () => {
    const bad = nvdCve('CVE-2024-1003', {
      metrics: {
        cvssMetricV31: [
          {
            source: 'nvd@nist.gov',
            type: 'Primary',
            cvssData: {
              version: '3.1',
              vectorString: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
              baseScore: '9.8',
            },
          },
        ],
      },
    });
    const err = errorOf(() => readNvdPage(four(bad), F));
    expect(err.code).toBe('INPUT_SCHEMA');
    expect(err.details).toMatchObject({
      file: F,
      pointer: '/vulnerabilities/3/cve/metrics/cvssMetricV31/0/cvssData/baseScore',
    });
  });

  it.each([
    [
      'a 3.0 vector object under cvssMetricV31',
      {
        metrics: {
          cvssMetricV31: [
            { source: 's', type: 'Primary', cvssData: { version: '3.0', vectorString: 'x', baseScore: 1 } },
          ],
        },
      },
      '/vulnerabilities/3/cve/metrics/cvssMetricV31/0/cvssData/version',
    ],
    [
      'a score above 10',
      {
        metrics: {
          cvssMetricV2: [
            { source: 's', type: 'Primary', cvssData: { version: '2.0', vectorString: 'x', baseScore: 11 } },
          ],
        },
      },
      '/vulnerabilities/3/cve/metrics/cvssMetricV2/0/cvssData/baseScore',
    ],
    [
      'an unknown metric type',
      {
        metrics: {
          cvssMetricV31: [
            { source: 's', type: 'Tertiary', cvssData: { version: '3.1', vectorString: 'x', baseScore: 1 } },
          ],
        },
      },
      '/vulnerabilities/3/cve/metrics/cvssMetricV31/0/type',
    ],
    ['a malformed id', { id: 'CVE-24-1' }, '/vulnerabilities/3/cve/id'],
    ['a non-date cisaExploitAdd', { cisaExploitAdd: '13/09/2023' }, '/vulnerabilities/3/cve/cisaExploitAdd'],
    ['a published that is not a date-time', { published: 'yesterday' }, '/vulnerabilities/3/cve/published'],
    ['references not an array', { references: 'none' }, '/vulnerabilities/3/cve/references'],
    [
      'a weakness value that is not a string',
      { weaknesses: [{ source: 's', type: 'Primary', description: [{ lang: 'en', value: 79 }] }] },
      '/vulnerabilities/3/cve/weaknesses/0/description/0/value',
    ],
  ])('%s', (_, extra, pointer) => {
    const err = errorOf(() => readNvdPage(four(nvdCve('CVE-2024-1003', extra)), F));
    expect(err.code).toBe('INPUT_SCHEMA');
    expect(err.details.pointer).toBe(pointer);
  });

  it('a missing lastModified', () => {
    const { lastModified: _, ...bad } = nvdCve('CVE-2024-1003');
    expect(errorOf(() => readNvdPage(four(bad), F)).details.pointer).toBe(
      '/vulnerabilities/3/cve/lastModified',
    );
  });

  it('an SSVC value outside CISA vocabulary, and a missing decision point', () => {
    const ssvc = (options: unknown[]) =>
      nvdCve('CVE-2024-1003', {
        metrics: { ssvcV203: [{ source: 'cisa', ssvcData: { timestamp: '2024-01-01T00:00:00Z', options } }] },
      });
    const bad = errorOf(() =>
      readNvdPage(
        four(ssvc([{ exploitation: 'maybe' }, { automatable: 'no' }, { technicalImpact: 'total' }])),
        F,
      ),
    );
    expect(bad.details).toMatchObject({
      pointer: '/vulnerabilities/3/cve/metrics/ssvcV203/0/ssvcData/options/0/exploitation',
    });
    const missing = errorOf(() =>
      readNvdPage(four(ssvc([{ exploitation: 'none' }, { automatable: 'no' }])), F),
    );
    expect(missing.details).toMatchObject({
      pointer: '/vulnerabilities/3/cve/metrics/ssvcV203/0/ssvcData/options',
      reason: 'missing SSVC decision point(s): technicalimpact',
    });
  });

  it('another NVD API version or format is an unsupported spec', () => {
    expect(errorOf(() => readNvdPage({ ...nvdPage([]), version: '2.1' }, F))).toMatchObject({
      code: 'INPUT_UNSUPPORTED_SPEC',
      details: { pointer: '/version' },
    });
    expect(errorOf(() => readNvdPage({ ...nvdPage([]), format: 'NVD_CPE' }, F)).details.pointer).toBe(
      '/format',
    );
  });

  it('a page without vulnerabilities', () => {
    const { vulnerabilities: _, ...page } = nvdPage([]);
    expect(errorOf(() => readNvdPage(page, F)).details.pointer).toBe('/vulnerabilities');
  });
});
