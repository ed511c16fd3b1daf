/**
 * OpenVEX: statements pinned from the Trivy and grype samples (0.2.0 shape), and the 0.0.x shape
 * vexctl wrote in early 2023, inline — the shared samples hold no 0.0.x document (only
 * trivy/openvex-multiple.json uses the unversioned 0.0.x `@context` with the 0.2.0 body).
 */
import { describe, expect, it } from 'vitest';
import { parseOpenVex } from './parse-openvex.js';
import { readSample, vexPath } from './vex-data.test-helpers.js';

const ALPINE_IMAGE =
  'pkg:oci/alpine@sha256%3A124c7d2707904eea7431fffe91522a01e5a861a624ee31d03372cc1d138a3126';

describe('OpenVEX samples', () => {
  it('trivy/openvex.json: one not_affected statement with justification and inherited timestamp', async () => {
    const { statements } = await readSample('trivy/openvex.json');
    expect(statements).toEqual([
      {
        vulnerability: 'CVE-2021-44228',
        aliases: [],
        products: [{ purl: 'pkg:maven/org.springframework.boot/spring-boot@2.6.0' }],
        status: 'not_affected',
        justification: 'vulnerable_code_not_in_execute_path',
        timestamp: '2023-01-16T19:07:16.853479631-06:00',
        author: 'Aqua Security',
        source: {
          file: vexPath('trivy/openvex.json'),
          format: 'openvex',
          pointer: '/statements/0',
          status: 'not_affected',
        },
      },
    ]);
  });

  it('trivy/openvex-multiple.json: both statements kept, ordered by their (own or inherited) timestamps', async () => {
    const { statements } = await readSample('trivy/openvex-multiple.json');
    // The later statement overrides the earlier for a matcher ("Inheritance"/time ordering); the
    // reader keeps both as evidence.
    expect(statements.map((s) => [s.status, s.timestamp])).toEqual([
      ['affected', '2023-01-15T01:02:03.853479631-06:00'],
      ['not_affected', '2023-01-16T19:07:16.853479631-06:00'],
    ]);
  });

  it('trivy/openvex-nested.json and openvex-oci.json: subcomponents narrow the product', async () => {
    const [nested] = (await readSample('trivy/openvex-nested.json')).statements;
    expect(nested?.products).toEqual([
      {
        purl: 'pkg:golang/github.com/aquasecurity/go-direct1@v2.0.0',
        subcomponents: [{ purl: 'pkg:golang/github.com/aquasecurity/go-transitive@v4.0.0' }],
      },
    ]);
    const [oci] = (await readSample('trivy/openvex-oci.json')).statements;
    expect(oci?.products).toEqual([
      { purl: 'pkg:oci/debian', subcomponents: [{ purl: 'pkg:deb/debian/bash' }] },
    ]);
  });

  it('VEX-repository documents give the vulnerability as @id only', async () => {
    const [s] = (await readSample('trivy/single-repo__vex__repositories__default__0.1__bash-vex.json'))
      .statements;
    expect(s).toMatchObject({
      vulnerability: 'CVE-2022-3715',
      products: [{ purl: 'pkg:deb/debian/bash@5.3' }],
      status: 'not_affected',
      justification: 'vulnerable_code_not_in_execute_path',
      author: 'Example Author',
    });
    const [high] = (
      await readSample('trivy/multi-repos__vex__repositories__high-priority__0.1__bash-vex.json')
    ).statements;
    expect(high?.status).toBe('affected');
  });

  it('grype openvex-demo2.json: five CVEs on libssl3/libcrypto3 inside an alpine image', async () => {
    const { statements } = await readSample('grype/grype__vex__testdata__vex-docs__openvex-demo2.json');
    expect(statements.map((s) => [s.vulnerability, s.status])).toEqual([
      ['CVE-2023-1255', 'fixed'],
      ['CVE-2023-2650', 'fixed'],
      ['CVE-2023-2975', 'fixed'],
      ['CVE-2023-3446', 'not_affected'],
      ['CVE-2023-3817', 'not_affected'],
    ]);
    expect(statements[3]).toMatchObject({
      justification: 'vulnerable_code_not_present',
      impactStatement: 'affected functions were removed before packaging',
      products: [
        {
          purl: ALPINE_IMAGE,
          subcomponents: [
            { purl: 'pkg:apk/alpine/libssl3@3.0.8-r3' },
            { purl: 'pkg:apk/alpine/libcrypto3@3.0.8-r3' },
          ],
        },
      ],
    });
  });

  it('grype processors openvex.json: purl given in identifiers, not @id', async () => {
    const [s] = (await readSample('grype/grype__db__processors__testdata__openvex.json')).statements;
    expect(s).toMatchObject({
      vulnerability: 'CVE-2023-45803',
      status: 'fixed',
      products: [{ purl: 'pkg:pypi/urllib3@1.26.16+cgr.1' }],
    });
  });

  it('grype integration affected / under_investigation', async () => {
    const dir = 'grype/test__integration__testdata__vex__openvex__';
    const [affected] = (await readSample(`${dir}affected.openvex.json`)).statements;
    const [triage] = (await readSample(`${dir}under_investigation.openvex.json`)).statements;
    expect([affected?.status, triage?.status]).toEqual(['affected', 'under_investigation']);
    expect(triage?.timestamp).toBe('2023-07-16T18:28:47.696004345-06:00');
    expect(affected?.products[0]?.subcomponents).toEqual([
      { purl: 'pkg:apk/alpine/libvncserver@0.9.9?arch=x86_64&distro=alpine-3.12.0' },
    ]);
  });
});

describe('OpenVEX 0.0.x shape (vexctl README and hello-vex example, 2023-01)', () => {
  it('string vulnerability, string products, statement-level subcomponents, status_notes', () => {
    const doc = {
      '@context': 'https://openvex.dev/ns',
      '@id': 'https://openvex.dev/docs/public/my-first-vex',
      author: 'John Doe',
      role: 'VEXing Engineer',
      timestamp: '2023-01-09T09:08:42-06:00',
      version: '1.0',
      statements: [
        {
          vulnerability: 'CVE-2014-123456',
          vuln_description: 'Its really bad',
          products: ['pkg:generic/1.0.0'],
          subcomponents: [],
          status: 'fixed',
          status_notes: 'It works now',
        },
        {
          vulnerability: 'CVE-2014-123457',
          products: ['pkg:apk/wolfi/git@2.39.0-r1?arch=armv7', 'pkg:apk/wolfi/git@2.39.0-r1?arch=x86_64'],
          subcomponents: ['pkg:apk/wolfi/zlib@1.2.13-r0'],
          status: 'not_affected',
          justification: 'component_not_present',
          timestamp: '2023-01-10T20:24:50.498233798-06:00',
        },
      ],
    };
    const { statements, rejected } = parseOpenVex(doc, 'old.json');
    expect(rejected).toEqual([]);
    expect(statements[0]).toMatchObject({
      vulnerability: 'CVE-2014-123456',
      products: [{ purl: 'pkg:generic/1.0.0' }],
      status: 'fixed',
      detail: 'It works now',
      timestamp: '2023-01-09T09:08:42-06:00',
      author: 'John Doe',
    });
    const zlib = [{ purl: 'pkg:apk/wolfi/zlib@1.2.13-r0' }];
    expect(statements[1]?.products).toEqual([
      { purl: 'pkg:apk/wolfi/git@2.39.0-r1?arch=armv7', subcomponents: zlib },
      { purl: 'pkg:apk/wolfi/git@2.39.0-r1?arch=x86_64', subcomponents: zlib },
    ]);
  });
});

describe('OpenVEX inline rejections', () => {
  it('unknown status, missing status, no vulnerability, no products, unusable products', () => {
    const product = { '@id': 'pkg:npm/a@1' };
    const { statements, rejected } = parseOpenVex(
      {
        '@context': 'https://openvex.dev/ns/v0.2.0',
        statements: [
          { vulnerability: { name: 'CVE-1' }, products: [product], status: 'exploitable' },
          { vulnerability: { name: 'CVE-2' }, products: [product] },
          { vulnerability: {}, products: [product], status: 'fixed' },
          { vulnerability: { name: 'CVE-4' }, status: 'fixed' },
          { vulnerability: { name: 'CVE-5' }, products: [{ hashes: { 'sha-256': 'ab' } }], status: 'fixed' },
          {
            vulnerability: { name: 'CVE-6', aliases: ['CVE-6', 'GHSA-x'] },
            products: [product, { '@id': 'pkg:a', subcomponents: [{ '@id': 'pkg:npm/b@1' }] }],
            status: 'affected',
          },
        ],
      },
      'rejects.json',
    );
    expect(statements.map((s) => [s.vulnerability, s.aliases, s.products])).toEqual([
      ['CVE-6', ['GHSA-x'], [{ purl: 'pkg:npm/a@1' }]],
    ]);
    expect(rejected).toEqual([
      { ref: '/statements/0/status', reason: 'CVE-1: unknown status "exploitable"' },
      { ref: '/statements/1', reason: 'CVE-2: the statement has no status' },
      { ref: '/statements/2/vulnerability', reason: 'the statement names no vulnerability (name or @id)' },
      {
        ref: '/statements/3',
        reason: 'CVE-4: no products (nothing for the statement to cascade from in a bare document)',
      },
      {
        ref: '/statements/4/products/0',
        reason: 'CVE-5: the product names no purl, cpe, bom-ref, id or name',
      },
      { ref: '/statements/4', reason: 'CVE-5: none of its products is usable' },
      { ref: '/statements/5/products/1', reason: expect.stringMatching(/^CVE-6: invalid purl/) },
    ]);
  });
});
