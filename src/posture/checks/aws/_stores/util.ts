/**
 * Pieces shared by the data-store and backup checks: whether a listing or a tag read was denied
 * (a snapshot gap), the `error` results for a region whose listing failed, and the result of a
 * backup-coverage question.
 */
import type { CloudResource, CloudSnapshot } from '../../../../core/cloud.js';
import { classifyPhi } from '../../../../core/phi.js';
import { type CheckResult, type PostureCheck, result } from '../../../check.js';
import type { Coverage } from './backup-coverage.js';

/** The gap recorded for `operation` of `service` in the resource's account and region, if any. */
export function operationGapFor(
  snapshot: CloudSnapshot,
  r: Pick<CloudResource, 'account' | 'region'>,
  service: string,
  operation: string,
): string | undefined {
  return snapshot.gaps.find(
    (g) =>
      g.service === service &&
      g.account === r.account &&
      g.region === r.region &&
      g.reason.startsWith(`${operation}:`),
  )?.reason;
}

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
  const gap = operationGapFor(snapshot, r, service, operation);
  const message = gap === undefined ? `${what} not in the snapshot` : `${what} could not be read (${gap})`;
  return result(check, r, 'error', message, { missing: what, ...(gap !== undefined && { gap }) });
}

/**
 * One `error` per account and region whose listing of the check's subject was denied: nothing
 * there was seen, so nothing may pass. The subject is the region's wildcard ARN
 * (`arn:aws:dynamodb:<region>:<account>:table/*`).
 */
export function listingErrors(
  check: Pick<PostureCheck, 'id' | 'resourceType'>,
  snapshot: CloudSnapshot,
  service: string,
  operations: readonly string[],
  arn: (region: string, account: string) => string,
): CheckResult[] {
  const seen = new Set<string>();
  return snapshot.gaps.flatMap((g) => {
    if (g.service !== service || !operations.some((op) => g.reason.startsWith(`${op}:`))) return [];
    const id = arn(g.region, g.account);
    if (seen.has(id)) return [];
    seen.add(id);
    const subject = { account: g.account, region: g.region, id, type: check.resourceType };
    return [result(check, subject, 'error', `Could not be listed: ${g.reason}.`, { gap: g.reason })];
  });
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
