import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkDocs } from './check-docs.js';
import { POSTURE_CHECKS } from './registry.js';

const docs = fileURLToPath(new URL('../../docs/checks/', import.meta.url));

describe('docs/checks is generated from the check metadata', () => {
  const expected = checkDocs(POSTURE_CHECKS);
  it('has exactly the generated pages (run node scripts/gen-check-docs.mjs after npm run build)', () => {
    const files = [
      'README.md',
      ...['aws', 'azure'].flatMap((p) => readdirSync(`${docs}${p}`).map((f) => `${p}/${f}`)),
    ].sort();
    expect(files).toEqual([...expected.keys()].sort());
  });
  it.each([...expected.entries()].map(([name, text]) => [name, text] as const))(
    '%s matches the code',
    (name, text) => {
      expect(readFileSync(`${docs}${name}`, 'utf8')).toBe(text);
    },
  );
});
