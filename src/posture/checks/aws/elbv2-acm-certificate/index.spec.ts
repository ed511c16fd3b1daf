import { describe, expect, it } from 'vitest';
import { loadBalancer } from '../_hardening/elb.test-helpers.js';
import { gap, P, snap } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

const ACM = 'arn:aws:acm:us-east-1:111122223333:certificate/3dcb0a41';
const IAM = 'arn:aws:iam::111122223333:server-certificate/legacy';
const https = (port: number, ...certs: string[]) => ({
  protocol: 'HTTPS',
  port,
  certificates: certs.map((certificateArn) => ({ certificateArn })),
});

describe('elbv2-acm-certificate', () => {
  it('passes ACM certificates, fails IAM server certificates, skips balancers without TLS', () => {
    const out = check.evaluate(
      snap([
        loadBalancer('acm', 'application', { listeners: [{ protocol: 'HTTP', port: 80 }, https(443, ACM)] }),
        loadBalancer('iam', 'network', {
          listeners: [{ protocol: 'TLS', port: 443, certificates: [{ certificateArn: IAM }] }],
        }),
        loadBalancer('plain', 'application', { listeners: [{ protocol: 'HTTP', port: 80 }] }),
        loadBalancer('none', 'application', { listeners: [https(8443)] }),
      ]),
      P,
    );
    expect(out.map((r) => [r.resourceId.split('/')[2], r.status])).toEqual([
      ['acm', 'pass'],
      ['iam', 'fail'],
      ['none', 'manual'],
    ]);
    expect(out[1]?.message).toContain('TLS:443');
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error when the listeners could not be read', () => {
    const out = check.evaluate(
      snap([loadBalancer('lb', 'application')], [gap('elbv2', 'DescribeListeners: AccessDenied')]),
      P,
    );
    expect(out).toMatchObject([{ status: 'error' }]);
    expect(out[0]?.message).toContain('DescribeListeners: AccessDenied');
  });
});
