/**
 * Elastic Load Balancing v2 collector (regional): `AWS::ElasticLoadBalancingV2::LoadBalancer`
 * per ALB/NLB/GWLB and `AWS::ElasticLoadBalancingV2::Listener` per listener.
 *
 * Calls (ELBv2 API Reference): DescribeLoadBalancers and DescribeListeners (paginated by
 * `Marker`/`NextMarker`), DescribeTags (≤ 20 ARNs per call), DescribeLoadBalancerAttributes
 * (access logs, deletion protection, drop of invalid headers), and DescribeSSLPolicies for the
 * policies the listeners use, so "TLS below 1.2" is read off `sslPolicy.sslProtocols`.
 *
 * Load balancer: `configuration` = the `LoadBalancer` camel-cased (`type`, `scheme`, `dNSName`,
 * …); `supplementary.listeners` = its listeners (as on the Listener resources, missing if
 * DescribeListeners was denied); `supplementary.attributes` = attributes as a key → value record.
 * Listener: `configuration` = the `Listener` camel-cased (`protocol`, `port`, `sslPolicy`,
 * `defaultActions` with `redirectConfig`, `certificates`); `supplementary.sslPolicy` = the policy's
 * `{name, sslProtocols, ciphers, supportedLoadBalancerTypes}`, `null` for a listener without TLS.
 */
import {
  DescribeLoadBalancerAttributesCommand,
  DescribeSSLPoliciesCommand,
  DescribeTagsCommand,
  ElasticLoadBalancingV2Client,
  type Listener,
  type LoadBalancer,
  paginateDescribeListeners,
  paginateDescribeLoadBalancers,
  type SslPolicy,
  type TagDescription,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { awsConfigShape, type CloudResource, tagRecord } from '../../../../core/cloud.js';
import type { AwsContext, AwsServiceCollector } from '../context.js';

/** Collects ELBv2 load balancers and their listeners with the TLS policies in use. */
export const elbv2Collector: AwsServiceCollector = {
  service: 'elbv2',
  scope: 'regional',
  async collect(ctx) {
    const elb = new ElasticLoadBalancingV2Client(ctx.client);
    try {
      const lbs = await ctx.guarded('elbv2', 'DescribeLoadBalancers', async () => {
        const out: LoadBalancer[] = [];
        for await (const page of paginateDescribeLoadBalancers({ client: elb }, {})) {
          out.push(...(page.LoadBalancers ?? []));
        }
        return out;
      });
      const balancers = (lbs ?? []).filter((lb) => lb.LoadBalancerArn !== undefined);
      if (balancers.length === 0) return [];
      const arns = balancers.map((lb) => lb.LoadBalancerArn as string);
      const tags = await describeTags(ctx, elb, arns);
      const listeners = await describeListeners(ctx, elb, arns);
      const policies = await describePolicies(ctx, elb, listeners);
      const out: CloudResource[] = [];
      for (const lb of balancers) {
        const arn = lb.LoadBalancerArn as string;
        const attrs = await ctx.guarded('elbv2', 'DescribeLoadBalancerAttributes', () =>
          elb.send(new DescribeLoadBalancerAttributesCommand({ LoadBalancerArn: arn })),
        );
        const own = listeners?.filter((l) => l.LoadBalancerArn === arn);
        const listenerResources = (own ?? []).map((l) => listenerResource(ctx, l, policies));
        const supplementary: Record<string, unknown> = {};
        if (own !== undefined) supplementary.listeners = listenerResources.map((r) => r.configuration);
        if (attrs !== undefined) {
          supplementary.attributes = Object.fromEntries(
            (attrs.Attributes ?? []).map((a) => [a.Key ?? '', a.Value ?? null]),
          );
        }
        out.push({
          provider: 'aws',
          account: ctx.account,
          region: ctx.region,
          type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
          id: arn,
          name: lb.LoadBalancerName ?? arn,
          tags: tags?.get(arn) ?? {},
          configuration: awsConfigShape(lb) as Record<string, unknown>,
          supplementary,
          source: 'aws-sdk',
        });
        out.push(...listenerResources);
      }
      return out;
    } finally {
      elb.destroy();
    }
  },
};

async function describeTags(ctx: AwsContext, elb: ElasticLoadBalancingV2Client, arns: string[]) {
  return ctx.guarded('elbv2', 'DescribeTags', async () => {
    const out: TagDescription[] = [];
    for (let i = 0; i < arns.length; i += 20) {
      const page = await elb.send(new DescribeTagsCommand({ ResourceArns: arns.slice(i, i + 20) }));
      out.push(...(page.TagDescriptions ?? []));
    }
    return new Map(out.map((d) => [d.ResourceArn ?? '', tagRecord(d.Tags)]));
  });
}

async function describeListeners(ctx: AwsContext, elb: ElasticLoadBalancingV2Client, arns: string[]) {
  return ctx.guarded('elbv2', 'DescribeListeners', async () => {
    const out: Listener[] = [];
    for (const LoadBalancerArn of arns) {
      for await (const page of paginateDescribeListeners({ client: elb }, { LoadBalancerArn })) {
        out.push(...(page.Listeners ?? []));
      }
    }
    return out;
  });
}

async function describePolicies(
  ctx: AwsContext,
  elb: ElasticLoadBalancingV2Client,
  listeners: Listener[] | undefined,
) {
  const names = [...new Set((listeners ?? []).flatMap((l) => (l.SslPolicy ? [l.SslPolicy] : [])))].sort();
  if (names.length === 0) return new Map<string, SslPolicy>();
  const got = await ctx.guarded('elbv2', 'DescribeSSLPolicies', () =>
    elb.send(new DescribeSSLPoliciesCommand({ Names: names })),
  );
  if (got === undefined) return undefined;
  return new Map((got.SslPolicies ?? []).map((p) => [p.Name ?? '', p]));
}

function listenerResource(
  ctx: AwsContext,
  l: Listener,
  policies: Map<string, SslPolicy> | undefined,
): CloudResource {
  const arn = l.ListenerArn ?? `${l.LoadBalancerArn}/listener/${l.Port}`;
  const supplementary: Record<string, unknown> = {};
  if (l.SslPolicy === undefined) supplementary.sslPolicy = null;
  else if (policies !== undefined) {
    const p = policies.get(l.SslPolicy);
    // A policy DescribeSSLPolicies did not return stays unknown rather than guessed.
    if (p !== undefined) {
      supplementary.sslPolicy = {
        name: p.Name ?? l.SslPolicy,
        sslProtocols: (p.SslProtocols ?? []).slice().sort(),
        ciphers: (p.Ciphers ?? []).map((c) => c.Name ?? ''),
        supportedLoadBalancerTypes: p.SupportedLoadBalancerTypes ?? [],
      };
    }
  }
  return {
    provider: 'aws',
    account: ctx.account,
    region: ctx.region,
    type: 'AWS::ElasticLoadBalancingV2::Listener',
    id: arn,
    name: `${l.Protocol ?? '?'}:${l.Port ?? '?'}`,
    tags: {},
    configuration: awsConfigShape(l) as Record<string, unknown>,
    supplementary,
    source: 'aws-sdk',
  };
}
