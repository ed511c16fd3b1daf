/** Wire-level tests of the CloudTrail collector (JSON 1.1). */
import { afterEach, describe, expect, it } from 'vitest';
import { isAppError } from '../../../../core/errors.js';
import { type FakeAws, jsonError, startFakeAws } from '../fake-aws.test-helpers.js';
import { cloudtrailCollector } from './cloudtrail.js';
import { dataAccount, fakeContext, TRAIL_ARN } from './fake-data-account.test-helpers.js';

let fake: FakeAws | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('cloudtrailCollector', () => {
  it('collects the trails homed in the region with status, selectors and tags', async () => {
    fake = await startFakeAws(dataAccount());
    const { ctx, gaps } = fakeContext(fake, { region: 'us-east-1' });
    const out = await cloudtrailCollector.collect(ctx);
    expect(gaps).toEqual([]);
    expect(out).toHaveLength(1);
    const [trail] = out;
    expect(trail).toMatchObject({
      type: 'AWS::CloudTrail::Trail',
      id: TRAIL_ARN,
      name: 'management-events',
      region: 'us-east-1',
    });
    expect(trail?.tags).toEqual({ Owner: 'security' });
    expect(trail?.configuration).toEqual({
      name: 'management-events',
      s3BucketName: 'pw-trail-logs',
      includeGlobalServiceEvents: true,
      isMultiRegionTrail: false,
      homeRegion: 'us-east-1',
      trailARN: TRAIL_ARN,
      logFileValidationEnabled: false,
      hasCustomEventSelectors: false,
      hasInsightSelectors: false,
      isOrganizationTrail: false,
      isLogging: true,
    });
    expect(trail?.supplementary).toEqual({
      trailStatus: {
        isLogging: true,
        latestDeliveryTime: '2025-01-07T08:53:20.000Z',
        startLoggingTime: '2023-11-14T22:13:20.000Z',
        latestDeliveryAttemptTime: '2025-01-07T09:00:00Z',
      },
      eventSelectors: {
        eventSelectors: [
          {
            readWriteType: 'All',
            includeManagementEvents: true,
            dataResources: [],
            excludeManagementEventSources: [],
          },
        ],
        advancedEventSelectors: [],
      },
    });
    const sent = fake.calls.map((c) => [c.headers['x-amz-target'], c.params]);
    expect(sent[0]).toEqual(['CloudTrail_20131101.DescribeTrails', { includeShadowTrails: false }]);
    expect(sent.map(([, p]) => p)).toContainEqual({ Name: TRAIL_ARN });
    expect(sent.map(([, p]) => p)).toContainEqual({ TrailName: TRAIL_ARN });
    expect(sent.map(([, p]) => p)).toContainEqual({ ResourceIdList: [TRAIL_ARN] });
  });

  it('keeps the trail when GetTrailStatus is denied, without isLogging, and records the gap', async () => {
    fake = await startFakeAws(
      dataAccount((call) =>
        call.action === 'GetTrailStatus'
          ? jsonError('AccessDeniedException', 'not authorized', 400)
          : undefined,
      ),
    );
    const { ctx, gaps } = fakeContext(fake, { region: 'us-east-1' });
    const [trail] = await cloudtrailCollector.collect(ctx);
    expect(gaps.map((g) => g.reason)).toEqual(['GetTrailStatus: AccessDeniedException']);
    expect(trail?.configuration).not.toHaveProperty('isLogging');
    expect(trail?.supplementary).not.toHaveProperty('trailStatus');
    expect(trail?.supplementary).toHaveProperty('eventSelectors');
  });

  it('retries ThrottlingException and then succeeds; expired token stops with CLOUD_CREDENTIALS', async () => {
    let throttled = 0;
    fake = await startFakeAws(
      dataAccount((call) => {
        if (call.action === 'DescribeTrails' && throttled === 0) {
          throttled += 1;
          return jsonError('ThrottlingException', 'Rate exceeded', 400);
        }
        if (call.action === 'GetEventSelectors') return jsonError('ExpiredTokenException', 'expired', 400);
        return undefined;
      }),
    );
    const { ctx } = fakeContext(fake, { region: 'us-east-1', maxAttempts: 3 });
    const err = await cloudtrailCollector.collect(ctx).catch((e: unknown) => e);
    expect(throttled).toBe(1);
    expect(isAppError(err) && err.code).toBe('CLOUD_CREDENTIALS');
  });
});
