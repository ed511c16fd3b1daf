/**
 * CSAF 2.0 VEX: statements pinned from the Trivy and grype samples (branches, relationships,
 * flags, threats, remediations), plus inline documents for product groups, unknown lists and
 * undefined product ids. Product-tree nesting and duplicates: csaf-product-tree.spec.ts.
 */
import { describe, expect, it } from 'vitest';
import { parseCsafVex } from './parse-csaf-vex.js';
import { appErrorOf, csafDocument, readSample, vexPath } from './vex-data.test-helpers.js';

const LIBCRYPTO = 'pkg:apk/alpine/libcrypto3@3.0.8-r3?arch=x86_64&upstream=openssl&distro=alpine-3.17.3';

describe('CSAF VEX samples', () => {
  it('trivy/csaf-relationships.json: default_component_of → product with subcomponent, flag → justification', async () => {
    const { statements } = await readSample('trivy/csaf-relationships.json');
    expect(statements).toEqual([
      {
        vulnerability: 'CVE-2024-0001',
        aliases: [],
        products: [
          {
            id: 'go-direct1-v2.0.0-go-transitive-v4.0.0',
            name: 'go-direct1 uses go-transitive',
            purl: 'pkg:golang/github.com/aquasecurity/go-direct1@v2.0.0',
            subcomponents: [
              {
                id: 'go-transitive-v4.0.0',
                name: 'go-transitive v4.0.0',
                purl: 'pkg:golang/github.com/aquasecurity/go-transitive@v4.0.0',
              },
            ],
          },
        ],
        status: 'not_affected',
        justification: 'vulnerable_code_cannot_be_controlled_by_adversary',
        // The impact threat names no product: kept as detail, not as this product's impact statement.
        detail: 'vulnerable_code_not_in_execute_path',
        timestamp: '2024-01-04T17:17:25+01:00',
        author: 'VMWare, Inc.',
        source: {
          file: vexPath('trivy/csaf-relationships.json'),
          format: 'csaf',
          pointer: '/vulnerabilities/0/product_status/known_not_affected/0',
          status: 'known_not_affected',
        },
      },
    ]);
  });

  it('trivy/csaf.json: branch product resolved to its purl', async () => {
    const [s] = (await readSample('trivy/csaf.json')).statements;
    expect(s).toMatchObject({
      vulnerability: 'CVE-2024-0001',
      status: 'not_affected',
      products: [
        { id: 'go-transitive-v4.0.0', purl: 'pkg:golang/github.com/aquasecurity/go-transitive@v4.0.0' },
      ],
    });
    expect(s?.justification).toBeUndefined();
  });

  it('grype csaf-demo1/2: fixed with a product-scoped impact threat; not_affected with a flag', async () => {
    const [fixed] = (await readSample('grype/grype__vex__testdata__vex-docs__csaf-demo1.json')).statements;
    expect(fixed).toMatchObject({
      vulnerability: 'CVE-2023-1255',
      status: 'fixed',
      impactStatement: 'Class with vulnerable code was removed before shipping.',
      products: [{ id: 'SPB-00260', name: 'Spring Boot 2.6.0', purl: LIBCRYPTO }],
    });
    const [na] = (await readSample('grype/grype__vex__testdata__vex-docs__csaf-demo2.json')).statements;
    expect(na).toMatchObject({
      vulnerability: 'CVE-2023-3817',
      status: 'not_affected',
      justification: 'vulnerable_code_not_present',
    });
  });

  it('grype processors csaf-vex.json (Red Hat shape): cpe product with rpm subcomponents', async () => {
    const { statements } = await readSample('grype/grype__db__processors__testdata__csaf-vex.json');
    expect(
      statements.map((s) => [s.status, s.source.status, s.products[0]?.subcomponents?.[0]?.purl]),
    ).toEqual([
      ['fixed', 'fixed', 'pkg:rpm/redhat/testpkg@1.2.3-1.hum1?arch=src'],
      ['not_affected', 'known_not_affected', 'pkg:rpm/redhat/otherpkg'],
    ]);
    expect(statements[0]).toMatchObject({
      products: [{ cpe: 'cpe:/a:redhat:hummingbird:1', id: 'hummingbird-1:testpkg-0:1.2.3-1.hum1.src' }],
      actionStatement: 'Update to latest version (https://access.redhat.com/errata/RHSA-2026:1234)',
      response: ['vendor_fix'],
      author: 'Red Hat Product Security',
      timestamp: '2026-03-20T12:00:00+00:00',
    });
    // The only threat is an unscoped `impact` whose details is a severity word.
    expect(statements.map((s) => [s.impactStatement, s.detail])).toEqual([
      [undefined, 'Moderate'],
      [undefined, 'Moderate'],
    ]);
  });

  it('grype integration: known_affected with remediation; under_investigation', async () => {
    const dir = 'grype/test__integration__testdata__vex__csaf__';
    const [affected] = (await readSample(`${dir}affected.csaf.json`)).statements;
    expect(affected).toMatchObject({
      vulnerability: 'CVE-2024-0000',
      status: 'affected',
      actionStatement: 'Customers should update to version 1.1 of product DEF which fixes the issue.',
      products: [{ purl: 'pkg:apk/alpine/libvncserver@0.9.9?arch=x86_64&distro=alpine-3.12.0' }],
    });
    const [triage] = (await readSample(`${dir}under_investigation.csaf.json`)).statements;
    expect(triage?.status).toBe('under_investigation');
  });
});

describe('CSAF VEX inline', () => {
  it('flags, threats and remediations apply through product groups; ids become aliases', () => {
    const { statements, rejected } = parseCsafVex(
      csafDocument([
        {
          cve: 'CVE-1',
          ids: [{ system_name: 'GHSA', text: 'GHSA-aaaa' }],
          product_status: { known_not_affected: ['P1'], known_affected: ['P2'] },
          flags: [{ label: 'component_not_present', product_ids: ['P1'] }],
          threats: [{ category: 'impact', details: 'not reachable', product_ids: ['P1'] }],
          remediations: [{ category: 'no_fix_planned', details: 'accept the risk', group_ids: ['G'] }],
        },
      ]),
      'groups.json',
    );
    expect(rejected).toEqual([]);
    expect(statements.map((s) => [s.status, s.justification, s.impactStatement, s.response])).toEqual([
      ['not_affected', 'component_not_present', 'not reachable', ['no_fix_planned']],
      ['affected', undefined, undefined, ['no_fix_planned']],
    ]);
    expect(statements[0]?.aliases).toEqual(['GHSA-aaaa']);
  });

  it('rejects: unknown list, recommended, undefined id, invalid purl, no id, no product_status', () => {
    const { statements, rejected } = parseCsafVex(
      csafDocument([
        {
          cve: 'CVE-1',
          product_status: { known_exploited: ['P1'], recommended: ['P1'], fixed: ['P9', 'P3', 'P2'] },
        },
        { product_status: { fixed: ['P1'] } },
        { cve: 'CVE-3' },
      ]),
      'rejects.json',
    );
    expect(statements.map((s) => s.source.pointer)).toEqual(['/vulnerabilities/0/product_status/fixed/2']);
    expect(rejected).toEqual([
      {
        ref: '/vulnerabilities/0/product_status/known_exploited',
        reason: 'CVE-1: product_status "known_exploited" is not a VEX status',
      },
      {
        ref: '/vulnerabilities/0/product_status/recommended',
        reason: 'CVE-1: product_status "recommended" is not a VEX status',
      },
      {
        ref: '/vulnerabilities/0/product_status/fixed/0',
        reason: 'CVE-1: product id "P9" is not defined in product_tree (CSAF 6.1.1)',
      },
      {
        ref: '/vulnerabilities/0/product_status/fixed/1',
        reason: 'CVE-1: invalid purl: maven requires a "namespace" component',
      },
      { ref: '/vulnerabilities/1', reason: 'the vulnerability has neither cve nor ids (CSAF 6.1.27.8)' },
      { ref: '/vulnerabilities/2', reason: 'CVE-3: no product_status, so no VEX status (CSAF 6.1.27.6)' },
    ]);
  });

  it('csaf_version 2.1 is INPUT_UNSUPPORTED_SPEC', async () => {
    const doc = csafDocument([]);
    doc.document.csaf_version = '2.1';
    const err = await appErrorOf(() => parseCsafVex(doc, 'new.json'));
    expect(err.code).toBe('INPUT_UNSUPPORTED_SPEC');
    expect(err.details).toMatchObject({
      pointer: '/document/csaf_version',
      found: '2.1',
      supported: ['2.0'],
    });
  });
});
