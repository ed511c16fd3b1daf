/**
 * Broken and borderline SPDX inputs: every error names its code and where (file + JSON pointer,
 * or line + column for syntax); every unusable package is rejected with a ref and a reason.
 */
import { describe, expect, it } from 'vitest';
import { sbomText } from '../../shared-data.test-helpers.js';
import { spdxJsonAdapter } from './index.js';
import { pkg, purlRef, readSpdxText, runDoc, spdx23 } from './spdx.test-helpers.js';

const FILE = 'uploads/sbom.spdx.json';
const POSTGRES = 'trivy-fixtures/pkg__fanal__analyzer__sbom__testdata__postgresql.spdx.json';
const withPackages = (packages: unknown, extra: Record<string, unknown> = {}) =>
  runDoc(spdx23({ packages, ...extra }));

describe('syntax', () => {
  it('truncated postgresql SBOM: INPUT_MALFORMED_JSON at the line and column where the text stops', async () => {
    const full = sbomText(POSTGRES);
    const text = full.slice(0, Math.floor(full.length / 2));
    const lines = text.split('\n');
    await expect(readSpdxText(FILE, text)).rejects.toMatchObject({
      code: 'INPUT_MALFORMED_JSON',
      details: { file: FILE, line: lines.length, column: (lines.at(-1) ?? '').length + 1 },
    });
  });
});

describe('spdxVersion', () => {
  it.each(['SPDX-3.0', 'SPDX-2.1', 'SPDX-2.3.1'])('%s: INPUT_UNSUPPORTED_SPEC at /spdxVersion', async (v) => {
    await expect(runDoc(spdx23({ spdxVersion: v }))).rejects.toMatchObject({
      code: 'INPUT_UNSUPPORTED_SPEC',
      details: { file: FILE, pointer: '/spdxVersion', found: v, supported: ['SPDX-2.2', 'SPDX-2.3'] },
    });
  });

  it('is not accepted without the SPDX- prefix, as an array, or as SPDX 3 JSON-LD', () => {
    const accepts = (parsed: unknown) => spdxJsonAdapter.accepts({ file: FILE, text: '' }, parsed);
    expect(accepts(spdx23({ spdxVersion: '2.3' }))).toBe(false);
    expect(accepts(spdx23({ spdxVersion: 2.3 }))).toBe(false);
    expect(accepts([spdx23()])).toBe(false);
    expect(accepts({ '@context': 'https://spdx.org/rdf/3.0.1/spdx-context.jsonld', '@graph': [] })).toBe(
      false,
    );
  });
});

describe('schema (official SPDX 2.3 JSON schema)', () => {
  it('packages as an object: INPUT_SCHEMA at /packages', async () => {
    await expect(withPackages({ 'SPDXRef-a': pkg('a', 'a') })).rejects.toMatchObject({
      code: 'INPUT_SCHEMA',
      details: { file: FILE, pointer: '/packages', reason: 'must be array', schema: 'SPDX 2.3' },
    });
  });

  it('a numeric versionInfo: INPUT_SCHEMA at /packages/1/versionInfo', async () => {
    const packages = [pkg('a', 'a'), pkg('b', 'b', { versionInfo: 42 })];
    await expect(withPackages(packages)).rejects.toMatchObject({
      code: 'INPUT_SCHEMA',
      details: { file: FILE, pointer: '/packages/1/versionInfo', reason: 'must be string' },
    });
  });

  it('an unknown referenceCategory is located inside externalRefs', async () => {
    const packages = [pkg('a', 'a', { externalRefs: [purlRef('pkg:npm/a@1', 'PACKAGE MANAGER')] })];
    await expect(withPackages(packages)).rejects.toMatchObject({
      code: 'INPUT_SCHEMA',
      details: {
        file: FILE,
        pointer: '/packages/0/externalRefs/0/referenceCategory',
        reason: expect.stringMatching(/^must be equal to one of the allowed values: OTHER, /),
      },
    });
  });

  it('a property the schema does not define is named (additionalProperties: false)', async () => {
    await expect(withPackages([pkg('a', 'a', { colour: 'red' })])).rejects.toMatchObject({
      code: 'INPUT_SCHEMA',
      details: {
        file: FILE,
        pointer: '/packages/0',
        reason: 'must NOT have additional properties: "colour"',
      },
    });
  });

  it('a missing document name and a relationship without its type', async () => {
    const { name: _, ...nameless } = spdx23();
    await expect(runDoc(nameless)).rejects.toMatchObject({
      code: 'INPUT_SCHEMA',
      details: { file: FILE, pointer: '', reason: "must have required property 'name'" },
    });
    const relationships = [{ spdxElementId: 'SPDXRef-DOCUMENT', relatedSpdxElement: 'SPDXRef-a' }];
    await expect(withPackages([pkg('a', 'a')], { relationships })).rejects.toMatchObject({
      code: 'INPUT_SCHEMA',
      details: {
        file: FILE,
        pointer: '/relationships/0',
        reason: "must have required property 'relationshipType'",
      },
    });
  });

  it('tolerates a missing downloadLocation and OPERATING-SYSTEM, nothing else', async () => {
    const os = {
      SPDXID: 'SPDXRef-os',
      name: 'debian',
      versionInfo: '12.5',
      primaryPackagePurpose: 'OPERATING-SYSTEM',
    };
    await expect(withPackages([os])).resolves.toMatchObject({ components: [] });
    await expect(withPackages([{ ...os, primaryPackagePurpose: 'OPERATING SYSTEM' }])).rejects.toMatchObject({
      code: 'INPUT_SCHEMA',
      details: { file: FILE, pointer: '/packages/0/primaryPackagePurpose' },
    });
  });
});

describe('packages', () => {
  it('rejects invalid purls, duplicates and purl-less packages with the SPDXID and a reason', async () => {
    const cpe = {
      referenceCategory: 'SECURITY',
      referenceType: 'cpe23Type',
      referenceLocator: 'cpe:2.3:a:x:y:1:*:*:*:*:*:*:*',
    };
    const packages = [
      pkg('ok', 'ok', { externalRefs: [purlRef('pkg:npm/ok@1.0.0', 'PACKAGE_MANAGER')] }),
      pkg('bad', 'commons-io', { externalRefs: [purlRef('pkg:maven/commons-io@2.6')] }),
      pkg('again', 'ok', { externalRefs: [purlRef('pkg:npm/ok@1.0.0')] }),
      pkg('cpe', 'y', { externalRefs: [cpe] }),
      pkg('bare', 'bare', { versionInfo: '1' }),
    ];
    const r = await withPackages(packages);
    expect(r.components.map((c) => [c.purl, c.ref])).toEqual([['pkg:npm/ok@1.0.0', 'SPDXRef-ok']]);
    expect(r.rejected).toEqual([
      { ref: 'SPDXRef-bad', reason: 'invalid purl: maven requires a "namespace" component' },
      { ref: 'SPDXRef-again', reason: 'duplicate' },
      { ref: 'SPDXRef-cpe', reason: 'no purl; cpe only' },
      { ref: 'SPDXRef-bare', reason: 'no purl' },
    ]);
    // with no described package the asset is the document
    expect(r.asset).toEqual({ externalId: 'spdx:app-sbom', name: 'app-sbom', kind: 'other', tags: {} });
  });

  it('an OS package gives deb packages without a distro qualifier their release; two releases give none', async () => {
    const os = (v: string) => ({
      ...pkg(`os-${v}`, 'debian', { versionInfo: v }),
      primaryPackagePurpose: 'OPERATING_SYSTEM',
    });
    const bash = pkg('bash', 'bash', {
      externalRefs: [purlRef('pkg:deb/debian/bash@5.2.15-2+b2')],
      sourceInfo: 'built package from: bash 5.2.15-2',
    });
    const one = await withPackages([os('12.5'), bash]);
    expect(one.components).toEqual([
      {
        purl: 'pkg:deb/debian/bash@5.2.15-2+b2',
        ecosystem: 'Debian',
        name: 'bash',
        version: '5.2.15-2+b2',
        sourceName: 'bash',
        sourceVersion: '5.2.15-2',
        distroRelease: 'Debian:12',
        ref: 'SPDXRef-bash',
      },
    ]);
    const two = await withPackages([os('11.9'), os('12.5'), bash]);
    expect(two.components[0]).not.toHaveProperty('distroRelease');
  });

  it('source package from Trivy Src* annotations when sourceInfo is not "built package from:"', async () => {
    const note = (comment: string) => ({
      annotator: 'Tool: trivy',
      annotationDate: '2024-01-01T00:00:00Z',
      annotationType: 'OTHER',
      comment,
    });
    const packages = [
      pkg('ssl', 'libssl3', {
        externalRefs: [purlRef('pkg:deb/debian/libssl3@3.0.11-1~deb12u2?distro=debian-12.4')],
        sourceInfo: 'package found in: var/lib/dpkg/status',
        annotations: [note('SrcName: openssl'), note('SrcVersion: 3.0.11'), note('SrcRelease: 1~deb12u2')],
      }),
    ];
    const [c] = (await withPackages(packages)).components;
    expect(c).toMatchObject({
      sourceName: 'openssl',
      sourceVersion: '3.0.11-1~deb12u2',
      distroRelease: 'Debian:12',
    });
  });
});
