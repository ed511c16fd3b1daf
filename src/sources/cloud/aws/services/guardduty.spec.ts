/** Wire-level tests of the GuardDuty collector (REST-JSON). */
import { afterEach, describe, expect, it } from 'vitest';
import { isAppError } from '../../../../core/errors.js';
import { type FakeAws, restJsonError, startFakeAws } from '../fake-aws.test-helpers.js';
import {
  ACCOUNT,
  DETECTOR,
  FINDINGS,
  fakeContext,
  servicesAccount,
} from './fake-services-account.test-helpers.js';
import { GUARDDUTY_REGION_TYPE, guarddutyCollector } from './guardduty.js';

let fake: FakeAws | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('guarddutyCollector', () => {
  it('collects the detector with its status, features, tags and high-severity findings', async () => {
    fake = await startFakeAws(servicesAccount());
    const { ctx, gaps } = fakeContext(fake, { region: 'us-east-1' });
    const out = await guarddutyCollector.collect(ctx);
    expect(gaps).toEqual([]);
    expect(out.map((r) => [r.type, r.id])).toEqual([
      [GUARDDUTY_REGION_TYPE, `arn:aws:guardduty:us-east-1:${ACCOUNT}:detectors`],
      ['AWS::GuardDuty::Detector', `arn:aws:guardduty:us-east-1:${ACCOUNT}:detector/${DETECTOR}`],
    ]);
    const [marker, detector] = out;
    expect(marker?.configuration).toEqual({ detectorIds: [DETECTOR] });
    expect(detector?.tags).toEqual({ Owner: 'security' });
    expect(detector?.configuration).toMatchObject({
      detectorId: DETECTOR,
      status: 'ENABLED',
      findingPublishingFrequency: 'SIX_HOURS',
      createdAt: '2024-02-01T10:00:00.000Z',
    });
    expect(detector?.configuration.tags).toBeUndefined();
    expect(detector?.configuration.features).toContainEqual({
      name: 'S3_DATA_EVENTS',
      status: 'DISABLED',
      updatedAt: '2024-02-01T10:00:00.000Z',
    });
    expect(detector?.supplementary).toEqual({
      highSeverityFindings: { findingIds: FINDINGS, truncated: false },
    });
    // Non-archived findings of severity ≥ 7, one page.
    const list = fake.calls.find((c) => c.action === `POST /detector/${DETECTOR}/findings`);
    expect(list?.params).toEqual({
      findingCriteria: {
        criterion: {
          severity: { greaterThanOrEqual: 7 },
          'service.archived': { equals: ['false'] },
        },
      },
      maxResults: 50,
    });
  });

  it('marks a region without a detector with an empty list', async () => {
    fake = await startFakeAws(servicesAccount());
    const { ctx, gaps } = fakeContext(fake, { region: 'eu-west-1' });
    const out = await guarddutyCollector.collect(ctx);
    expect(gaps).toEqual([]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({
      type: GUARDDUTY_REGION_TYPE,
      region: 'eu-west-1',
      configuration: { detectorIds: [] },
    });
  });

  it('leaves no marker when ListDetectors is denied, and records the gap', async () => {
    fake = await startFakeAws(
      servicesAccount((call) =>
        call.action === 'GET /detector'
          ? restJsonError('AccessDeniedException', 'not authorized to perform: guardduty:ListDetectors', 403)
          : undefined,
      ),
    );
    const { ctx, gaps } = fakeContext(fake, { region: 'us-east-1' });
    expect(await guarddutyCollector.collect(ctx)).toEqual([]);
    expect(gaps.map((g) => [g.service, g.region, g.reason])).toEqual([
      ['guardduty', 'us-east-1', 'ListDetectors: AccessDeniedException'],
    ]);
  });

  it('keeps a detector whose GetDetector and ListFindings are denied, without status or findings', async () => {
    fake = await startFakeAws(
      servicesAccount((call) =>
        call.action.startsWith(`GET /detector/`) || call.action.endsWith('/findings')
          ? restJsonError('AccessDeniedException', 'denied', 403)
          : undefined,
      ),
    );
    const { ctx, gaps } = fakeContext(fake, { region: 'us-east-1' });
    const out = await guarddutyCollector.collect(ctx);
    expect(gaps.map((g) => g.reason)).toEqual([
      'GetDetector: AccessDeniedException',
      'ListFindings: AccessDeniedException',
    ]);
    expect(out[1]?.configuration).toEqual({ detectorId: DETECTOR });
    expect(out[1]?.supplementary).toEqual({});
  });

  it('stops with CLOUD_CREDENTIALS on an expired token', async () => {
    fake = await startFakeAws(
      servicesAccount(() =>
        restJsonError('ExpiredTokenException', 'The security token included in the request is expired', 403),
      ),
    );
    const { ctx } = fakeContext(fake, { region: 'us-east-1' });
    const err = await guarddutyCollector.collect(ctx).catch((e: unknown) => e);
    expect(isAppError(err) && err.code).toBe('CLOUD_CREDENTIALS');
  });
});
