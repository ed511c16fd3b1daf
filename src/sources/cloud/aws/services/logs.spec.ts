/** Wire-level tests of the CloudWatch Logs collector (JSON 1.1, `nextToken` pagination). */
import { afterEach, describe, expect, it } from 'vitest';
import { isAppError } from '../../../../core/errors.js';
import { type FakeAws, jsonError, startFakeAws } from '../fake-aws.test-helpers.js';
import {
  ACCOUNT,
  dataAccount,
  EHR_EVENTS,
  fakeContext,
  KEY_PHI,
  LOG_SAMPLE_NOW,
  SYNTHETIC_BEARER,
  SYNTHETIC_SSN,
} from './fake-data-account.test-helpers.js';
import { SAMPLE_MAX_EVENTS, SAMPLE_MAX_PAGES, SAMPLE_WINDOW_MS } from './log-sample.js';
import { logsCollector } from './logs.js';

let fake: FakeAws | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});
const arn = (name: string) => `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:${name}`;
const noHit = { hits: 0, firstHit: null };

describe('logsCollector', () => {
  it('collects log groups over pages with encryption, retention, tags and a sampled scan', async () => {
    fake = await startFakeAws(dataAccount());
    const { ctx, gaps } = fakeContext(fake, { region: 'us-east-1' });
    const out = await logsCollector.collect(ctx);
    expect(gaps).toEqual([]);
    expect(out.map((r) => [r.type, r.id, r.name])).toEqual([
      ['AWS::Logs::LogGroup', arn('/ehr/app'), '/ehr/app'],
      ['AWS::Logs::LogGroup', arn('/aws/lambda/intake'), '/aws/lambda/intake'],
    ]);
    const [ehr, intake] = out;
    expect(ehr?.tags).toEqual({ PHI: 'true' });
    expect(ehr?.configuration).toMatchObject({ logGroupName: '/ehr/app', retentionInDays: 30 });
    expect(ehr?.configuration).not.toHaveProperty('kmsKeyId');
    expect(intake?.configuration).toMatchObject({
      kmsKeyId: `arn:aws:kms:us-east-1:${ACCOUNT}:key/${KEY_PHI}`,
      dataProtectionStatus: 'ACTIVATED',
    });
    expect(intake?.configuration).not.toHaveProperty('retentionInDays');

    expect(ehr?.supplementary).toEqual({
      sensitiveDataSample: {
        windowHours: 24,
        eventsSampled: 4,
        truncated: false,
        detectors: {
          'us-ssn': {
            hits: 1,
            firstHit: { logStreamName: 'ehr-app/i-0a1b2c3d4e5f60001', timestamp: '2025-02-28T10:00:05.000Z' },
          },
          'mrn-label': noHit,
          'dob-label': noHit,
          'aws-access-key-id': noHit,
          'aws-session-token': noHit,
          jwt: noHit,
          'bearer-token': {
            hits: 1,
            firstHit: { logStreamName: 'ehr-app/i-0a1b2c3d4e5f60002', timestamp: '2025-02-28T11:30:00.000Z' },
          },
        },
      },
    });
    expect(intake?.supplementary).toMatchObject({
      sensitiveDataSample: {
        windowHours: 24,
        eventsSampled: 0,
        truncated: false,
        detectors: { 'us-ssn': noHit },
      },
    });

    // PatchWarden never stores PHI: nothing of any event's text reaches the snapshot.
    const stored = JSON.stringify(out);
    for (const secret of [SYNTHETIC_SSN, SYNTHETIC_BEARER, 'Bearer', 'ssn=', 'patient', 'health check'])
      expect(stored).not.toContain(secret);
    for (const e of EHR_EVENTS.flat()) expect(stored).not.toContain(e.message);

    const sent = fake.calls.map((c) => [c.headers['x-amz-target'], c.params]);
    const filter = (logGroupName: string, extra: Record<string, unknown> = {}) => [
      'Logs_20140328.FilterLogEvents',
      {
        logGroupName,
        startTime: LOG_SAMPLE_NOW - SAMPLE_WINDOW_MS,
        endTime: LOG_SAMPLE_NOW,
        limit: SAMPLE_MAX_EVENTS,
        ...extra,
      },
    ];
    expect(sent).toEqual([
      ['Logs_20140328.DescribeLogGroups', {}],
      ['Logs_20140328.DescribeLogGroups', { nextToken: 'logs-page-2' }],
      ['Logs_20140328.ListTagsForResource', { resourceArn: arn('/ehr/app') }],
      filter('/ehr/app'),
      // The second page asks only for what is left of the bound.
      filter('/ehr/app', { limit: SAMPLE_MAX_EVENTS - 2, nextToken: 'events-page-2' }),
      ['Logs_20140328.ListTagsForResource', { resourceArn: arn('/aws/lambda/intake') }],
      filter('/aws/lambda/intake'),
    ]);
  });

  it('samples nothing outside the window', async () => {
    fake = await startFakeAws(dataAccount());
    const { ctx } = fakeContext(fake, {
      region: 'us-east-1',
      now: new Date(LOG_SAMPLE_NOW + SAMPLE_WINDOW_MS),
    });
    const [ehr] = await logsCollector.collect(ctx);
    expect(ehr?.supplementary.sensitiveDataSample).toMatchObject({ eventsSampled: 0, truncated: false });
  });

  it('stops at the event bound on a busy group and marks the sample truncated', async () => {
    const busy = (n: number, from: number) =>
      Array.from({ length: n }, (_, i) => ({
        logStreamName: 'busy',
        timestamp: LOG_SAMPLE_NOW - 1000 + i,
        message: i === from ? `DOB: 1980-02-29 at ${i}` : `request ${i} ok`,
      }));
    fake = await startFakeAws(
      dataAccount((call) => {
        if (call.action !== 'FilterLogEvents') return undefined;
        const limit = Number(call.params.limit);
        // Each page answers 150 events at most and always has more.
        return { body: JSON.stringify({ events: busy(Math.min(150, limit), 120), nextToken: 'more' }) };
      }),
    );
    const { ctx } = fakeContext(fake, { region: 'us-east-1' });
    const [ehr] = await logsCollector.collect(ctx);
    expect(ehr?.supplementary.sensitiveDataSample).toMatchObject({
      eventsSampled: SAMPLE_MAX_EVENTS,
      truncated: true,
      detectors: { 'dob-label': { hits: 1 } },
    });
    const limits = fake.calls
      .filter((c) => c.action === 'FilterLogEvents' && c.params.logGroupName === '/ehr/app')
      .map((c) => c.params.limit);
    expect(limits).toEqual([SAMPLE_MAX_EVENTS, SAMPLE_MAX_EVENTS - 150]);
  });

  it('stops after the page bound when FilterLogEvents keeps searching without events', async () => {
    fake = await startFakeAws(
      dataAccount((call) =>
        call.action === 'FilterLogEvents'
          ? { body: JSON.stringify({ events: [], nextToken: 'still-searching' }) }
          : undefined,
      ),
    );
    const { ctx } = fakeContext(fake, { region: 'us-east-1' });
    const [ehr] = await logsCollector.collect(ctx);
    expect(ehr?.supplementary.sensitiveDataSample).toMatchObject({ eventsSampled: 0, truncated: true });
    expect(
      fake.calls.filter((c) => c.action === 'FilterLogEvents' && c.params.logGroupName === '/ehr/app'),
    ).toHaveLength(SAMPLE_MAX_PAGES);
  });

  it('stores null for groups that cannot be sampled: Delivery class, or InvalidOperationException', async () => {
    fake = await startFakeAws(
      dataAccount((call) => {
        if (call.action === 'DescribeLogGroups')
          return {
            body: JSON.stringify({
              logGroups: [
                { logGroupName: '/aws/vendedlogs/delivery', logGroupClass: 'DELIVERY' },
                { logGroupName: '/ehr/app', logGroupClass: 'STANDARD' },
              ],
            }),
          };
        if (call.action === 'FilterLogEvents')
          return jsonError(
            'InvalidOperationException',
            'The operation is not valid on the specified resource',
          );
        return undefined;
      }),
    );
    const { ctx, gaps } = fakeContext(fake, { region: 'us-east-1' });
    const out = await logsCollector.collect(ctx);
    expect(gaps).toEqual([]);
    expect(out.map((r) => [r.name, r.supplementary])).toEqual([
      ['/aws/vendedlogs/delivery', { sensitiveDataSample: null }],
      ['/ehr/app', { sensitiveDataSample: null }],
    ]);
    // The Delivery-class group is not asked at all.
    expect(
      fake.calls.filter((c) => c.action === 'FilterLogEvents').map((c) => c.params.logGroupName),
    ).toEqual(['/ehr/app']);
  });

  it('records a denied FilterLogEvents as one gap and leaves the groups unsampled', async () => {
    fake = await startFakeAws(
      dataAccount((call) =>
        call.action === 'FilterLogEvents'
          ? jsonError('AccessDeniedException', 'not authorized', 400)
          : undefined,
      ),
    );
    const { ctx, gaps } = fakeContext(fake, { region: 'us-east-1' });
    const out = await logsCollector.collect(ctx);
    expect(gaps.map((g) => [g.service, g.reason])).toEqual([
      ['logs', 'FilterLogEvents: AccessDeniedException'],
    ]);
    expect(out).toHaveLength(2);
    expect(out.every((r) => !Object.hasOwn(r.supplementary, 'sensitiveDataSample'))).toBe(true);
    expect(out.map((r) => r.tags)).toEqual([{ PHI: 'true' }, {}]);
    expect(fake.calls.filter((c) => c.action === 'FilterLogEvents')).toHaveLength(1);
  });

  it('asks for tags once when denied, records one gap and keeps the groups', async () => {
    fake = await startFakeAws(
      dataAccount((call) =>
        call.action === 'ListTagsForResource'
          ? jsonError('AccessDeniedException', 'not authorized', 400)
          : undefined,
      ),
    );
    const { ctx, gaps } = fakeContext(fake, { region: 'us-east-1' });
    const out = await logsCollector.collect(ctx);
    expect(out).toHaveLength(2);
    expect(gaps.map((g) => g.reason)).toEqual(['ListTagsForResource: AccessDeniedException']);
    expect(fake.calls.filter((c) => c.action === 'ListTagsForResource')).toHaveLength(1);
  });

  it('retries ThrottlingException and then succeeds; expired token stops with CLOUD_CREDENTIALS', async () => {
    let throttled = 0;
    fake = await startFakeAws(
      dataAccount((call) => {
        if (call.action !== 'DescribeLogGroups' || throttled > 0) return undefined;
        throttled += 1;
        return jsonError('ThrottlingException', 'Rate exceeded', 400);
      }),
    );
    expect(
      await logsCollector.collect(fakeContext(fake, { region: 'us-east-1', maxAttempts: 3 }).ctx),
    ).toHaveLength(2);
    expect(throttled).toBe(1);
    await fake.close();
    fake = await startFakeAws(
      dataAccount(() =>
        jsonError('ExpiredTokenException', 'The security token included in the request is expired'),
      ),
    );
    const err = await logsCollector
      .collect(fakeContext(fake, { region: 'us-east-1' }).ctx)
      .catch((e: unknown) => e);
    expect(isAppError(err) && err.code).toBe('CLOUD_CREDENTIALS');
  });
});
