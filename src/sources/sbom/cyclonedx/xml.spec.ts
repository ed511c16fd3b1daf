/**
 * Real CycloneDX XML documents (fixtures/README.md names their sources), read through
 * readInventoryFile as the CLI reads them, and compared with the JSON encoding of the same SBOM.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readInventoryFile } from '../../read-inventory.js';
import { sbomPath, sbomText } from '../../shared-data.test-helpers.js';
import { bomFromXml } from './xml-model.js';
import { parseXmlTree } from './xml-tree.js';
import { xmlSpecVersion } from './xml-validate.js';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const model = (name: string) => {
  const file = fixture(name);
  const root = parseXmlTree(readFileSync(file, 'utf8'), file);
  return bomFromXml(root, xmlSpecVersion(root, file), new WeakMap());
};

const CERN_XML = 'cern-lhc-vdm-editor-e564943.bom.1.2.xml';
const CERN_JSON = 'cyclonedx-bom-examples/SBOM__cern-lhc-vdm-editor-e564943__bom.json';

describe('cern-lhc-vdm-editor (CycloneDX 1.2): the XML and JSON encodings of one SBOM', () => {
  it('give the same asset, the same 43 components (purls, names, refs) and no rejections', async () => {
    const [xml, json] = await Promise.all([
      readInventoryFile(fixture(CERN_XML)),
      readInventoryFile(sbomPath(CERN_JSON)),
    ]);
    expect(xml.adapter).toEqual({ id: 'sbom/cyclonedx-xml', version: '1' });
    expect(json.adapter.id).toBe('sbom/cyclonedx-json');
    expect(xml.components).toHaveLength(43);
    expect(xml.components.map((c) => c.purl)).toEqual(json.components.map((c) => c.purl));
    expect(xml.components).toEqual(json.components);
    expect(xml.rejected).toEqual([]);
    expect(xml.asset).toEqual(json.asset);
    expect(xml.asset).toMatchObject({ externalId: 'cyclonedx:pkg:npm/lhc-vdm-editor', version: '0.0.1' });
  });

  it('convert to the very document the JSON file holds, except what differs between the two runs', () => {
    const fromXml = model(CERN_XML);
    const fromJson = JSON.parse(sbomText(CERN_JSON));
    // The two files were generated seconds apart: only serialNumber and timestamp differ.
    expect(fromXml.serialNumber).toBe('urn:uuid:591eb851-2646-4d52-aa40-ac8b35a2b2d7');
    const stable = (d: Record<string, unknown>) => ({
      ...d,
      serialNumber: '-',
      metadata: { ...(d.metadata as object), timestamp: '-' },
    });
    expect(stable(fromXml)).toEqual(stable(fromJson));
  });
});

describe('CycloneDX specification examples (1.3–1.6)', () => {
  it('1.3 hashes: every algorithm as {alg, content}; a component without purl is rejected by pointer', async () => {
    const doc = model('valid-component-hashes-1.3.xml');
    expect(doc).toHaveProperty(['components', 0, 'hashes', 'length'], 12);
    expect(doc).toHaveProperty(['components', 0, 'hashes', 2], {
      alg: 'SHA-256',
      content: 'd88bc4e70bfb34d18b5542136639acbb26a8ae2429aa1e47489332fb389cc964',
    });
    const r = await readInventoryFile(fixture('valid-component-hashes-1.3.xml'));
    expect(r.components).toEqual([]);
    expect(r.rejected).toEqual([{ ref: '/components/0', reason: 'no purl' }]);
    expect(r.asset.externalId).toBe('cyclonedx:urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79');
  });

  it('1.4 metadata.tools is the legacy list of <tool>', () => {
    expect(model('valid-metadata-tool-1.4.xml')).toHaveProperty(
      ['metadata', 'tools'],
      [
        {
          vendor: 'Awesome Vendor',
          name: 'Awesome Tool',
          version: '9.1.2',
          hashes: [
            { alg: 'SHA-1', content: '25ed8e31b995bb927966616df2a42b979a2717f0' },
            { alg: 'SHA-256', content: 'a74f733635a19aefb1f73e5947cef59cd7440c6952ef0f03d09d974274cbd6df' },
          ],
        },
      ],
    );
  });

  it('1.5 metadata.tools is {components, services}; an empty <components/> is an empty list', async () => {
    const doc = model('valid-metadata-tool-1.5.xml');
    expect(doc).toHaveProperty(
      ['metadata', 'tools', 'components'],
      [expect.objectContaining({ type: 'application', group: 'Awesome Vendor', name: 'Awesome Tool' })],
    );
    expect(doc).toHaveProperty(
      ['metadata', 'tools', 'services'],
      [
        expect.objectContaining({
          name: 'Acme Signing Server',
          provider: { name: 'Acme Org', url: ['https://example.com'] },
          endpoints: ['https://example.com/sign', 'https://example.com/verify', 'https://example.com/tsa'],
        }),
      ],
    );
    expect(doc.components).toEqual([]);
    const r = await readInventoryFile(fixture('valid-metadata-tool-1.5.xml'));
    expect(r.components).toEqual([]);
    // the tools that made the BOM are not its inventory
    expect(r.rejected).toEqual([]);
  });

  it('1.5 assembly: nested components and services are flattened as in JSON', async () => {
    const r = await readInventoryFile(fixture('valid-assembly-1.5.xml'));
    expect(r.rejected).toEqual([
      { ref: '/components/0', reason: 'no purl' },
      { ref: '/components/0/components/0', reason: 'no purl' },
      { ref: '/services/0', reason: 'service has no package identity (CycloneDX service)' },
      { ref: '/services/0/services/0', reason: 'service has no package identity (CycloneDX service)' },
    ]);
  });

  it('1.6 dependencies: nested <dependency ref> becomes dependsOn; refs are bom-refs', async () => {
    expect(model('valid-dependency-1.6.xml').dependencies).toEqual([
      { ref: 'library-a' },
      { ref: 'library-b', dependsOn: ['library-c'] },
    ]);
    const r = await readInventoryFile(fixture('valid-dependency-1.6.xml'));
    expect(r.rejected.map((x) => x.ref)).toEqual(['library-a', 'library-b', 'library-c']);
  });

  it('1.6 properties: repeated names kept in order, the value is optional', () => {
    const doc = model('valid-properties-1.6.xml');
    const expected = [
      { name: 'Foo', value: 'Bar' },
      { name: 'Foo', value: 'Two' },
      { name: 'Bar', value: 'Foo' },
      { name: 'value-is-optional' },
    ];
    expect(doc).toHaveProperty(['metadata', 'properties'], expected);
    expect(doc).toHaveProperty(['components', 0, 'properties'], expected);
    expect(doc).toHaveProperty(
      ['components', 0, 'licenses'],
      [{ license: { id: 'Apache-2.0', properties: expected } }],
    );
    expect(doc).toHaveProperty(
      ['services', 0],
      expect.objectContaining({
        'bom-ref': 'b2a46a4b-8367-4bae-9820-95557cfe03a8',
        group: 'org.partner',
        endpoints: ['https://partner.org/api/v1/stock'],
      }),
    );
  });

  it.each([
    ['valid-component-hashes-1.3.xml', '1.3'],
    ['valid-metadata-tool-1.4.xml', '1.4'],
    ['valid-assembly-1.5.xml', '1.5'],
    ['valid-properties-1.6.xml', '1.6'],
    [CERN_XML, '1.2'],
  ])('%s: specVersion %s from the namespace', (name, version) => {
    expect(model(name)).toMatchObject({ bomFormat: 'CycloneDX', specVersion: version, version: 1 });
  });
});
