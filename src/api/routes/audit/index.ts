/**
 * GET /api/audit (recent events, newest first) and GET /api/audit/verify. A broken chain is a
 * result, not a failed request: verify answers 200 with `ok: false` and the first break, so a
 * dashboard can show where; monitoring alerts on `ok`.
 */
import { verifyAuditLog } from '../../../evidence/verify-audit.js';
import { listAudit } from '../../../store/repositories/audit.js';
import type { RoutePlugin } from '../../deps.js';
import {
  freeObject,
  limitParam,
  type ObjectSchema,
  type RouteSchema,
  responses,
  timestamp,
} from '../../schema.js';

const sha256 = { type: 'string', pattern: '^[0-9a-f]{64}$' } as const;

const EVENT_PROPERTIES = {
  seq: { type: 'integer' },
  at: timestamp,
  actor: { type: 'string' },
  action: { type: 'string' },
  entityType: { type: 'string' },
  entityId: { type: 'string' },
  data: freeObject,
  prevHash: sha256,
  hash: sha256,
} as const;

export const AUDIT_LIST_SCHEMA = {
  type: 'object',
  required: ['events'],
  additionalProperties: false,
  properties: {
    events: {
      type: 'array',
      items: {
        type: 'object',
        required: Object.keys(EVENT_PROPERTIES),
        additionalProperties: false,
        properties: EVENT_PROPERTIES,
      },
    },
  },
} as const;

export const VERIFY_SCHEMA = {
  type: 'object',
  required: ['ok', 'events', 'head', 'firstBreak'],
  additionalProperties: false,
  properties: {
    ok: { type: 'boolean' },
    events: { type: 'integer', description: 'Events verified before the first break (all when ok)' },
    head: { type: ['string', 'null'], description: 'Hash of the last event when ok' },
    firstBreak: {
      type: ['object', 'null'],
      required: ['position', 'seq', 'problem'],
      additionalProperties: false,
      properties: {
        position: { type: 'integer' },
        seq: { type: 'integer' },
        problem: { type: 'string', enum: ['sequence-gap', 'prev-hash-mismatch', 'hash-mismatch'] },
        expectedSeq: { type: 'integer' },
        expected: { type: 'string' },
        found: { type: 'string' },
      },
    },
  },
} as const;

interface AuditQuery {
  limit: number;
}

const AUDIT_QUERY = {
  type: 'object',
  additionalProperties: false,
  properties: { limit: limitParam(100, 1000) },
} as const satisfies ObjectSchema;

const listSchema: RouteSchema = {
  operationId: 'listAudit',
  summary: 'The most recent audit events, newest first',
  tags: ['audit'],
  querystring: AUDIT_QUERY,
  response: responses(AUDIT_LIST_SCHEMA),
};

const verifySchema: RouteSchema = {
  operationId: 'verifyAudit',
  summary: 'Recompute the audit hash chain and report the first broken position',
  tags: ['audit'],
  response: responses(VERIFY_SCHEMA),
};

/** Audit route plugin. */
export const auditRoutes: RoutePlugin = async (app, { db }) => {
  app.get<{ Querystring: AuditQuery }>('/api/audit', { schema: listSchema }, async (request) => ({
    events: await listAudit(db, request.query.limit),
  }));

  app.get('/api/audit/verify', { schema: verifySchema }, async () => verifyAuditLog(db));
};
