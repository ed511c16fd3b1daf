/** Wire-level tests of the CloudWatch Logs collector (JSON 1.1, `nextToken` pagination). */
import { afterEach, describe, expect, it } from 'vitest';
import { isAppError } from '../../../../core/errors.js';
import { type FakeAws, jsonError, startFakeAws } from '../fake-aws.test-helpers.js';
import { ACCOUNT, dataAccount, fakeContext, KEY_PHI } from './fake-data-account.test-helpers.js';
import { logsCollector } from './logs.js';

let fake: FakeAws | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});
const arn = (name: string) => `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:${name}`;

describe('logsCollector', () => {
  it('collects log groups over pages with encryption, retention and tags', async () => {
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
    const sent = fake.calls.map((c) => [c.headers['x-amz-target'], c.params]);
    expect(sent).toEqual([
      ['Logs_20140328.DescribeLogGroups', {}],
      ['Logs_20140328.DescribeLogGroups', { nextToken: 'logs-page-2' }],
      ['Logs_20140328.ListTagsForResource', { resourceArn: arn('/ehr/app') }],
      ['Logs_20140328.ListTagsForResource', { resourceArn: arn('/aws/lambda/intake') }],
    ]);
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
