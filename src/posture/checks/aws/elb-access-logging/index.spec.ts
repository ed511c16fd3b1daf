import { describe, expect, it } from 'vitest';
import { loadBalancer } from '../_hardening/elb.test-helpers.js';
import { gap, P, snap } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

const KEY = 'access_logs.s3.enabled';
const TYPES = 'application,network'.split(',');

describe('elb-access-logging', () => {
  it('passes load balancers with the attribute on and fails those with it off', () => {
    const out = check.evaluate(
      snap([
        loadBalancer('on', 'application', { attributes: { [KEY]: 'true' } }),
        loadBalancer('off', 'network', { attributes: { [KEY]: 'false' } }),
      ]),
      P,
    );
    expect(out.map((r) => [r.resourceId.split('/')[2], r.status])).toEqual([
      ['on', 'pass'],
      ...(TYPES.includes('network') ? [['off', 'fail']] : []),
    ]);
  });
  it('judges only the load-balancer types that have the attribute', () => {
    const all = ['application', 'network', 'gateway'].map((t) =>
      loadBalancer(t, t, { attributes: { [KEY]: 'false' } }),
    );
    expect(check.evaluate(snap(all), P).map((r) => r.resourceId.split('/')[2])).toEqual(TYPES);
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error when attributes or load balancers could not be read', () => {
    const out = check.evaluate(
      snap(
        [loadBalancer('lb', 'application')],
        [
          gap('elbv2', 'DescribeLoadBalancerAttributes: AccessDenied'),
          gap('elbv2', 'DescribeLoadBalancers: AccessDenied', 'eu-west-1'),
        ],
      ),
      P,
    );
    expect(out.map((r) => [r.status, r.region])).toEqual([
      ['error', 'us-east-1'],
      ['error', 'eu-west-1'],
    ]);
    expect(out[0]?.message).toContain('DescribeLoadBalancerAttributes: AccessDenied');
  });
});
