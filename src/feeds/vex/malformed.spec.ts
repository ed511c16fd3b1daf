/**
 * Malformed input fails the whole document with an AppError naming the file and where: line and
 * column for broken JSON, the JSON pointer for wrong types. Unknown statuses are not malformed
 * (the document is well formed, the one statement is unusable): those are rejected with a reason.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseVexDocument, parseVexText, readVexFile } from './read-vex.js';
import { appErrorOf, tempFile, vexPath } from './vex-data.test-helpers.js';

const sample = (relative: string) => readFileSync(vexPath(relative), 'utf8');

describe('malformed VEX documents', () => {
  it.each([
    'trivy/openvex.json',
    'trivy/csaf.json',
    'cyclonedx-bom-examples/VEX/CISA-Use-Cases/Case-1/vex-affected.json',
  ])('%s truncated: INPUT_MALFORMED_JSON at the end of the text', async (relative) => {
    const text = sample(relative);
    const cut = text.slice(0, Math.floor(text.length / 2));
    const file = tempFile('truncated.json', cut);
    const err = await appErrorOf(() => readVexFile(file));
    expect(err.code).toBe('INPUT_MALFORMED_JSON');
    expect(err.details.file).toBe(file);
    expect(err.details.line).toBe(cut.split('\n').length);
  });

  const OPENVEX = { '@context': 'https://openvex.dev/ns/v0.2.0', statements: [] as unknown[] };
  const CDX = { bomFormat: 'CycloneDX', specVersion: '1.5', vulnerabilities: [] as unknown[] };
  const CSAF = JSON.parse(sample('trivy/csaf.json')) as Record<string, unknown>;

  it.each<[string, unknown, string]>([
    ['OpenVEX statements not an array', { ...OPENVEX, statements: 'x' }, '/statements'],
    ['OpenVEX status a number', { ...OPENVEX, statements: [{ status: 1 }] }, '/statements/0/status'],
    [
      'OpenVEX product a number',
      { ...OPENVEX, statements: [{ vulnerability: 'CVE-1', products: ['pkg:npm/a', 7], status: 'fixed' }] },
      '/statements/0/products/1',
    ],
    ['CycloneDX vulnerabilities an object', { ...CDX, vulnerabilities: {} }, '/vulnerabilities'],
    [
      'CycloneDX affects ref a number',
      { ...CDX, vulnerabilities: [{ id: 'CVE-1', affects: [{ ref: 5 }] }] },
      '/vulnerabilities/0/affects/0/ref',
    ],
    [
      'CycloneDX version status outside the enum',
      {
        ...CDX,
        vulnerabilities: [
          { id: 'CVE-1', affects: [{ ref: 'a', versions: [{ version: '1', status: 'fine' }] }] },
        ],
      },
      '/vulnerabilities/0/affects/0/versions/0/status',
    ],
    [
      'CSAF product_status list a string',
      { ...CSAF, vulnerabilities: [{ cve: 'CVE-1', product_status: { fixed: 'go-transitive-v4.0.0' } }] },
      '/vulnerabilities/0/product_status/fixed',
    ],
    [
      'CSAF branch product without product_id',
      { ...CSAF, product_tree: { branches: [{ category: 'vendor', name: 'v', product: { name: 'p' } }] } },
      '/product_tree/branches/0/product/product_id',
    ],
    [
      'CSAF without publisher',
      { ...CSAF, document: { category: 'csaf_vex', csaf_version: '2.0' } },
      '/document/publisher',
    ],
  ])('%s: INPUT_SCHEMA at %s', async (_name, doc, pointer) => {
    const err = await appErrorOf(() => parseVexDocument(doc, 'bad.json'));
    expect(err.code).toBe('INPUT_SCHEMA');
    expect(err.details).toMatchObject({ file: 'bad.json', pointer });
  });

  it('unknown status values are rejected with a reason in every format, the rest still read', () => {
    const openvex = parseVexDocument(
      {
        ...OPENVEX,
        statements: [
          { vulnerability: { name: 'CVE-1' }, products: [{ '@id': 'pkg:npm/a@1' }], status: 'wont_fix' },
          { vulnerability: { name: 'CVE-2' }, products: [{ '@id': 'pkg:npm/a@1' }], status: 'fixed' },
        ],
      },
      'o.json',
    );
    expect(openvex.statements.map((s) => s.vulnerability)).toEqual(['CVE-2']);
    expect(openvex.rejected).toEqual([
      { ref: '/statements/0/status', reason: 'CVE-1: unknown status "wont_fix"' },
    ]);
    const cdx = parseVexDocument(
      {
        ...CDX,
        vulnerabilities: [{ id: 'CVE-3', analysis: { state: 'wont_fix' }, affects: [{ ref: 'x' }] }],
      },
      'c.json',
    );
    expect(cdx.rejected).toEqual([
      { ref: '/vulnerabilities/0/analysis/state', reason: 'CVE-3: unknown analysis.state "wont_fix"' },
    ]);
    const csaf = parseVexDocument(
      {
        ...CSAF,
        vulnerabilities: [{ cve: 'CVE-4', product_status: { wont_fix: ['go-transitive-v4.0.0'] } }],
      },
      's.json',
    );
    expect(csaf.rejected).toEqual([
      {
        ref: '/vulnerabilities/0/product_status/wont_fix',
        reason: 'CVE-4: product_status "wont_fix" is not a VEX status',
      },
    ]);
  });

  it('labels that are inherited object members (toString, constructor) are unknown statuses', () => {
    const cdx = parseVexDocument(
      {
        ...CDX,
        vulnerabilities: [{ id: 'CVE-5', analysis: { state: 'toString' }, affects: [{ ref: 'x' }] }],
      },
      'c.json',
    );
    const csaf = parseVexDocument(
      {
        ...CSAF,
        vulnerabilities: [{ cve: 'CVE-6', product_status: { constructor: ['go-transitive-v4.0.0'] } }],
      },
      's.json',
    );
    const openvex = parseVexDocument(
      { ...OPENVEX, statements: [{ vulnerability: 'CVE-7', products: ['pkg:npm/a@1'], status: 'toString' }] },
      'o.json',
    );
    for (const r of [cdx, csaf, openvex]) {
      expect(r.statements).toEqual([]);
      expect(r.rejected).toHaveLength(1);
    }
  });

  it.each<[string, unknown, string]>([
    ['a JSON array', [], 'a JSON array'],
    [
      'a CSAF security advisory',
      { document: { csaf_version: '2.0', category: 'csaf_security_advisory' } },
      'a CSAF document of category "csaf_security_advisory"',
    ],
    [
      'an in-toto OpenVEX attestation',
      { predicateType: 'https://openvex.dev/ns/v0.2.0', predicate: {} },
      'an in-toto statement',
    ],
    ['an SPDX document', { spdxVersion: 'SPDX-2.3' }, 'an SPDX document'],
    [
      'another JSON-LD context',
      { '@context': 'https://example.org/ns', statements: [] },
      'no VEX format recognised',
    ],
  ])('%s: INPUT_UNRECOGNISED', async (_name, doc, reason) => {
    const err = await appErrorOf(() => parseVexDocument(doc, 'x.json'));
    expect(err.code).toBe('INPUT_UNRECOGNISED');
    expect(String(err.details.reason).startsWith(reason)).toBe(true);
  });

  it('file errors: missing file, over the size limit; a byte-order mark is accepted', async () => {
    expect((await appErrorOf(() => readVexFile('/nonexistent/vex.json'))).code).toBe('INPUT_NOT_FOUND');
    const file = tempFile('big.json', sample('trivy/openvex.json'));
    expect((await appErrorOf(() => readVexFile(file, { maxBytes: 100 }))).code).toBe('INPUT_TOO_LARGE');
    expect(parseVexText(`\uFEFF${sample('trivy/openvex.json')}`, 'bom.json').statements).toHaveLength(1);
  });
});
