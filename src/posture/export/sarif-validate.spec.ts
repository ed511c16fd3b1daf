import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { draft07Copy } from './sarif-validate.test-helpers.js';
import official from './schemas/sarif-2.1.0/sarif-schema-2.1.0.json' with { type: 'json' };

type Node = Record<string, unknown>;

/** Every subschema of a draft-04 schema, with its JSON Pointer (property names are not subschemas). */
function* subschemas(node: Node, path = ''): Generator<[string, Node]> {
  yield [path, node];
  const children = (key: string) => (node[key] ?? {}) as Record<string, Node>;
  for (const key of ['definitions', 'properties']) {
    for (const [name, child] of Object.entries(children(key)))
      yield* subschemas(child, `${path}/${key}/${name}`);
  }
  for (const key of ['items', 'additionalProperties', 'not']) {
    const child = node[key];
    if (typeof child === 'object' && child !== null) yield* subschemas(child as Node, `${path}/${key}`);
  }
  for (const key of ['anyOf', 'oneOf', 'allOf']) {
    const list = (node[key] ?? []) as Node[];
    for (const [i, child] of list.entries()) yield* subschemas(child, `${path}/${key}/${i}`);
  }
}

describe('the vendored SARIF 2.1.0 schema', () => {
  it('is the OASIS errata01 schema, draft-04', () => {
    expect(official.id).toBe(
      'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json',
    );
    expect(official.$schema).toBe('http://json-schema.org/draft-04/schema#');
    expect(Object.keys(official.definitions)).toHaveLength(52);
    // The JSON value read from oasis-tcs/sarif-spec (see the README); Biome only reformatted it.
    expect(createHash('sha256').update(JSON.stringify(official)).digest('hex')).toBe(
      'f8e9757f9f867ab381d482471ba4150c06f35f012ec12b97c4ef2ca633af5353',
    );
  });

  it('uses no draft-04 keyword whose meaning changed in draft-07 except its root id', () => {
    const all = [...subschemas(official as unknown as Node)];
    expect(all.length).toBeGreaterThan(400);
    expect(all.filter(([, n]) => 'id' in n).map(([p]) => p)).toEqual(['']);
    const booleanExclusive = all.filter(
      ([, n]) => typeof n.exclusiveMinimum === 'boolean' || typeof n.exclusiveMaximum === 'boolean',
    );
    expect(booleanExclusive).toEqual([]);
    expect(all.filter(([, n]) => '$schema' in n).map(([p]) => p)).toEqual(['']);
  });

  it('is compiled from a copy that differs only in the id keyword', () => {
    const { $id, ...copy } = draft07Copy();
    const { $schema: _, id, ...rest } = official;
    expect($id).toBe(id);
    expect(copy).toEqual(rest);
  });
});
