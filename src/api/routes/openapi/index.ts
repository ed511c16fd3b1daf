/**
 * GET /api/openapi.json. The document is built once, in onReady — after every plugin has
 * registered its routes — so a route without a schema stops the server from starting instead
 * of going undocumented.
 */
import type { FastifyPluginAsync, RouteOptions } from 'fastify';
import { buildOpenApi, type OpenApiDocument } from '../../openapi.js';
import { type RouteSchema, responses } from '../../schema.js';
import { API_VERSION } from '../../version.js';

// The document's own shape is OpenAPI's, far larger than worth restating; the two fields a
// client checks first are pinned, the rest passes through.
const DOCUMENT_SCHEMA = {
  type: 'object',
  required: ['openapi', 'info', 'paths'],
  additionalProperties: true,
  properties: {
    openapi: { type: 'string', enum: ['3.1.0'] },
    info: { type: 'object', additionalProperties: true },
  },
} as const;

const schema: RouteSchema = {
  operationId: 'getOpenApi',
  summary: 'This OpenAPI 3.1 document',
  tags: ['meta'],
  response: responses(DOCUMENT_SCHEMA),
};

/** OpenAPI route plugin; `routes` is filled by buildApp's onRoute hook. */
export const openApiRoutes: FastifyPluginAsync<{ routes: readonly RouteOptions[] }> = async (
  app,
  { routes },
) => {
  let document: OpenApiDocument | undefined;
  app.addHook('onReady', async () => {
    document = buildOpenApi(routes, API_VERSION);
  });
  app.get('/api/openapi.json', { schema }, async () => document);
};
