/**
 * TLS listeners (HTTPS, TLS) of ALBs/NLBs negotiate nothing below TLS 1.2 (or 1.3 when
 * `minTlsVersion` says so), read off the security policy's protocols from DescribeSSLPolicies.
 */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { arr, has, obj, unreadable } from '../_shared/util.js';

const BELOW_1_2 = new Set(['SSLv3', 'TLSv1', 'TLSv1.1']);

export const check: PostureCheck = {
  id: 'elb-tls-min-1-2',
  provider: 'aws',
  title: 'Load balancer TLS listeners require TLS 1.2 or later',
  severity: 'high',
  resourceType: 'AWS::ElasticLoadBalancingV2::Listener',
  citations: ['164.312(e)(1)', '164.312(e)(2)(ii)'],
  risk: 'TLS 1.0/1.1 are deprecated (RFC 8996) with known weaknesses; allowing them lets a downgrade expose ePHI in transit.',
  remediation: {
    text: 'EC2 console → Load balancers → listener → Edit → Security policy: ELBSecurityPolicy-TLS13-1-2-2021-06 (or a TLS 1.3-only policy).',
    cli: 'aws elbv2 modify-listener --listener-arn LISTENER_ARN --ssl-policy ELBSecurityPolicy-TLS13-1-2-2021-06',
    terraform:
      'resource "aws_lb_listener" "https" {\n  # …\n  protocol   = "HTTPS"\n  ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06"\n}',
  },
  params: ['minTlsVersion'],
  evaluate(snapshot, params) {
    const weak = new Set(BELOW_1_2);
    if (params.minTlsVersion === '1.3') weak.add('TLSv1.2');
    return resourcesOf(snapshot, 'AWS::ElasticLoadBalancingV2::Listener').flatMap((l) => {
      const protocol = l.configuration.protocol;
      if (protocol !== 'HTTPS' && protocol !== 'TLS') return [];
      if (!has(l, 'sslPolicy') || l.supplementary.sslPolicy === null)
        return [unreadable(check, snapshot, l, 'elbv2', 'TLS policy protocols (DescribeSSLPolicies)')];
      const policy = obj(l.supplementary.sslPolicy);
      const protocols = arr(policy?.sslProtocols).map(String);
      const bad = protocols.filter((p) => weak.has(p));
      const evidence = {
        sslPolicy: policy?.name ?? l.configuration.sslPolicy ?? null,
        sslProtocols: protocols,
        minTlsVersion: params.minTlsVersion,
      };
      return bad.length === 0
        ? [result(check, l, 'pass', `Policy allows ${protocols.join(', ')}`, evidence)]
        : [
            result(
              check,
              l,
              'fail',
              `Policy allows ${bad.join(', ')} (below TLS ${params.minTlsVersion})`,
              evidence,
            ),
          ];
    });
  },
};
