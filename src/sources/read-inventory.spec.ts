import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readInventoryFile } from './read-inventory.js';
import { sbomPath, sbomText } from './shared-data.test-helpers.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pw-read-inventory-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function fileWith(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

const CERN = 'cyclonedx-bom-examples/SBOM__cern-lhc-vdm-editor-e564943__bom.json';

describe('readInventoryFile', () => {
  it('returns the extraction, the adapter and the SHA-256 of the raw bytes', async () => {
    const path = sbomPath(CERN);
    const r = await readInventoryFile(path);
    expect(r.sha256).toBe(
      createHash('sha256')
        .update(await readFile(path))
        .digest('hex'),
    );
    expect(r.adapter).toEqual({ id: 'sbom/cyclonedx-json', version: '1' });
    expect(r.components).toHaveLength(43);
    expect(r.components[0]).toEqual({
      purl: 'pkg:npm/puppeteer@1.19.0',
      ecosystem: 'npm',
      name: 'puppeteer',
      version: '1.19.0',
      ref: 'pkg:npm/puppeteer@1.19.0',
    });
  });

  it('reads UTF-8 with a byte order mark and UTF-16LE (PowerShell redirection) alike', async () => {
    const text = sbomText(CERN);
    const withBom = await fileWith(
      'bom8.json',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
    );
    const utf16 = await fileWith(
      'bom16.json',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
    );
    for (const path of [withBom, utf16]) expect((await readInventoryFile(path)).components).toHaveLength(43);
  });

  it('a missing file: INPUT_NOT_FOUND naming it', async () => {
    const path = join(dir, 'nope.json');
    await expect(readInventoryFile(path)).rejects.toMatchObject({
      code: 'INPUT_NOT_FOUND',
      details: { file: path },
    });
  });

  it('a directory: INPUT_UNREADABLE', async () => {
    await expect(readInventoryFile(dir)).rejects.toMatchObject({
      code: 'INPUT_UNREADABLE',
      details: { file: dir, reason: 'not a regular file' },
    });
  });

  it('an empty or blank file: INPUT_EMPTY', async () => {
    for (const [name, content] of [
      ['empty.json', ''],
      ['blank.json', ' \n\t\n'],
    ]) {
      const path = await fileWith(name as string, content as string);
      await expect(readInventoryFile(path)).rejects.toMatchObject({
        code: 'INPUT_EMPTY',
        details: { file: path },
      });
    }
  });

  it('above maxBytes: INPUT_TOO_LARGE with the size and the limit, before parsing', async () => {
    const path = await fileWith('big.json', '{"bomFormat": "CycloneDX", "specVersion": "1.5"}');
    await expect(readInventoryFile(path, { maxBytes: 10 })).rejects.toMatchObject({
      code: 'INPUT_TOO_LARGE',
      details: { file: path, size: 48, limit: 10 },
    });
  });

  it('10 MB of random bytes: a clear INPUT_UNRECOGNISED, fast', async () => {
    const junk = randomBytes(10 * 1024 * 1024);
    junk[0] = 0x7b; // '{' — even a JSON-looking start must not send binary into the parser
    const path = await fileWith('junk.bin', junk);
    const started = performance.now();
    await expect(readInventoryFile(path)).rejects.toMatchObject({
      code: 'INPUT_UNRECOGNISED',
      details: { file: path, reason: 'not UTF-8 text (binary data?)' },
    });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('10 MB of text junk starting with "{": INPUT_MALFORMED_JSON on line 1, fast', async () => {
    const path = await fileWith('junk.json', `{${'x'.repeat(10 * 1024 * 1024)}`);
    const started = performance.now();
    await expect(readInventoryFile(path)).rejects.toMatchObject({
      code: 'INPUT_MALFORMED_JSON',
      details: { file: path, line: 1, column: 2 },
    });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('CycloneDX XML is recognised by its <bom> root, whatever the file is called', async () => {
    const path = await fileWith(
      'bom.txt',
      '<?xml version="1.0"?>\n<bom xmlns="http://cyclonedx.org/schema/bom/1.5"/>',
    );
    const r = await readInventoryFile(path);
    expect(r.adapter.id).toBe('sbom/cyclonedx-xml');
    expect(r.components).toEqual([]);
  });

  it('other XML: INPUT_UNRECOGNISED saying what the root should be', async () => {
    const path = await fileWith('doc.xml', '<?xml version="1.0"?>\n<Document xmlns="http://spdx.org/"/>');
    await expect(readInventoryFile(path)).rejects.toMatchObject({
      code: 'INPUT_UNRECOGNISED',
      details: { file: path, reason: expect.stringContaining('not a CycloneDX <bom>') },
    });
  });

  it('an SPDX document is read by the SPDX adapter', async () => {
    const r = await readInventoryFile(sbomPath('spdx-spec/SPDXJSONExample-v2.3.spdx.json'));
    expect(r.adapter.id).toBe('sbom/spdx-json');
    expect(r.components).toHaveLength(1);
    expect(r.rejected).toHaveLength(2);
  });
});
