/**
 * TLS listeners (HTTPS, TLS) of Application and Network Load Balancers use certificates from AWS
 * Certificate Manager, not IAM server certificates or imports elsewhere (AWS Config
 * ELBV2_ACM_CERTIFICATE_REQUIRED). ACM renews the certificates it issues and tracks expiry. One
 * result per load balancer with a TLS listener; DescribeListeners shows each listener's default
 * certificate, so additional SNI certificates are not judged.
 */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { LOAD_BALANCER, unlistedLoadBalancers } from '../_hardening/elb.js';
import { arr, has, obj, unreadable } from '../_shared/util.js';

const TLS = new Set(['HTTPS', 'TLS']);
const ACM = /^arn:[^:]+:acm:/;

export const check: PostureCheck = {
  id: 'elbv2-acm-certificate',
  provider: 'aws',
  title: 'Load balancer TLS listeners use ACM certificates',
  severity: 'low',
  resourceType: LOAD_BALANCER,
  citations: ['164.312(e)(1)', '164.312(e)(2)(ii)'],
  risk: 'Certificates outside ACM are renewed by hand; one that expires breaks or downgrades the encrypted channel that carries ePHI, and private keys kept elsewhere are harder to protect.',
  remediation: {
    text: 'Request (or import) the certificate in ACM, then EC2 console → Load balancers → listener → Edit → Default SSL/TLS certificate: "From ACM".',
    cli: 'aws acm request-certificate --domain-name app.example.org --validation-method DNS && aws elbv2 modify-listener --listener-arn LISTENER_ARN --certificates CertificateArn=ACM_CERTIFICATE_ARN',
    terraform:
      'resource "aws_lb_listener" "https" {\n  # …\n  protocol        = "HTTPS"\n  certificate_arn = aws_acm_certificate_validation.app.certificate_arn\n}',
  },
  evaluate(snapshot) {
    const out = resourcesOf(snapshot, LOAD_BALANCER).flatMap((lb) => {
      if (lb.configuration.type === 'gateway') return [];
      if (!has(lb, 'listeners'))
        return [unreadable(check, snapshot, lb, 'elbv2', 'listeners (DescribeListeners)')];
      const tls = arr(lb.supplementary.listeners).flatMap((l) => {
        const o = obj(l);
        return o !== undefined && typeof o.protocol === 'string' && TLS.has(o.protocol) ? [o] : [];
      });
      if (tls.length === 0) return [];
      const listeners = tls.map((l) => ({
        listener: `${String(l.protocol)}:${String(l.port)}`,
        certificates: arr(l.certificates).flatMap((c) => {
          const arn = obj(c)?.certificateArn;
          return typeof arn === 'string' ? [arn] : [];
        }),
      }));
      const evidence = { listeners };
      const foreign = listeners.flatMap((l) =>
        l.certificates.filter((c) => !ACM.test(c)).map((c) => `${l.listener} ${c}`),
      );
      if (foreign.length > 0)
        return [result(check, lb, 'fail', `Certificate not from ACM: ${foreign.join(', ')}`, evidence)];
      const bare = listeners.filter((l) => l.certificates.length === 0).map((l) => l.listener);
      if (bare.length > 0)
        return [result(check, lb, 'manual', `No certificate recorded for ${bare.join(', ')}`, evidence)];
      return [result(check, lb, 'pass', 'Every TLS listener uses an ACM certificate', evidence)];
    });
    return [...out, ...unlistedLoadBalancers(check, snapshot)];
  },
};
