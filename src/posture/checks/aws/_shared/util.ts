/**
 * Small shared pieces of the AWS data, identity and logging checks: reading untyped
 * configuration safely, PHI scope from tags, "could not read" results, account-level subjects and
 * parameter guardrails (POSTURE-ANCHORS.md §0.4: a parameter looser than the citation allows fails).
 */
import type { CloudResource, CloudSnapshot } from '../../../../core/cloud.js';
import { classifyPhi } from '../../../../core/phi.js';
import { type CheckResult, gapFor, type PostureCheck, result } from '../../../check.js';
import { accountSubject as providerAccountSubject } from '../../../guardrails.js';

export { record as obj } from '../../../read.js';

/** An array value (a single item becomes a one-item array; nullish → []). */
export function arr(v: unknown): unknown[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

/** Whether a supplementary key is present (null counts: it means "not configured"). */
export function has(r: CloudResource, key: string): boolean {
  return Object.hasOwn(r.supplementary, key);
}

/** Why a value is missing: the gap's reason, or that the collection did not carry it. */
export function missingReason(
  snapshot: CloudSnapshot,
  r: CloudResource,
  service: string,
  what: string,
): string {
  // An account-level subject is affected by a gap in any region.
  const gap = gapFor(snapshot, service, r.account, r.type === 'AWS::::Account' ? undefined : r.region);
  return gap === undefined ? `${what} not in the snapshot` : `${what} could not be read (${gap})`;
}

/** An `error` result: the data needed was not readable, so neither pass nor fail. */
export function unreadable(
  check: Pick<PostureCheck, 'id' | 'resourceType'>,
  snapshot: CloudSnapshot,
  r: CloudResource,
  service: string,
  what: string,
): CheckResult {
  const reason = missingReason(snapshot, r, service, what);
  return result(check, r, 'error', reason, { missing: what });
}

/** PHI scope of a resource from its tags (core/phi.ts), or `unknown` when its tags could not be read. */
export function phiScope(
  snapshot: CloudSnapshot,
  r: CloudResource,
  service: string,
  tagsReadable = true,
): { phi: boolean; source: string } | { phi: 'unknown'; reason: string } {
  const c = classifyPhi(r.tags);
  if (c.phi || tagsReadable) return c;
  return { phi: 'unknown', reason: missingReason(snapshot, r, service, 'tags') };
}

/** The account as the subject of an account-level result (AWS Config's own type for it). */
export function accountSubject(account: string): CloudResource {
  return providerAccountSubject('aws', account);
}

/** Whole days from an ISO time to another (NaN when either is unparsable). */
export function daysBetween(fromIso: string, toIso: string): number {
  return (Date.parse(toIso) - Date.parse(fromIso)) / 86_400_000;
}
