/**
 * "Could not be listed" results: when the call that lists a check's subjects was denied, the
 * resources behind it were never seen, so the check reports one `error` per account and region
 * (naming the gap) instead of an empty — falsely clean — answer.
 */
import type { CloudSnapshot } from '../../../../core/cloud.js';
import { type CheckResult, type PostureCheck, result } from '../../../check.js';

/**
 * One `error` per account and region whose gaps say one of `operations` of `service` failed
 * (`reason` is `<Operation>: <error>`, aws/context.ts). `id` names the unseen resources, e.g.
 * `arn:aws:iam::<account>:policy/*`.
 */
export function listingErrors(
  check: Pick<PostureCheck, 'id' | 'resourceType'>,
  snapshot: CloudSnapshot,
  service: string,
  operations: readonly string[],
  id: (account: string, region: string) => string,
): CheckResult[] {
  const seen = new Set<string>();
  return snapshot.gaps.flatMap((g) => {
    if (g.provider !== 'aws' || g.service !== service) return [];
    if (!operations.some((op) => g.reason.startsWith(`${op}:`))) return [];
    const subject = {
      account: g.account,
      region: g.region,
      id: id(g.account, g.region),
      type: check.resourceType,
    };
    const key = `${subject.account}|${subject.region}|${subject.id}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [result(check, subject, 'error', `Could not be evaluated: ${g.reason}.`, { gap: g.reason })];
  });
}

/** The gap reason of one of `operations` of `service` in an account (and region, or `global`). */
export function operationGapReason(
  snapshot: CloudSnapshot,
  service: string,
  operations: readonly string[],
  account: string,
  region?: string,
): string | undefined {
  return snapshot.gaps.find(
    (g) =>
      g.service === service &&
      g.account === account &&
      (region === undefined || g.region === region || g.region === 'global') &&
      operations.some((op) => g.reason.startsWith(`${op}:`)),
  )?.reason;
}
