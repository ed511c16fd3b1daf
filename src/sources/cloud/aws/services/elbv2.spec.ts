/** Wire-level tests of the ELBv2 collector (query protocol, `Marker`/`NextMarker` pagination). */
import { afterEach, describe, expect, it } from 'vitest';
import { isAppError } from '../../../../core/errors.js';
import { type FakeAws, queryError, startFakeAws } from '../fake-aws.test-helpers.js';
import { elbv2Collector } from './elbv2.js';
import {
  ALB_ARN,
  dataAccount,
  fakeContext,
  HTTP_LISTENER,
  HTTPS_LISTENER,
} from './fake-data-account.test-helpers.js';

let fake: FakeAws | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('elbv2Collector', () => {
  it('collects load balancers and listeners with the TLS policy protocols in use', async () => {
    fake = await startFakeAws(dataAccount());
    const { ctx, gaps } = fakeContext(fake, { region: 'us-east-1' });
    const out = await elbv2Collector.collect(ctx);
    expect(gaps).toEqual([]);
    expect(out.map((r) => [r.type, r.id, r.name])).toEqual([
      ['AWS::ElasticLoadBalancingV2::LoadBalancer', ALB_ARN, 'ehr-web'],
      ['AWS::ElasticLoadBalancingV2::Listener', HTTP_LISTENER, 'HTTP:80'],
      ['AWS::ElasticLoadBalancingV2::Listener', HTTPS_LISTENER, 'HTTPS:443'],
    ]);
    const [alb, http, https] = out;
    expect(alb?.tags).toEqual({ PHI: 'true', Name: 'ehr-web' });
    expect(alb?.configuration).toMatchObject({
      loadBalancerName: 'ehr-web',
      scheme: 'internet-facing',
      type: 'application',
      dNSName: 'ehr-web-1234567890.us-east-1.elb.amazonaws.com',
      state: { code: 'active' },
    });
    expect(alb?.supplementary.attributes).toEqual({
      'access_logs.s3.enabled': 'false',
      'deletion_protection.enabled': 'false',
      'routing.http.drop_invalid_header_fields.enabled': 'false',
    });
    expect(alb?.supplementary.listeners).toEqual([http?.configuration, https?.configuration]);
    expect(http?.configuration).toMatchObject({
      protocol: 'HTTP',
      port: 80,
      defaultActions: [{ type: 'forward' }],
    });
    expect(http?.supplementary).toEqual({ sslPolicy: null });
    expect(https?.configuration).toMatchObject({
      protocol: 'HTTPS',
      port: 443,
      sslPolicy: 'ELBSecurityPolicy-2016-08',
    });
    expect(https?.supplementary).toEqual({
      sslPolicy: {
        name: 'ELBSecurityPolicy-2016-08',
        sslProtocols: ['TLSv1', 'TLSv1.1', 'TLSv1.2'],
        ciphers: ['ECDHE-ECDSA-AES128-GCM-SHA256', 'AES128-SHA'],
        supportedLoadBalancerTypes: ['application', 'network'],
      },
    });
    const sent = fake.calls.map((c) => c.params);
    expect(sent.filter((p) => p.Action === 'DescribeListeners')).toEqual([
      { Action: 'DescribeListeners', Version: '2015-12-01', LoadBalancerArn: ALB_ARN },
      {
        Action: 'DescribeListeners',
        Version: '2015-12-01',
        LoadBalancerArn: ALB_ARN,
        Marker: 'listener-page-2',
      },
    ]);
    expect(sent.find((p) => p.Action === 'DescribeSSLPolicies')).toEqual({
      Action: 'DescribeSSLPolicies',
      Version: '2015-12-01',
      'Names.member.1': 'ELBSecurityPolicy-2016-08',
    });
    expect(sent.find((p) => p.Action === 'DescribeTags')).toEqual({
      Action: 'DescribeTags',
      Version: '2015-12-01',
      'ResourceArns.member.1': ALB_ARN,
    });
  });

  it('leaves the TLS policy unknown when DescribeSSLPolicies is denied', async () => {
    fake = await startFakeAws(
      dataAccount((call) =>
        call.action === 'DescribeSSLPolicies' ? queryError('AccessDenied', 'not authorized', 403) : undefined,
      ),
    );
    const { ctx, gaps } = fakeContext(fake, { region: 'us-east-1' });
    const out = await elbv2Collector.collect(ctx);
    expect(gaps.map((g) => [g.service, g.reason])).toEqual([['elbv2', 'DescribeSSLPolicies: AccessDenied']]);
    expect(out[1]?.supplementary).toEqual({ sslPolicy: null });
    expect(out[2]?.supplementary).toEqual({});
  });

  it('retries Throttling and then succeeds; expired token stops with CLOUD_CREDENTIALS', async () => {
    let throttled = 0;
    fake = await startFakeAws(
      dataAccount((call) => {
        if (call.action !== 'DescribeLoadBalancers') return undefined;
        throttled += 1;
        return throttled === 1 ? queryError('Throttling', 'Rate exceeded', 400) : undefined;
      }),
    );
    const { ctx } = fakeContext(fake, { region: 'us-east-1', maxAttempts: 3 });
    expect(await elbv2Collector.collect(ctx)).toHaveLength(3);
    expect(throttled).toBe(2);
    await fake.close();
    fake = await startFakeAws(
      dataAccount(() =>
        queryError('ExpiredToken', 'The security token included in the request is expired', 403),
      ),
    );
    const err = await elbv2Collector
      .collect(fakeContext(fake, { region: 'us-east-1' }).ctx)
      .catch((e: unknown) => e);
    expect(isAppError(err) && err.code).toBe('CLOUD_CREDENTIALS');
  });
});
