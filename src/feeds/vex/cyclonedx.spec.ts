/**
 * CycloneDX VEX: concrete statements pinned from the CycloneDX bom-examples (incl. the CISA use
 * cases) and Trivy's fixture, plus inline documents for ref resolution and state mapping.
 */
import { describe, expect, it } from 'vitest';
import { parseCycloneDxVex } from './parse-cyclonedx-vex.js';
import { appErrorOf, readSample, vexPath } from './vex-data.test-helpers.js';

const CISA = 'cyclonedx-bom-examples/VEX/CISA-Use-Cases';

describe('CycloneDX VEX samples', () => {
  it('CISA Case-1: each analysis.state maps to its VEX status, state kept as written', async () => {
    const cases: Array<[string, string, string]> = [
      ['vex-affected.json', 'affected', 'exploitable'],
      ['vex-fixed.json', 'fixed', 'resolved'],
      ['vex-not_affected.json', 'not_affected', 'not_affected'],
      ['vex-under_investigation.json', 'under_investigation', 'in_triage'],
    ];
    for (const [file, status, written] of cases) {
      const [s] = (await readSample(`${CISA}/Case-1/${file}`)).statements;
      expect([s?.vulnerability, s?.status, s?.source.status]).toEqual(['CVE-2021-44228', status, written]);
    }
    const [notAffected] = (await readSample(`${CISA}/Case-1/vex-not_affected.json`)).statements;
    // affects[].ref names metadata.component: the product gets its name and version.
    expect(notAffected).toMatchObject({
      products: [{ bomRef: 'product-ABC', name: 'ABC', version: '4.2' }],
      justification: 'code_not_present',
      response: ['will_not_fix'],
      timestamp: '2022-03-03T00:00:00Z',
      source: { file: vexPath(`${CISA}/Case-1/vex-not_affected.json`), pointer: '/vulnerabilities/0' },
    });
  });

  it('CISA Case-3: 19 Ripple20 CVEs with mixed statuses', async () => {
    const { statements } = await readSample(`${CISA}/Case-3/vex.json`);
    const count = (status: string) => statements.filter((s) => s.status === status).length;
    expect([count('affected'), count('not_affected'), count('fixed'), count('under_investigation')]).toEqual([
      5, 6, 3, 5,
    ]);
    expect(statements[1]).toMatchObject({
      vulnerability: 'CVE-2020-11897',
      justification: 'code_not_present',
    });
  });

  it('CISA Case-7: BOM-Links into other BOMs stay bom-refs; versions are kept as written', async () => {
    const { statements } = await readSample(`${CISA}/Case-7/vex.json`);
    expect(statements.map((s) => s.status)).toEqual(['affected', 'not_affected', 'not_affected', 'fixed']);
    expect(statements[0]?.products).toEqual([
      {
        bomRef: 'urn:cdx:cbb2cd68-2857-43b8-a10b-e8c03d277d18/1#product-ABC',
        versions: [
          { version: '2.4', status: 'affected' },
          { version: '2.6', status: 'affected' },
          { range: 'vers:generic/>=2.9|<=4.1', status: 'affected' },
        ],
      },
      {
        bomRef: 'urn:cdx:e4c3eedc-4978-470c-ad02-6ffff63738ff/1#product-JKL',
        versions: [{ range: 'vers:generic/>=4.5|<=5.0', status: 'affected' }],
      },
    ]);
    // `resolved` with a version that has no status: the schema default (`affected`) is not applied.
    expect(statements[3]?.products[0]?.versions).toEqual([{ version: '5.1' }]);
  });

  it('VEX/vex.json: references become aliases, recommendation the action statement', async () => {
    const [s] = (await readSample('cyclonedx-bom-examples/VEX/vex.json')).statements;
    expect(s).toMatchObject({
      vulnerability: 'CVE-2020-25649',
      aliases: ['SNYK-JAVA-COMFASTERXMLJACKSONCORE-1048302'],
      status: 'not_affected',
      justification: 'code_not_reachable',
      response: ['will_not_fix', 'update'],
      actionStatement: expect.stringMatching(/^Upgrade com\.fasterxml\.jackson\.core:jackson-databind/),
      detail: expect.stringMatching(/^Automated dataflow analysis/),
    });
  });

  it('Use-Case 12: two justifications and one exploitable', async () => {
    const { statements } = await readSample('cyclonedx-bom-examples/VEX/Use-Cases/Case-12/vex.json');
    expect(statements.map((s) => [s.vulnerability, s.status, s.justification])).toEqual([
      ['CVE-2020-25649', 'not_affected', 'code_not_reachable'],
      ['CVE-2020-35491', 'affected', undefined],
      ['CVE-2020-14195', 'not_affected', 'protected_by_mitigating_control'],
    ]);
  });

  it('trivy/cyclonedx.json: not_affected although its version entry says affected (kept as written)', async () => {
    const { statements } = await readSample('trivy/cyclonedx.json');
    expect(statements.map((s) => [s.vulnerability, s.status, s.justification])).toEqual([
      ['CVE-2021-44228', 'not_affected', 'code_not_reachable'],
      ['CVE-2022-27943', 'not_affected', undefined],
    ]);
    expect(statements[1]?.products[0]?.versions).toEqual([
      { version: '12.3.0-1ubuntu1~22.04', status: 'affected' },
    ]);
  });
});

const SERIAL = '3e671687-395b-41f5-a30f-a58921a69b79';
const bom = (vulnerabilities: unknown[], extra: Record<string, unknown> = {}) => ({
  bomFormat: 'CycloneDX',
  specVersion: '1.6',
  serialNumber: `urn:uuid:${SERIAL}`,
  version: 1,
  components: [
    { type: 'library', 'bom-ref': 'c1', name: 'lib', version: '1.0', purl: 'pkg:npm/lib@1.0' },
    { type: 'library', 'bom-ref': 'bad', name: 'bad', purl: 'pkg:maven/no-namespace@1' },
  ],
  services: [{ 'bom-ref': 's1', name: 'api' }],
  vulnerabilities,
  ...extra,
});

describe('CycloneDX VEX inline', () => {
  it('embedded VEX: refs and own-serial BOM-Links resolve to components and services', () => {
    const { statements, rejected } = parseCycloneDxVex(
      bom([
        {
          id: 'CVE-1',
          analysis: { state: 'false_positive', lastUpdated: '2024-01-02T00:00:00Z' },
          affects: [
            { ref: 'c1' },
            { ref: `urn:cdx:${SERIAL}/1#c1` },
            { ref: 's1' },
            { ref: `urn:cdx:${SERIAL}/2#c1` },
          ],
        },
      ]),
      'embedded.json',
    );
    expect(rejected).toEqual([]);
    expect(statements[0]).toMatchObject({ status: 'not_affected', timestamp: '2024-01-02T00:00:00Z' });
    expect(statements[0]?.source.status).toBe('false_positive');
    expect(statements[0]?.products).toEqual([
      { bomRef: 'c1', purl: 'pkg:npm/lib@1.0', name: 'lib', version: '1.0' },
      { bomRef: `urn:cdx:${SERIAL}/1#c1`, purl: 'pkg:npm/lib@1.0', name: 'lib', version: '1.0' },
      { bomRef: 's1', name: 'api' },
      // Another version of this BOM: not resolved here.
      { bomRef: `urn:cdx:${SERIAL}/2#c1` },
    ]);
  });

  it('rejects with reasons: no id, no analysis (VDR), unknown state, no affects, invalid purl', () => {
    const { statements, rejected } = parseCycloneDxVex(
      bom([
        { analysis: { state: 'not_affected' }, affects: [{ ref: 'c1' }] },
        { id: 'CVE-2', affects: [{ ref: 'c1' }] },
        { id: 'CVE-3', analysis: { state: 'patched' }, affects: [{ ref: 'c1' }] },
        { id: 'CVE-4', analysis: { state: 'resolved' } },
        { id: 'CVE-5', analysis: { state: 'exploitable' }, affects: [{ ref: 'bad' }, { ref: 'c1' }] },
      ]),
      'rejects.json',
    );
    expect(statements.map((s) => [s.vulnerability, s.products.map((p) => p.bomRef)])).toEqual([
      ['CVE-5', ['c1']],
    ]);
    expect(rejected).toEqual([
      { ref: '/vulnerabilities/0', reason: 'the vulnerability has no id' },
      {
        ref: '/vulnerabilities/1',
        reason: 'CVE-2: no analysis.state, so no VEX status (a VDR entry, not a VEX statement)',
      },
      { ref: '/vulnerabilities/2/analysis/state', reason: 'CVE-3: unknown analysis.state "patched"' },
      { ref: '/vulnerabilities/3', reason: 'CVE-4: no affects[], so the statement names no product' },
      {
        ref: '/vulnerabilities/4/affects/0',
        reason: 'CVE-5: invalid purl: maven requires a "namespace" component',
      },
    ]);
  });

  it('specVersion 1.3 cannot carry vulnerabilities: INPUT_UNSUPPORTED_SPEC', async () => {
    const err = await appErrorOf(() => parseCycloneDxVex(bom([], { specVersion: '1.3' }), 'old.json'));
    expect(err.code).toBe('INPUT_UNSUPPORTED_SPEC');
    expect(err.details).toMatchObject({ file: 'old.json', pointer: '/specVersion', found: '1.3' });
  });
});
