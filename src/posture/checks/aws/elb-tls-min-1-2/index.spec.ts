import { describe, expect, it } from 'vitest';
import { gap, listener, P, snap } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

const TLS12 = { name: 'ELBSecurityPolicy-TLS13-1-2-2021-06', sslProtocols: ['TLSv1.2', 'TLSv1.3'] };
const OLD = { name: 'ELBSecurityPolicy-2016-08', sslProtocols: ['TLSv1', 'TLSv1.1', 'TLSv1.2'] };

describe('elb-tls-min-1-2', () => {
  it('passes a TLS 1.2+ policy; ignores plain HTTP listeners', () => {
    const out = check.evaluate(
      snap([listener(443, { protocol: 'HTTPS' }, TLS12), listener(80, { protocol: 'HTTP' }, null)]),
      P,
    );
    expect(out).toMatchObject([{ status: 'pass' }]);
  });
  it('fails the seeded 2016-08 policy, and TLS 1.2 when 1.3 is required', () => {
    expect(check.evaluate(snap([listener(443, { protocol: 'HTTPS' }, OLD)]), P)).toMatchObject([
      { status: 'fail' },
    ]);
    expect(
      check.evaluate(snap([listener(443, { protocol: 'HTTPS' }, TLS12)]), { ...P, minTlsVersion: '1.3' }),
    ).toMatchObject([{ status: 'fail' }]);
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error when DescribeSSLPolicies was denied', () => {
    const out = check.evaluate(
      snap(
        [listener(443, { protocol: 'HTTPS', sslPolicy: 'x' })],
        [gap('elbv2', 'DescribeSSLPolicies: AccessDenied')],
      ),
      P,
    );
    expect(out).toMatchObject([{ status: 'error' }]);
    expect(out[0]?.message).toContain('AccessDenied');
  });
});
