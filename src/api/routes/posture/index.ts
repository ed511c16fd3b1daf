/**
 * GET /api/posture/checks and GET /api/posture/scans/latest: the checks with their metadata, and
 * the latest stored scan of a provider grouped by HIPAA citation with the mutes in force now (a
 * mute that expired since the scan no longer hides its failure). Read-only: scans are run by
 * `posture scan`, whose results and audit event this reads.
 */
import { AppError } from '../../../core/errors.js';
import { byCitation } from '../../../posture/by-citation.js';
import { activeMutes, latestScan } from '../../../store/repositories/posture.js';
import type { RoutePlugin } from '../../deps.js';
import { type RouteSchema, responses } from '../../schema.js';
import { CHECK_LIST_SCHEMA, LATEST_SCAN_SCHEMA, PROVIDER_QUERY, type ProviderQuery } from './schemas.js';

const checksSchema: RouteSchema = {
  operationId: 'listPostureChecks',
  summary: 'Every posture check with severity, resource type, HIPAA citations, risk and remediation',
  tags: ['posture'],
  response: responses(CHECK_LIST_SCHEMA),
};

const latestSchema: RouteSchema = {
  operationId: 'getLatestPostureScan',
  summary: 'The latest posture scan of a provider, grouped by HIPAA citation',
  description:
    'Answers 404 NOT_FOUND when the provider has never been scanned (run `patchwarden posture scan`).',
  tags: ['posture'],
  querystring: PROVIDER_QUERY,
  response: responses(LATEST_SCAN_SCHEMA),
};

/** Posture route plugin. */
export const postureRoutes: RoutePlugin = async (app, { db }) => {
  // The 156 check modules load on the first posture request, not at server start.
  const checks = async () => (await import('../../../posture/registry.js')).POSTURE_CHECKS;

  app.get('/api/posture/checks', { schema: checksSchema }, async () => ({
    checks: (await checks()).map(({ evaluate: _, ...meta }) => meta),
  }));

  app.get<{ Querystring: ProviderQuery }>(
    '/api/posture/scans/latest',
    { schema: latestSchema },
    async (request) => {
      const { provider } = request.query;
      const scan = await latestScan(db, provider);
      if (!scan) throw new AppError('NOT_FOUND', { resource: 'posture scan', id: provider });
      const mutes = await activeMutes(db, new Date());
      const results = scan.results.map((r) => {
        const mute = r.status === 'fail' ? mutes.get(r.findingId) : undefined;
        return mute ? { ...r, mute } : r;
      });
      const { results: _, ...head } = scan;
      return {
        scan: { ...head, counts: { ...scan.counts, muted: results.filter((r) => 'mute' in r).length } },
        requirements: byCitation(results, await checks()),
      };
    },
  );
};
