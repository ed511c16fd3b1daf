import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { appErrorOfSync as errorOf } from './errors.test-helpers.js';
import {
  jsonPointer,
  lineColumnAt,
  parseJsonText,
  parseYamlText,
  validateShape,
} from './structured-input.js';

describe('parseJsonText', () => {
  it('locates an unexpected token that V8 reports without a position', () => {
    const e = errorOf(() => parseJsonText('{\n  "a": 1,\n  "b": }\n', 'x.json'));
    expect(e.code).toBe('INPUT_MALFORMED_JSON');
    expect(e.details).toMatchObject({ file: 'x.json', line: 3, column: 8 });
  });

  it('locates a truncated document at its end', () => {
    const e = errorOf(() => parseJsonText('{"components": [\n {"purl": "pkg:npm/a@1"', 't.json'));
    expect(e.details).toMatchObject({ file: 't.json', line: 2 });
    expect(e.details.reason).toMatch(/expected/);
  });

  it('rejects an empty file', () => {
    expect(errorOf(() => parseJsonText('', 'e.json')).code).toBe('INPUT_MALFORMED_JSON');
  });

  it('parses any JSON value JSON.stringify produces', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(parseJsonText(JSON.stringify(v), 'p.json')).toEqual(JSON.parse(JSON.stringify(v)));
      }),
    );
  });
});

describe('parseYamlText', () => {
  it('names the line of a syntax error', () => {
    const e = errorOf(() => parseYamlText('id: X\naffected:\n  - package: [\n', 'a.yaml'));
    expect(e.code).toBe('INPUT_MALFORMED_YAML');
    expect(e.details.file).toBe('a.yaml');
    expect(e.details.line).toBeGreaterThanOrEqual(3);
  });

  it('rejects duplicate keys', () => {
    expect(errorOf(() => parseYamlText('id: A\nid: B\n', 'd.yaml')).details.line).toBe(2);
  });
});

describe('validateShape and jsonPointer', () => {
  it('reports the RFC 6901 pointer of the first bad value', () => {
    const schema = z.object({ components: z.array(z.object({ purl: z.string() })) });
    const e = errorOf(() => validateShape(schema, { components: [{ purl: 'a' }, { purl: 7 }] }, 'b.json'));
    expect(e.details).toMatchObject({ file: 'b.json', pointer: '/components/1/purl' });
  });

  it('escapes ~ and / in keys', () => {
    expect(jsonPointer(['a/b', 'm~n', 0])).toBe('/a~1b/m~0n/0');
  });

  it('counts lines and columns from 1', () => {
    expect(lineColumnAt('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});
