/**
 * Broken and hostile CycloneDX XML: every error names its code, the file, the line (and column
 * or XPath where there is one), and a reason.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractInventory, readInventoryFile } from '../../read-inventory.js';

const FILE = 'uploads/bom.xml';
const run = (text: string) => extractInventory({ file: FILE, text });
const bom = (version: string, body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<bom xmlns="http://cyclonedx.org/schema/bom/${version}" version="1">\n${body}</bom>\n`;
const CERN = fileURLToPath(new URL('./fixtures/cern-lhc-vdm-editor-e564943.bom.1.2.xml', import.meta.url));

describe('well-formedness (INPUT_MALFORMED_XML)', () => {
  it('a mismatched end tag is located by line and column (where the parser stopped)', async () => {
    const text = bom('1.5', '  <components>\n    <component type="library"><name>a</nam>\n  </components>\n');
    await expect(run(text)).rejects.toMatchObject({
      code: 'INPUT_MALFORMED_XML',
      details: { file: FILE, line: 4, column: 44, reason: 'unexpected close tag' },
    });
  });

  it('the cern BOM cut in half: the error is where the text stops', async () => {
    const full = readFileSync(CERN, 'utf8');
    const text = full.slice(0, Math.floor(full.length / 2));
    const lines = text.split('\n');
    await expect(run(text)).rejects.toMatchObject({
      code: 'INPUT_MALFORMED_XML',
      details: { file: FILE, line: lines.length, reason: expect.stringMatching(/^unclosed tag/) },
    });
  });

  it('an unescaped ampersand and an undeclared prefix are named', async () => {
    await expect(
      run(
        bom(
          '1.5',
          '  <components>\n    <component type="library"><name>a & b</name></component>\n  </components>\n',
        ),
      ),
    ).rejects.toMatchObject({
      code: 'INPUT_MALFORMED_XML',
      details: { file: FILE, line: 4, column: 39, reason: 'unescaped "&" (write &amp;)' },
    });
    await expect(run(bom('1.5', '  <x:components/>\n'))).rejects.toMatchObject({
      code: 'INPUT_MALFORMED_XML',
      details: { file: FILE, line: 3, reason: 'unbound namespace prefix: "x"' },
    });
  });
});

describe('DTDs are refused (entity expansion and XXE)', () => {
  it('billion laughs: refused at the DOCTYPE, before any expansion, in milliseconds', async () => {
    const entities = Array.from(
      { length: 9 },
      (_, i) => `  <!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`,
    ).join('\n');
    const text = `<?xml version="1.0"?>\n<!DOCTYPE bom [\n  <!ENTITY lol0 "lol">\n${entities}\n]>\n<bom xmlns="http://cyclonedx.org/schema/bom/1.5">\n  <components><component type="library"><name>&lol9;</name></component></components>\n</bom>\n`;
    const started = performance.now();
    await expect(run(text)).rejects.toMatchObject({
      code: 'INPUT_MALFORMED_XML',
      details: { file: FILE, line: 2, column: 1, reason: expect.stringContaining('DOCTYPE is not accepted') },
    });
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('an external entity (XXE) is refused the same way and nothing is read', async () => {
    const text = `<?xml version="1.0"?>\n<!-- hi -->\n<!DOCTYPE bom [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>\n<bom xmlns="http://cyclonedx.org/schema/bom/1.5"><components><component type="library"><name>&xxe;</name></component></components></bom>`;
    await expect(run(text)).rejects.toMatchObject({
      code: 'INPUT_MALFORMED_XML',
      details: { file: FILE, line: 3, column: 1 },
    });
  });

  it('a DOCTYPE without an internal subset is refused too (it could name an external DTD)', async () => {
    const text =
      '<?xml version="1.0"?>\n<!DOCTYPE bom SYSTEM "http://example.com/bom.dtd">\n<bom xmlns="http://cyclonedx.org/schema/bom/1.5"/>';
    await expect(run(text)).rejects.toMatchObject({
      code: 'INPUT_MALFORMED_XML',
      details: { file: FILE, line: 2, column: 1, reason: expect.stringContaining('DOCTYPE') },
    });
  });

  it('an entity used without any DOCTYPE is an undefined entity', async () => {
    const text = bom(
      '1.5',
      '  <components><component type="library"><name>&xxe;</name></component></components>\n',
    );
    await expect(run(text)).rejects.toMatchObject({
      code: 'INPUT_MALFORMED_XML',
      details: { file: FILE, line: 3, reason: 'undefined entity' },
    });
  });
});

describe('the official XSD (INPUT_SCHEMA)', () => {
  it('a component without <name> names the line, the column and the XPath', async () => {
    const text = bom(
      '1.5',
      '  <components>\n    <component type="library"><name>a</name></component>\n    <component type="library">\n      <version>1.0</version>\n    </component>\n  </components>\n',
    );
    await expect(run(text)).rejects.toMatchObject({
      code: 'INPUT_SCHEMA',
      details: {
        file: FILE,
        line: 6,
        column: 7,
        pointer: '/bom/components/component[2]/version',
        reason: expect.stringMatching(
          /^Element 'version': This element is not expected\. Expected is one of \(.*\bname \)/,
        ),
        schema: 'CycloneDX 1.5 XSD',
      },
    });
  });

  it('an element the spec does not define is named with its line', async () => {
    const text = bom(
      '1.6',
      '  <components>\n    <component type="library">\n      <name>a</name>\n      <colour>red</colour>\n    </component>\n  </components>\n',
    );
    await expect(run(text)).rejects.toMatchObject({
      code: 'INPUT_SCHEMA',
      details: {
        file: FILE,
        line: 6,
        pointer: '/bom/components/component/colour',
        reason: expect.stringContaining("Element 'colour'"),
      },
    });
  });

  it('a component type outside the enumeration lists the allowed values', async () => {
    const text = bom(
      '1.2',
      '  <components>\n    <component type="gadget"><name>a</name><version>1</version></component>\n  </components>\n',
    );
    await expect(run(text)).rejects.toMatchObject({
      code: 'INPUT_SCHEMA',
      details: {
        file: FILE,
        line: 4,
        pointer: '/bom/components/component',
        reason: expect.stringContaining("The value 'gadget' is not an element of the set {'application'"),
        schema: 'CycloneDX 1.2 XSD',
      },
    });
  });

  it('1.2 requires <version> on a component (it became optional in 1.4)', async () => {
    const body =
      '  <components>\n    <component type="library"><name>a</name></component>\n  </components>\n';
    await expect(run(bom('1.2', body))).rejects.toMatchObject({
      code: 'INPUT_SCHEMA',
      details: { file: FILE, line: 4, reason: expect.stringContaining('Missing child element') },
    });
    await expect(run(bom('1.4', body))).resolves.toMatchObject({
      rejected: [{ ref: '/components/0', reason: 'no purl' }],
    });
  });
});

describe('spec version (INPUT_UNSUPPORTED_SPEC)', () => {
  it.each([
    ['http://cyclonedx.org/schema/bom/1.1', '1.1'],
    ['http://cyclonedx.org/schema/bom/1.0', '1.0'],
    ['http://cyclonedx.org/schema/bom/1.8', '1.8'],
    ['urn:example:not-cyclonedx', 'urn:example:not-cyclonedx'],
  ])('namespace %s: found %s, with the supported list', async (ns, found) => {
    const text = `<?xml version="1.0"?>\n<bom xmlns="${ns}" version="1">\n  <components/>\n</bom>\n`;
    await expect(run(text)).rejects.toMatchObject({
      code: 'INPUT_UNSUPPORTED_SPEC',
      details: {
        file: FILE,
        line: 2,
        column: 1,
        pointer: '/bom/@xmlns',
        found,
        supported: ['1.2', '1.3', '1.4', '1.5', '1.6', '1.7'],
      },
    });
  });

  it('a <bom> without a namespace says so', async () => {
    await expect(run('<bom version="1"/>')).rejects.toMatchObject({
      code: 'INPUT_UNSUPPORTED_SPEC',
      details: { found: '(no namespace)', reason: expect.stringContaining('namespace') },
    });
  });
});

describe('recognition and encodings', () => {
  it('a CycloneDX XML VEX (vulnerabilities, no components) is not an inventory', async () => {
    const text = bom(
      '1.5',
      '  <vulnerabilities>\n    <vulnerability bom-ref="v1"><id>CVE-2021-44228</id></vulnerability>\n  </vulnerabilities>\n',
    );
    await expect(run(text)).rejects.toMatchObject({
      code: 'INPUT_UNRECOGNISED',
      details: { file: FILE, reason: expect.stringContaining('CycloneDX VEX/VDR') },
    });
  });

  it('a UTF-16 file declaring encoding="UTF-16" with non-ASCII names is read correctly', async () => {
    const xml = bom(
      '1.6',
      '  <components>\n    <component type="library"><name>café-中文</name><purl>pkg:npm/caf%C3%A9@1.0.0</purl></component>\n  </components>\n',
    ).replace('UTF-8', 'UTF-16');
    const dir = await mkdtemp(join(tmpdir(), 'pw-xml-'));
    const path = join(dir, 'bom-utf16.xml');
    await writeFile(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]));
    const r = await readInventoryFile(path);
    expect(r.components).toEqual([
      expect.objectContaining({ purl: 'pkg:npm/caf%C3%A9@1.0.0', name: 'café' }),
    ]);
  });
});
