/**
 * Small shared pieces of the AWS data, identity and logging checks: reading untyped
 * configuration safely, PHI scope from tags, "could not read" results, account-level subjects and
 * parameter guardrails (POSTURE-ANCHORS.md §0.4: a parameter looser than the citation allows fails).
 */
import type { CloudResource, CloudSnapshot } from '../../../../core/cloud.js';
import { classifyPhi } from '../../../../core/phi.js';
import { type CheckResult, gapFor, type PostureCheck, type PostureParams, result } from '../../../check.js';

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
  return {
    provider: 'aws',
    account,
    region: 'global',
    type: 'AWS::::Account',
    id: account,
    name: account,
    tags: {},
    configuration: {},
    supplementary: {},
    source: 'patchwarden',
  };
}

/** A parameter bound: the loosest value the citation allows. */
export interface Guardrail {
  param: keyof PostureParams;
  /** `max`: the parameter must be ≤ limit; `min`: ≥ limit. */
  kind: 'max' | 'min';
  limit: number;
}

/** Whether `params` loosen `g` beyond what the citation allows. */
export function loosened(g: Guardrail, params: PostureParams): boolean {
  const v = params[g.param];
  if (typeof v !== 'number') return false;
  return g.kind === 'max' ? v > g.limit : v < g.limit;
}

/** The value to evaluate with: the parameter, clamped to the guardrail (never looser than cited). */
export function effective(g: Guardrail, params: PostureParams): number {
  const v = params[g.param] as number;
  return g.kind === 'max' ? Math.min(v, g.limit) : Math.max(v, g.limit);
}

/** One `fail` per account when a parameter is looser than its guardrail (Prowler's ConfigRequirements). */
export function guardrailResults(
  check: Pick<PostureCheck, 'id' | 'resourceType'>,
  snapshot: CloudSnapshot,
  params: PostureParams,
  g: Guardrail,
): CheckResult[] {
  if (!loosened(g, params)) return [];
  return snapshot.accounts.map((a) =>
    result(check, accountSubject(a), 'fail', 'parameter loosened beyond guardrail', {
      param: g.param,
      value: params[g.param],
      guardrail: `${g.kind === 'max' ? '≤' : '≥'} ${g.limit}`,
    }),
  );
}

/** Whole days from an ISO time to another (NaN when either is unparsable). */
export function daysBetween(fromIso: string, toIso: string): number {
  return (Date.parse(toIso) - Date.parse(fromIso)) / 86_400_000;
}
