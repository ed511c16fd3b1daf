/**
 * Running posture checks over one snapshot: every check of the snapshot's provider, each result
 * kept, and a check that throws reported as `error` for its resource type rather than aborting
 * the scan (a bug in one check must not hide the others' verdicts).
 */
import type { CloudSnapshot } from '../core/cloud.js';
import type { CheckResult, CheckStatus, PostureCheck, PostureParams } from './check.js';

export interface PostureRun {
  results: CheckResult[];
  counts: Record<CheckStatus, number>;
}

/** Evaluate `checks` (those of the snapshot's provider) and count the statuses. */
export function runChecks(
  checks: readonly PostureCheck[],
  snapshot: CloudSnapshot,
  params: PostureParams,
): PostureRun {
  const results: CheckResult[] = [];
  for (const check of checks) {
    if (check.provider !== snapshot.provider) continue;
    try {
      results.push(...check.evaluate(snapshot, params));
    } catch (err) {
      for (const account of snapshot.accounts) {
        results.push({
          findingId: `${check.id}|${account}|*|*`,
          checkId: check.id,
          status: 'error',
          account,
          region: '*',
          resourceId: '*',
          resourceType: check.resourceType,
          message: `the check failed to evaluate: ${err instanceof Error ? err.message : String(err)}`,
          evidence: {},
        });
      }
    }
  }
  const counts: Record<CheckStatus, number> = { pass: 0, fail: 0, manual: 0, error: 0 };
  for (const r of results) counts[r.status]++;
  return { results, counts };
}
