import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ADAPTER_FOLDERS, ADAPTERS, detectAdapter } from './registry.js';

describe('adapter registry (contract)', () => {
  it('ids are unique and every adapter has a version', () => {
    const ids = ADAPTERS.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const a of ADAPTERS) expect(a.version).toMatch(/^\d+$/);
  });

  it.each(ADAPTERS.map((a) => [a.id, a] as const))('%s lives in the folder its id starts with', (id) => {
    const folder = ADAPTER_FOLDERS[id];
    expect(folder, 'registered in ADAPTER_FOLDERS').toBeDefined();
    expect(id.startsWith(`${folder}-`) || id === folder).toBe(true);
    expect(existsSync(fileURLToPath(new URL(`./${folder}/index.ts`, import.meta.url)))).toBe(true);
  });

  it('every folder entry names a registered adapter', () => {
    expect(Object.keys(ADAPTER_FOLDERS).sort()).toEqual(ADAPTERS.map((a) => a.id).sort());
  });
});

describe('detectAdapter', () => {
  const input = (text: string) => ({ file: 'in.json', text });

  it('picks the CycloneDX JSON adapter on bomFormat', () => {
    const doc = { bomFormat: 'CycloneDX', specVersion: '1.6' };
    expect(detectAdapter(input(JSON.stringify(doc)), doc).id).toBe('sbom/cyclonedx-json');
  });

  it('throws INPUT_UNRECOGNISED with the file and a hint for known neighbours', () => {
    const cases: Array<[unknown, string]> = [
      [[1, 2], 'a JSON array: expected an SBOM object'],
      [{ '@context': 'https://openvex.dev/ns/v0.2.0' }, 'an OpenVEX document: not an inventory'],
      [{ anything: true }, 'no registered adapter recognises this JSON document'],
    ];
    for (const [doc, reason] of cases) {
      expect(() => detectAdapter(input(JSON.stringify(doc)), doc)).toThrow(
        expect.objectContaining({
          code: 'INPUT_UNRECOGNISED',
          details: expect.objectContaining({ file: 'in.json', reason }),
        }),
      );
    }
  });
});
