/**
 * ELBv2 load-balancer attributes (DescribeLoadBalancerAttributes, kept by the collector as a
 * key → value record in `supplementary.attributes`; values are the API's strings, "true"/"false").
 * One pass/fail per load balancer of the types the attribute exists for.
 */
import type { CloudSnapshot } from '../../../../core/cloud.js';
import { type CheckResult, listingErrors, type PostureCheck, resourcesOf, result } from '../../../check.js';
import { has, obj, unreadable } from '../_shared/util.js';

export const LOAD_BALANCER = 'AWS::ElasticLoadBalancingV2::LoadBalancer';

/** Errors for regions whose load balancers could not be listed. */
export function unlistedLoadBalancers(
  check: Pick<PostureCheck, 'id' | 'resourceType'>,
  snapshot: CloudSnapshot,
) {
  return listingErrors(
    check,
    snapshot,
    'elbv2',
    ['DescribeLoadBalancers'],
    (a, reg) => `arn:aws:elasticloadbalancing:${reg}:${a}:loadbalancer/*`,
  );
}

export interface AttributeRule {
  /** The attribute that must be "true", e.g. `deletion_protection.enabled`. */
  key: string;
  /** Load-balancer types (`application`, `network`, `gateway`) that have the attribute. */
  types: readonly string[];
  pass: string;
  fail: string;
  /** Further attributes worth showing as evidence. */
  evidenceKeys?: readonly string[];
}

/** One result per load balancer of `rule.types`: pass when the attribute is "true". */
export function attributeResults(
  check: Pick<PostureCheck, 'id' | 'resourceType'>,
  snapshot: CloudSnapshot,
  rule: AttributeRule,
): CheckResult[] {
  const out = resourcesOf(snapshot, LOAD_BALANCER).flatMap((lb) => {
    const type = lb.configuration.type;
    if (typeof type !== 'string' || !rule.types.includes(type)) return [];
    if (!has(lb, 'attributes'))
      return [
        unreadable(check, snapshot, lb, 'elbv2', 'load balancer attributes (DescribeLoadBalancerAttributes)'),
      ];
    const attrs = obj(lb.supplementary.attributes) ?? {};
    if (!Object.hasOwn(attrs, rule.key))
      return [unreadable(check, snapshot, lb, 'elbv2', `attribute ${rule.key}`)];
    const evidence: Record<string, unknown> = { type, [rule.key]: attrs[rule.key] };
    for (const k of rule.evidenceKeys ?? []) evidence[k] = attrs[k] ?? null;
    return [
      attrs[rule.key] === 'true'
        ? result(check, lb, 'pass', rule.pass, evidence)
        : result(check, lb, 'fail', rule.fail, evidence),
    ];
  });
  return [...out, ...unlistedLoadBalancers(check, snapshot)];
}
