/**
 * Running posture checks over one snapshot: every check of the snapshot's provider, each result
 * kept, and a check that throws reported as `error` for its resource type rather than aborting
 * the scan (a bug in one check must not hide the others' verdicts). Checks evaluate with the
 * organisation's parameters clamped to their guardrails; a loosened parameter a check reads is
 * that check's failure (guardrails.ts).
 */
import type { CloudSnapshot } from '../core/cloud.js';
import type { CheckResult, CheckStatus, PostureCheck, PostureParams } from './check.js';
import { clampParams, guardrailResults } from './guardrails.js';

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
  const clamped = clampParams(params);
  const results: CheckResult[] = [];
  for (const check of checks) {
    if (check.provider !== snapshot.provider) continue;
    results.push(...guardrailResults(check, snapshot, params));
    try {
      results.push(...check.evaluate(snapshot, clamped));
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
