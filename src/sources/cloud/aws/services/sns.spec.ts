/** Wire-level tests of the SNS collector (query protocol, `NextToken` pagination). */
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeAws, queryError, startFakeAws } from '../fake-aws.test-helpers.js';
import { KEY_PHI } from './fake-data-account.test-helpers.js';
import {
  ACCOUNT,
  fakeContext,
  servicesAccount,
  TOPIC_ALERTS,
  TOPIC_OPS,
} from './fake-services-account.test-helpers.js';
import { snsCollector } from './sns.js';

let fake: FakeAws | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('snsCollector', () => {
  it('collects topics over pages with their attributes and tags', async () => {
    fake = await startFakeAws(servicesAccount());
    const { ctx, gaps } = fakeContext(fake, { region: 'us-east-1' });
    const out = await snsCollector.collect(ctx);
    expect(gaps).toEqual([]);
    expect(out.map((r) => [r.type, r.id, r.name])).toEqual([
      ['AWS::SNS::Topic', TOPIC_ALERTS, 'ehr-alerts'],
      ['AWS::SNS::Topic', TOPIC_OPS, 'ops-notify'],
    ]);
    const [alerts, ops] = out;
    expect(alerts?.tags).toEqual({ PHI: 'true' });
    expect(alerts?.configuration).toMatchObject({
      topicArn: TOPIC_ALERTS,
      owner: ACCOUNT,
      kmsMasterKeyId: `arn:aws:kms:us-east-1:${ACCOUNT}:key/${KEY_PHI}`,
      subscriptionsConfirmed: '1',
    });
    // The access policy arrives XML-escaped and is kept as SNS's JSON string.
    expect(JSON.parse(String(alerts?.configuration.policy))).toMatchObject({
      Statement: [{ Condition: { StringEquals: { 'AWS:SourceOwner': ACCOUNT } } }],
    });
    expect(ops?.configuration.kmsMasterKeyId).toBeUndefined();
    expect(ops?.tags).toEqual({});
    expect(fake.calls.filter((c) => c.action === 'ListTopics').map((c) => c.params.NextToken)).toEqual([
      undefined,
      'sns-page-2',
    ]);
  });

  it('keeps only the ARN when GetTopicAttributes is denied, and records the gap', async () => {
    fake = await startFakeAws(
      servicesAccount((call) =>
        call.action === 'GetTopicAttributes' && call.params.TopicArn === TOPIC_OPS
          ? queryError('AuthorizationError', 'not authorized to perform: SNS:GetTopicAttributes', 403)
          : undefined,
      ),
    );
    const { ctx, gaps } = fakeContext(fake, { region: 'us-east-1' });
    const out = await snsCollector.collect(ctx);
    // The SDK names SNS's wire code AuthorizationError after its modelled exception.
    expect(gaps.map((g) => g.reason)).toEqual(['GetTopicAttributes: AuthorizationErrorException']);
    expect(out[1]?.configuration).toEqual({ topicArn: TOPIC_OPS });
  });
});
