/**
 * Properties: random component trees, written as CycloneDX 1.6 XML here (with every XML escape
 * and non-ASCII text, raw or as character references) and as CycloneDX JSON, must give the same
 * JSON model and the same extraction through the two adapters.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractInventory } from '../../read-inventory.js';
import { bomFromXml } from './xml-model.js';
import { parseXmlTree } from './xml-tree.js';

interface Node {
  name: string;
  version: string;
  purl: string | undefined;
  withRef: boolean;
  children: readonly Node[];
}

// Markup characters, both quotes, Latin-1, CJK and an astral-plane character (a surrogate pair
// in JavaScript). No leading or trailing whitespace: the XML reader trims text content (see
// xml-model.ts), which JSON does not, so such names are out of this property by design.
const ALPHABET = Array.from('abcXYZ09 -_.&<>"\'é中😀ß;#');
const label = fc
  .string({ unit: fc.constantFrom(...ALPHABET), minLength: 1, maxLength: 10 })
  .filter((s) => s.trim() === s);
const slug = fc
  .string({ unit: fc.constantFrom(...'abcdefxyz-'), minLength: 1, maxLength: 8 })
  .filter((s) => /^[a-z]/.test(s));
// Qualifiers put a raw `&` into element text.
const purl = fc
  .tuple(slug, fc.nat(20), fc.nat(20), fc.option(fc.tuple(slug, slug), { nil: undefined }))
  .map(([n, a, b, q]) => `pkg:npm/${n}@${a}.${b}.0${q ? `?arch=${q[0]}&os=${q[1]}` : ''}`);

const { node } = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.record({
    name: label,
    version: label,
    purl: fc.option(purl, { nil: undefined, freq: 4 }),
    withRef: fc.boolean(),
    children: fc.oneof(
      { maxDepth: 3, depthIdentifier: 'tree' },
      fc.constant([]),
      fc.array(tie('node'), { minLength: 1, maxLength: 3 }),
    ),
  }),
}));
const forest = fc.array(node, { maxLength: 5 });

const SERIAL = 'urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79';

function escapeXml(s: string, numeric: boolean): string {
  const named = s
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
  return numeric ? named.replace(/[^\x20-\x7e]/gu, (c) => `&#x${c.codePointAt(0)?.toString(16)};`) : named;
}

// bom-refs are unique (CycloneDX §bom-ref) and here carry markup characters too.
function refs(trees: readonly Node[]): Map<Node, string> {
  const out = new Map<Node, string>();
  const visit = (n: Node) => {
    if (n.withRef) out.set(n, `ref-${out.size}-"<'&>`);
    n.children.forEach(visit);
  };
  trees.forEach(visit);
  return out;
}

function toXml(trees: readonly Node[], ref: Map<Node, string>, numeric: boolean): string {
  const e = (s: string) => escapeXml(s, numeric);
  const component = (n: Node, indent: string): string => {
    const r = ref.get(n);
    const children = n.children.length
      ? `${indent}  <components>\n${n.children.map((c) => component(c, `${indent}    `)).join('')}${indent}  </components>\n`
      : '';
    return (
      `${indent}<component type="library"${r === undefined ? '' : ` bom-ref="${e(r)}"`}>\n` +
      `${indent}  <name>${e(n.name)}</name>\n${indent}  <version>${e(n.version)}</version>\n` +
      (n.purl === undefined ? '' : `${indent}  <purl>${e(n.purl)}</purl>\n`) +
      `${children}${indent}</component>\n`
    );
  };
  return `<?xml version="1.0" encoding="UTF-8"?>\n<bom xmlns="http://cyclonedx.org/schema/bom/1.6" serialNumber="${SERIAL}" version="1">\n  <components>\n${trees.map((t) => component(t, '    ')).join('')}  </components>\n</bom>\n`;
}

function toJson(trees: readonly Node[], ref: Map<Node, string>): unknown {
  const component = (n: Node): Record<string, unknown> => ({
    type: 'library',
    ...(ref.has(n) && { 'bom-ref': ref.get(n) }),
    name: n.name,
    version: n.version,
    ...(n.purl !== undefined && { purl: n.purl }),
    ...(n.children.length > 0 && { components: n.children.map(component) }),
  });
  return {
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    serialNumber: SERIAL,
    version: 1,
    components: trees.map(component),
  };
}

describe('CycloneDX XML ≡ CycloneDX JSON (property)', () => {
  it('the XML model of a random tree is the JSON document of the same tree', () => {
    fc.assert(
      fc.property(forest, fc.boolean(), (trees, numeric) => {
        const ref = refs(trees);
        const root = parseXmlTree(toXml(trees, ref, numeric), 'bom.xml');
        expect(bomFromXml(root, '1.6', new WeakMap())).toEqual(toJson(trees, ref));
      }),
      { numRuns: 300 },
    );
  });

  it('both adapters extract the same components and rejections (nesting flattened alike)', async () => {
    await fc.assert(
      fc.asyncProperty(forest, fc.boolean(), async (trees, numeric) => {
        const ref = refs(trees);
        const xml = await extractInventory({ file: 'bom.xml', text: toXml(trees, ref, numeric) });
        const json = await extractInventory({ file: 'bom.xml', text: JSON.stringify(toJson(trees, ref)) });
        expect(xml.adapter.id).toBe('sbom/cyclonedx-xml');
        expect(json.adapter.id).toBe('sbom/cyclonedx-json');
        expect(xml.components).toEqual(json.components);
        expect(xml.rejected).toEqual(json.rejected);
        expect(xml.asset).toEqual(json.asset);
        // and the flattening is pre-order over the whole tree, as the JSON adapter walks it
        const flat = (ns: readonly Node[]): Node[] => ns.flatMap((n) => [n, ...flat(n.children)]);
        const purls = [...new Set(flat(trees).flatMap((n) => (n.purl ? [n.purl] : [])))];
        expect(xml.components.map((c) => c.purl)).toEqual(purls);
      }),
      { numRuns: 25 },
    );
  });
});
