/**
 * Pieces shared by the data-store and backup checks: whether a listing or a tag read was denied
 * (a snapshot gap), the `error` results for a region whose listing failed, and the result of a
 * backup-coverage question.
 */
import type { CloudResource, CloudSnapshot } from '../../../../core/cloud.js';
import { classifyPhi } from '../../../../core/phi.js';
import { type CheckResult, operationGap, type PostureCheck, result } from '../../../check.js';
import type { Coverage } from './backup-coverage.js';

/**
 * An `error` result: `what` was not read. The reason names the gap of `operation` when the
 * collection recorded one (another operation's gap in the same service says nothing about it).
 */
export function unreadableBy(
  check: Pick<PostureCheck, 'id' | 'resourceType'>,
  snapshot: CloudSnapshot,
  r: CloudResource,
  service: string,
  operation: string,
  what: string,
): CheckResult {
  const gap = operationGap(snapshot, service, [operation], r.account, r.region);
  const message = gap === undefined ? `${what} not in the snapshot` : `${what} could not be read (${gap})`;
  return result(check, r, 'error', message, { missing: what, ...(gap !== undefined && { gap }) });
}

/** PHI evidence from tags: `true`, `false`, or `unknown` when the tags could not be read. */
export function phiEvidence(r: CloudResource, tagsReadable = true): boolean | 'unknown' {
  const phi = classifyPhi(r.tags).phi;
  return phi || tagsReadable ? phi : 'unknown';
}

/** The result of "is this resource protected by a backup plan". */
export function coverageResult(
  check: Pick<PostureCheck, 'id' | 'resourceType'>,
  r: CloudResource,
  what: string,
  coverage: Coverage,
  evidence: Record<string, unknown> = {},
): CheckResult {
  const ev = { backupPlans: coverage.plans, ...evidence };
  if (coverage.status === 'covered')
    return result(check, r, 'pass', `The ${what} is backed up by ${coverage.plans.join(', ')}.`, ev);
  if (coverage.status === 'not-covered')
    return result(check, r, 'fail', `The ${what} is not backed up: ${coverage.reason}.`, {
      ...ev,
      reason: coverage.reason,
    });
  return result(check, r, 'error', `Backup coverage unknown: ${coverage.reason}.`, {
    ...ev,
    reason: coverage.reason,
  });
}
