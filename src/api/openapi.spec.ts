import type { FastifyInstance, RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../store/db.js';
import { testDrivers } from '../store/testing.test-helpers.js';
import { buildApp } from './app.js';
import { buildOpenApi, type OpenApiDocument, openApiPath } from './openapi.js';
import { FINDING_LIST_SCHEMA } from './routes/findings/schemas.js';

// The routes the brief promises; the document must list exactly these.
const EXPECTED = [
  'GET /api/health',
  'GET /api/assets',
  'GET /api/assets/{id}',
  'GET /api/findings',
  'GET /api/findings/summary',
  'GET /api/audit',
  'GET /api/audit/verify',
  'GET /api/posture/checks',
  'GET /api/posture/scans/latest',
  'GET /api/openapi.json',
];

// Every $ref in the document, to check that each one resolves.
function refs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const n of node) refs(n, out);
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refs(v, out);
    }
  }
  return out;
}

describe('openApiPath', () => {
  it('turns Fastify parameters into OpenAPI templates', () => {
    expect(openApiPath('/api/assets/:id')).toBe('/api/assets/{id}');
    expect(openApiPath('/a/:x/b/:y_2')).toBe('/a/{x}/b/{y_2}');
  });
});

describe('buildOpenApi', () => {
  it('refuses a route without a RouteSchema', () => {
    const route = { method: 'GET', url: '/api/undocumented', handler: () => null } as unknown as RouteOptions;
    expect(() => buildOpenApi([route], '0.0.0')).toThrow(/\/api\/undocumented has no RouteSchema/);
  });
});

for (const driver of testDrivers()) {
  describe(`GET /api/openapi.json on ${driver.name}`, () => {
    let db: Db;
    let app: FastifyInstance;
    let doc: OpenApiDocument;
    beforeAll(async () => {
      db = await driver.open();
      app = await buildApp({ db });
      const res = await app.inject('/api/openapi.json');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      doc = JSON.parse(res.body) as OpenApiDocument;
    });
    afterAll(async () => {
      await app.close();
      await db.close();
    });

    const operations = () =>
      Object.entries(doc.paths).flatMap(([path, item]) =>
        Object.entries(item).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, path, op })),
      );

    it('is an OpenAPI 3.1.0 document listing exactly the registered routes', () => {
      expect(doc.openapi).toBe('3.1.0');
      expect(doc.info).toMatchObject({ title: 'PatchWarden API', version: expect.stringMatching(/^\d+\./) });
      expect(
        operations()
          .map((o) => o.key)
          .sort(),
      ).toEqual([...EXPECTED].sort());
      // Cross-check against the router itself, not the onRoute list the document was built from.
      for (const key of EXPECTED) {
        const [method, path] = key.split(' ') as [string, string];
        expect(app.hasRoute({ method, url: path.replace(/\{(\w+)\}/g, ':$1') }), key).toBe(true);
      }
      expect(app.printRoutes({ commonPrefix: false }).match(/\(GET\b/g)).toHaveLength(EXPECTED.length);
    });

    it('gives every operation a unique id, a summary, tags and success and error responses', () => {
      const ids = operations().map((o) => o.op.operationId);
      expect(new Set(ids).size).toBe(ids.length);
      for (const { op } of operations()) {
        expect(op.summary).toBeTruthy();
        expect(op.tags.length).toBeGreaterThan(0);
        expect(Object.keys(op.responses).sort()).toEqual(['200', '4XX', '5XX']);
        for (const r of Object.values(op.responses)) expect(r).toHaveProperty('description');
      }
      for (const t of operations().flatMap((o) => o.op.tags)) expect(doc.tags).toContainEqual({ name: t });
    });

    it('declares each path template parameter as a required path parameter', () => {
      for (const { path, op } of operations()) {
        const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
        const declared = (op.parameters ?? []).filter((p) => p.in === 'path');
        expect(declared.map((p) => p.name)).toEqual(inPath);
        for (const p of declared) expect(p.required).toBe(true);
      }
    });

    it('resolves every $ref', () => {
      const found = refs(doc);
      expect(found.length).toBeGreaterThan(0);
      for (const ref of found) {
        const target = ref
          .replace(/^#\//, '')
          .split('/')
          .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);
        expect(target, ref).toBeTypeOf('object');
      }
    });

    it('carries the same schemas the routes validate and serialize with', () => {
      const findings = doc.paths['/api/findings']!.get!;
      const ok = findings.responses['200'] as { content: { 'application/json': { schema: unknown } } };
      expect(ok.content['application/json'].schema).toEqual(JSON.parse(JSON.stringify(FINDING_LIST_SCHEMA)));
      expect(findings.parameters).toContainEqual({
        name: 'limit',
        in: 'query',
        required: false,
        schema: { type: 'integer', minimum: 1, maximum: 10_000, default: 1000 },
      });
      expect(findings.parameters).toContainEqual(
        expect.objectContaining({
          name: 'state',
          schema: { type: 'string', enum: expect.arrayContaining(['open', 'fixed']) },
        }),
      );
    });
  });
}
