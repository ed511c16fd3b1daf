/** GET /api/findings and GET /api/findings/summary. */
import { findingSummary, listFindings } from '../../../store/repositories/findings.js';
import type { RoutePlugin } from '../../deps.js';
import { type RouteSchema, responses } from '../../schema.js';
import { FINDING_LIST_SCHEMA, FINDING_QUERY, type FindingQuery, SUMMARY_SCHEMA } from './schemas.js';

const listSchema: RouteSchema = {
  operationId: 'listFindings',
  summary: 'Findings, soonest deadline first, filtered by state, tier, asset, PHI and overdue',
  tags: ['findings'],
  querystring: FINDING_QUERY,
  response: responses(FINDING_LIST_SCHEMA),
};

const summarySchema: RouteSchema = {
  operationId: 'findingSummary',
  summary: 'Open and unknown findings counted by tier: overdue and on PHI assets',
  tags: ['findings'],
  response: responses(SUMMARY_SCHEMA),
};

/** Findings route plugin. */
export const findingRoutes: RoutePlugin = async (app, { db, now }) => {
  app.get<{ Querystring: FindingQuery }>('/api/findings', { schema: listSchema }, async (request) => {
    const q = request.query;
    const findings = await listFindings(db, {
      state: q.state,
      tier: q.tier,
      assetId: q.assetId,
      phi: q.phi,
      overdueAt: q.overdue ? now() : undefined,
      limit: q.limit,
    });
    return { findings };
  });

  app.get('/api/findings/summary', { schema: summarySchema }, async () => {
    const at = now();
    const byTier = await findingSummary(db, at);
    return { now: at.toISOString(), byTier, total: byTier.reduce((n, t) => n + t.open, 0) };
  });
};
