/**
 * GET /api/health — liveness: the process answers and knows its driver and version. It does not
 * query the database (handlers run no SQL and the store has no ping yet), and it never reports
 * `db.location`: even redacted, a server URL names hosts and users.
 */
import type { RoutePlugin } from '../../deps.js';
import { type RouteSchema, responses, timestamp } from '../../schema.js';
import { API_VERSION } from '../../version.js';

export const HEALTH_SCHEMA = {
  type: 'object',
  required: ['status', 'driver', 'version', 'time'],
  additionalProperties: false,
  properties: {
    status: { type: 'string', enum: ['ok'] },
    driver: { type: 'string', enum: ['pglite', 'pg'] },
    version: { type: 'string' },
    time: timestamp,
  },
} as const;

const schema: RouteSchema = {
  operationId: 'getHealth',
  summary: 'Liveness, database driver and server version',
  tags: ['health'],
  response: responses(HEALTH_SCHEMA),
};

/** Health route plugin. */
export const healthRoutes: RoutePlugin = async (app, { db, now }) => {
  app.get('/api/health', { schema }, async () => ({
    status: 'ok' as const,
    driver: db.driver,
    version: API_VERSION,
    time: now().toISOString(),
  }));
};
