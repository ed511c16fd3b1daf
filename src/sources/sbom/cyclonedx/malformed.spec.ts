/**
 * Broken and borderline CycloneDX inputs: every error names its code and where (file + JSON
 * pointer, or line + column); every unusable component is rejected with a ref and a reason.
 */
import { describe, expect, it } from 'vitest';
import { extractInventory } from '../../read-inventory.js';
import { ADAPTERS } from '../../registry.js';
import { sbomText } from '../../shared-data.test-helpers.js';

const FILE = 'uploads/bom.json';
const run = (doc: unknown) => extractInventory({ file: FILE, text: JSON.stringify(doc, null, 2) });
const lib = (name: string, extra: Record<string, unknown> = {}) => ({ type: 'library', name, ...extra });
const bom15 = (extra: Record<string, unknown>) => ({ bomFormat: 'CycloneDX', specVersion: '1.5', ...extra });

describe('syntax', () => {
  it('truncated juice-shop BOM: INPUT_MALFORMED_JSON at the line and column where the text stops', async () => {
    const full = sbomText('cyclonedx-bom-examples/SBOM__juice-shop__v11.1.2__bom.json');
    const text = full.slice(0, Math.floor(full.length / 2));
    const lines = text.split('\n');
    await expect(extractInventory({ file: FILE, text })).rejects.toMatchObject({
      code: 'INPUT_MALFORMED_JSON',
      details: { file: FILE, line: lines.length, column: (lines.at(-1) ?? '').length + 1 },
    });
  });

  it('a missing comma inside the document is located by line and column', async () => {
    const text = '{\n  "bomFormat": "CycloneDX",\n  "components": [1 2]\n}';
    await expect(extractInventory({ file: FILE, text })).rejects.toMatchObject({
      code: 'INPUT_MALFORMED_JSON',
      details: { file: FILE, line: 3, column: 20 },
    });
  });
});

describe('schema (official CycloneDX JSON schema, strict)', () => {
  it('components as an object: INPUT_SCHEMA at /components', async () => {
    await expect(run(bom15({ components: {} }))).rejects.toMatchObject({
      code: 'INPUT_SCHEMA',
      details: { file: FILE, pointer: '/components', reason: 'must be array', schema: 'CycloneDX 1.5' },
    });
  });

  it('a numeric purl: INPUT_SCHEMA at /components/3/purl', async () => {
    const components = [lib('a'), lib('b'), lib('c'), lib('d', { purl: 42 })];
    await expect(run(bom15({ components }))).rejects.toMatchObject({
      code: 'INPUT_SCHEMA',
      details: { file: FILE, pointer: '/components/3/purl', reason: 'must be string' },
    });
  });

  it('a nested error is located inside the nested tree', async () => {
    const components = [lib('a', { components: [lib('b'), { type: 'gadget', name: 'c' }] })];
    await expect(run(bom15({ components }))).rejects.toMatchObject({
      code: 'INPUT_SCHEMA',
      details: {
        file: FILE,
        pointer: '/components/0/components/1/type',
        reason: expect.stringMatching(/^must be equal to one of the allowed values: application, /),
      },
    });
  });

  it('1.2 strict schema: a property the spec does not define is named', async () => {
    const doc = {
      bomFormat: 'CycloneDX',
      specVersion: '1.2',
      version: 1,
      components: [{ type: 'library', name: 'a', version: '1', colour: 'red' }],
    };
    await expect(run(doc)).rejects.toMatchObject({
      code: 'INPUT_SCHEMA',
      details: {
        file: FILE,
        pointer: '/components/0',
        reason: 'must NOT have additional properties: "colour"',
      },
    });
  });

  it('specVersion 9.9: INPUT_UNSUPPORTED_SPEC with the version found and the supported list', async () => {
    await expect(run({ bomFormat: 'CycloneDX', specVersion: '9.9' })).rejects.toMatchObject({
      code: 'INPUT_UNSUPPORTED_SPEC',
      details: {
        file: FILE,
        pointer: '/specVersion',
        found: '9.9',
        supported: ['1.2', '1.3', '1.4', '1.5', '1.6', '1.7'],
      },
    });
  });

  it('specVersion 1.1 (XML-only) is unsupported; a missing specVersion is a schema error', async () => {
    await expect(run({ bomFormat: 'CycloneDX', specVersion: '1.1' })).rejects.toMatchObject({
      code: 'INPUT_UNSUPPORTED_SPEC',
      details: { file: FILE, pointer: '/specVersion', found: '1.1' },
    });
    await expect(run({ bomFormat: 'CycloneDX', specVersion: 1.5 })).rejects.toMatchObject({
      code: 'INPUT_SCHEMA',
      details: { file: FILE, pointer: '/specVersion' },
    });
  });
});

describe('recognition', () => {
  it('JSON that is not CycloneDX: INPUT_UNRECOGNISED naming the file', async () => {
    await expect(run({ hello: 'world' })).rejects.toMatchObject({
      code: 'INPUT_UNRECOGNISED',
      details: {
        file: FILE,
        adapters: ADAPTERS.map((a) => a.id),
      },
    });
    await expect(run({ bomFormat: 'cyclonedx', specVersion: '1.5' })).rejects.toMatchObject({
      code: 'INPUT_UNRECOGNISED',
      details: { file: FILE, reason: 'bomFormat is not "CycloneDX"' },
    });
  });

  it('an attestation whose predicate is not CycloneDX is not recognised', async () => {
    const statement = {
      _type: 'https://in-toto.io/Statement/v1',
      predicateType: 'https://slsa.dev/provenance/v1',
    };
    const payload = Buffer.from(JSON.stringify({ ...statement, predicate: {} })).toString('base64');
    await expect(
      run({ payloadType: 'application/vnd.in-toto+json', payload, signatures: [] }),
    ).rejects.toMatchObject({
      code: 'INPUT_UNRECOGNISED',
      details: { file: FILE, reason: expect.stringContaining('attestation envelope') },
    });
  });

  it('a schema error inside a DSSE payload points at /payload and into the decoded statement', async () => {
    const predicate = bom15({ components: [lib('a', { purl: 7 })] });
    const statement = {
      _type: 'https://in-toto.io/Statement/v0.1',
      predicateType: 'https://cyclonedx.org/bom',
      predicate,
    };
    const payload = Buffer.from(JSON.stringify(statement)).toString('base64');
    await expect(
      run({ payloadType: 'application/vnd.in-toto+json', payload, signatures: [] }),
    ).rejects.toMatchObject({
      code: 'INPUT_SCHEMA',
      details: { file: FILE, pointer: '/payload', payloadPointer: '/predicate/components/0/purl' },
    });
  });

  it('a bare in-toto statement (no envelope) is read too', async () => {
    const predicate = bom15({ components: [lib('a', { purl: 'pkg:npm/a@1.0.0' })] });
    const r = await run({ predicateType: 'https://cyclonedx.org/bom/v1.5', predicate });
    expect(r.adapter.id).toBe('sbom/cyclonedx-attestation');
    expect(r.components).toEqual([
      expect.objectContaining({ purl: 'pkg:npm/a@1.0.0', ref: '/predicate/components/0' }),
    ]);
  });
});

describe('components', () => {
  it('rejects invalid purls and purl-less components with a ref (bom-ref, else JSON pointer) and a reason', async () => {
    const components = [
      lib('ok', { purl: 'pkg:npm/ok@1.0.0' }),
      lib('bad', { 'bom-ref': 'ref-bad', purl: 'pkg:maven/commons-io@2.6' }),
      lib('nested', {
        purl: 'pkg:npm/nested@1.0.0',
        components: [lib('child', { purl: 'pkg:pypi/Child_Pkg@2.0' }), lib('no-purl')],
      }),
      { type: 'firmware', name: 'fw', version: '1.0', cpe: 'cpe:2.3:o:acme:fw:1.0:*:*:*:*:*:*:*' },
      lib('again', { 'bom-ref': 'ref-dup', purl: 'pkg:npm/ok@1.0.0' }),
    ];
    const r = await run(bom15({ components }));
    expect(r.components.map((c) => [c.ecosystem, c.name, c.version, c.ref])).toEqual([
      ['npm', 'ok', '1.0.0', '/components/0'],
      ['npm', 'nested', '1.0.0', '/components/2'],
      ['PyPI', 'child-pkg', '2.0', '/components/2/components/0'],
    ]);
    expect(r.rejected).toEqual([
      { ref: 'ref-bad', reason: 'invalid purl: maven requires a "namespace" component' },
      { ref: '/components/2/components/1', reason: 'no purl' },
      { ref: '/components/3', reason: 'firmware component has no package identity (no purl; cpe only)' },
      { ref: 'ref-dup', reason: 'duplicate' },
    ]);
  });

  it('an operating-system component gives OS packages without a distro qualifier their release', async () => {
    const components = [
      { type: 'operating-system', name: 'alpine', version: '3.19.1' },
      lib('musl', { purl: 'pkg:apk/alpine/musl@1.2.4_git20230717-r4' }),
      lib('zlib', { purl: 'pkg:apk/alpine/zlib@1.3.1-r0?distro=alpine-3.20.0' }),
      lib('left-pad', { purl: 'pkg:npm/left-pad@1.3.0' }),
    ];
    const r = await run(bom15({ components }));
    expect(r.components.map((c) => c.distroRelease)).toEqual(['Alpine:v3.19', 'Alpine:v3.20', undefined]);
    expect(r.rejected).toEqual([
      {
        ref: '/components/0',
        reason: 'operating system without a purl: its name and version give OS packages their distro release',
      },
    ]);
  });

  it('two different releases of one distro give no context rather than a guess', async () => {
    const components = [
      { type: 'operating-system', name: 'debian', version: '11.9' },
      { type: 'operating-system', name: 'debian', version: '12.5' },
      lib('bash', { purl: 'pkg:deb/debian/bash@5.2.15-2' }),
    ];
    const r = await run(bom15({ components }));
    expect(r.components[0]?.distroRelease).toBeUndefined();
  });

  it('the subject listed again among the components is not a component of itself', async () => {
    const subject = {
      type: 'application',
      name: 'app',
      version: '2.0',
      'bom-ref': 'app',
      purl: 'pkg:npm/app@2.0',
    };
    const r = await run(
      bom15({
        metadata: { component: subject },
        components: [{ ...subject }, lib('x', { purl: 'pkg:npm/x@1' })],
      }),
    );
    expect(r.asset).toMatchObject({ externalId: 'cyclonedx:pkg:npm/app', name: 'app', version: '2.0' });
    expect(r.components.map((c) => c.name)).toEqual(['x']);
    expect(r.rejected).toEqual([
      { ref: 'app', reason: 'the SBOM subject (metadata.component) listed again: it is the asset' },
    ]);
  });

  it('without serialNumber and metadata.component the asset is named by file and identified by digest', async () => {
    const r = await run(bom15({ components: [] }));
    expect(r.asset).toEqual({
      externalId: expect.stringMatching(/^cyclonedx:sha256:[0-9a-f]{64}$/),
      name: 'bom.json',
      kind: 'other',
      tags: {},
    });
  });
});
