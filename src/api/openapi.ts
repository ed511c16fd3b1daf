/**
 * The OpenAPI 3.1 document, assembled from the routes Fastify actually registered (collected by
 * an onRoute hook) and the very schema objects it compiled for them — no second description of
 * the API exists to drift. OpenAPI 3.1 schemas are JSON Schema 2020-12, a superset of the
 * keywords our route schemas use (`type` arrays for nullables included), so they are copied as is.
 */
import type { RouteOptions } from 'fastify';
import { ERROR_BODY_SCHEMA } from './errors.js';
import type { ObjectSchema, RouteSchema } from './schema.js';

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  tags: { name: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
}

interface Parameter {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  schema: unknown;
  description?: string;
}

interface Operation {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  parameters?: Parameter[];
  responses: Record<string, unknown>;
}

const ERROR_REF = { $ref: '#/components/schemas/Error' };

function isRouteSchema(schema: unknown): schema is RouteSchema {
  const s = schema as Partial<RouteSchema> | undefined;
  return typeof s?.operationId === 'string' && typeof s.summary === 'string' && s.response !== undefined;
}

function parameters(part: ObjectSchema | undefined, where: Parameter['in']): Parameter[] {
  if (!part) return [];
  return Object.entries(part.properties).map(([name, prop]) => {
    const { description, ...schema } = prop;
    return {
      name,
      in: where,
      required: where === 'path' || (part.required ?? []).includes(name),
      schema: structuredClone(schema),
      ...(typeof description === 'string' ? { description } : {}),
    };
  });
}

// Fastify's '4xx' / '5xx' keys are OpenAPI's '4XX' / '5XX' ranges; the shared error body is a $ref.
function responseObjects(response: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [status, schema] of Object.entries(response)) {
    const key = status.toUpperCase();
    const description = key.startsWith('2') ? 'OK' : key.startsWith('4') ? 'Client error' : 'Server error';
    const body = schema === ERROR_BODY_SCHEMA ? ERROR_REF : structuredClone(schema);
    out[key] = { description, content: { 'application/json': { schema: body } } };
  }
  return out;
}

/** OpenAPI path template of a Fastify URL: `/api/assets/:id` → `/api/assets/{id}`. */
export function openApiPath(url: string): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

/**
 * Build the document from registered routes. HEAD twins of GET routes are skipped; a route
 * without a RouteSchema throws, so a route cannot be added without being described.
 */
export function buildOpenApi(routes: readonly RouteOptions[], version: string): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  const tags = new Set<string>();
  for (const route of routes) {
    const methods = (Array.isArray(route.method) ? route.method : [route.method]).filter((m) => m !== 'HEAD');
    if (methods.length === 0) continue;
    if (!isRouteSchema(route.schema)) {
      throw new Error(
        `route ${methods.join(',')} ${route.url} has no RouteSchema (operationId, summary, response)`,
      );
    }
    const s = route.schema;
    for (const t of s.tags) tags.add(t);
    const params = [...parameters(s.params, 'path'), ...parameters(s.querystring, 'query')];
    const operation: Operation = {
      operationId: s.operationId,
      summary: s.summary,
      ...(s.description ? { description: s.description } : {}),
      tags: [...s.tags],
      ...(params.length ? { parameters: params } : {}),
      responses: responseObjects(s.response),
    };
    const path = openApiPath(route.url);
    const item = paths[path] ?? {};
    for (const m of methods) item[m.toLowerCase()] = operation;
    paths[path] = item;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'PatchWarden API',
      version,
      description:
        'Errors answer { statusCode, code, error, message, details? }; codes as in docs/errors.md.',
    },
    tags: [...tags].sort().map((name) => ({ name })),
    paths,
    components: { schemas: { Error: structuredClone(ERROR_BODY_SCHEMA) } },
  };
}
