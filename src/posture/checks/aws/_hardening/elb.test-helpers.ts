/** An ELBv2 load balancer resource for the hardening specs (`supp` undefined: nothing read). */
import { res } from '../_shared/snapshots.test-helpers.js';

export function loadBalancer(name: string, type: string, supp?: Record<string, unknown>) {
  const kind = type === 'application' ? 'app' : type === 'network' ? 'net' : 'gwy';
  return res(
    'AWS::ElasticLoadBalancingV2::LoadBalancer',
    `arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/${kind}/${name}/1`,
    {
      name,
      configuration: { loadBalancerName: name, type, scheme: 'internet-facing' },
      supplementary: supp ?? {},
    },
  );
}
