import { describe, expect, it } from 'vitest';
import { gap, listener, P, snap } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

describe('elb-http-redirects-to-https', () => {
  it('passes a redirecting HTTP listener; ignores HTTPS', () => {
    const redirect = {
      type: 'redirect',
      redirectConfig: { protocol: 'HTTPS', port: '443', statusCode: 'HTTP_301' },
    };
    const out = check.evaluate(
      snap([
        listener(80, { protocol: 'HTTP', defaultActions: [redirect] }),
        listener(443, { protocol: 'HTTPS' }),
      ]),
      P,
    );
    expect(out).toMatchObject([{ status: 'pass' }]);
  });
  it('fails the seeded forwarding HTTP listener', () => {
    const out = check.evaluate(
      snap([listener(80, { protocol: 'HTTP', defaultActions: [{ type: 'forward', targetGroupArn: 'tg' }] })]),
      P,
    );
    expect(out).toMatchObject([{ status: 'fail', evidence: { defaultActionTypes: ['forward'] } }]);
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error when the default actions was not read', () => {
    const out = check.evaluate(
      snap([listener(80, { protocol: 'HTTP' })], [gap('elbv2', 'DescribeListeners: AccessDenied')]),
      P,
    );
    expect(out).toMatchObject([{ status: 'error' }]);
    expect(out[0]?.message).toContain('DescribeListeners: AccessDenied');
  });
});
