/**
 * buildApp: the HTTP API as a Fastify instance built from its dependencies, so tests drive it
 * with `inject` on a real store and a pinned clock, and src/bin/server.ts only adds a socket.
 */
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import type { Db } from '../store/db.js';
import type { RouteDeps } from './deps.js';
import { handleError, handleNotFound } from './errors.js';
import { assetRoutes } from './routes/assets/index.js';
import { auditRoutes } from './routes/audit/index.js';
import { findingRoutes } from './routes/findings/index.js';
import { healthRoutes } from './routes/health/index.js';
import { openApiRoutes } from './routes/openapi/index.js';
import { postureRoutes } from './routes/posture/index.js';

export interface AppDeps {
  db: Db;
  /** The clock for deadlines and `overdue`; tests pin it. */
  now?: () => Date;
  /** Fastify's pino logger on (JSON lines to stdout) or off; off by default for tests. */
  logger?: boolean;
}

/** Build the API (routes registered, not yet listening); the caller owns `db` and closes it. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ?? false,
    // Validation failures and a malformed URL both go through the one error body.
    frameworkErrors: handleError,
    ajv: {
      customOptions: {
        // Fastify's default silently drops unknown query parameters; a misspelt filter
        // (`?teir=emergency`) would then widen the answer instead of failing. Reject it.
        removeAdditional: false,
      },
    },
  });
  app.setErrorHandler(handleError);
  app.setNotFoundHandler(handleNotFound);

  // Every route, as registered, feeds the OpenAPI document: what is served is what is documented.
  const routes: RouteOptions[] = [];
  app.addHook('onRoute', (route) => {
    routes.push(route);
  });

  const routeDeps: RouteDeps = { db: deps.db, now: deps.now ?? (() => new Date()) };
  await app.register(healthRoutes, routeDeps);
  await app.register(assetRoutes, routeDeps);
  await app.register(findingRoutes, routeDeps);
  await app.register(auditRoutes, routeDeps);
  await app.register(postureRoutes, routeDeps);
  await app.register(openApiRoutes, { routes });
  return app;
}
