/**
 * SNS collector (regional): `AWS::SNS::Topic` per topic. `configuration` is GetTopicAttributes'
 * attribute map with camel-cased keys — `topicArn`, `kmsMasterKeyId` (absent when server-side
 * encryption is off), `policy` (the access policy as SNS returns it: a JSON string), `owner`,
 * `displayName`, `fifoTopic`… — every value a string, as SNS sends them. When GetTopicAttributes
 * is denied only `topicArn` is known. Tags from ListTagsForResource. ListTopics pages with
 * `NextToken` (SNS API Reference), 100 topics a page.
 */
import {
  GetTopicAttributesCommand,
  ListTagsForResourceCommand,
  paginateListTopics,
  SNSClient,
} from '@aws-sdk/client-sns';
import { type CloudResource, tagRecord } from '../../../../core/cloud.js';
import type { AwsContext, AwsServiceCollector } from '../context.js';
import { allPages, cloudResource, configShape } from './compute-resource.js';

/** Collects the region's topics with their attributes and tags. */
export const snsCollector: AwsServiceCollector = {
  service: 'sns',
  scope: 'regional',
  async collect(ctx) {
    const sns = new SNSClient(ctx.client);
    try {
      const topics = await ctx.guarded('sns', 'ListTopics', () =>
        allPages(paginateListTopics({ client: sns }, {}), (p) => p.Topics),
      );
      const out: CloudResource[] = [];
      for (const t of topics ?? []) if (t.TopicArn) out.push(await topic(ctx, sns, t.TopicArn));
      return out;
    } finally {
      sns.destroy();
    }
  },
};

async function topic(ctx: AwsContext, sns: SNSClient, TopicArn: string): Promise<CloudResource> {
  const attrs = await ctx.guarded('sns', 'GetTopicAttributes', () =>
    sns.send(new GetTopicAttributesCommand({ TopicArn })),
  );
  const tags = await ctx.guarded('sns', 'ListTagsForResource', () =>
    sns.send(new ListTagsForResourceCommand({ ResourceArn: TopicArn })),
  );
  return cloudResource(ctx, {
    type: 'AWS::SNS::Topic',
    id: TopicArn,
    name: TopicArn.slice(TopicArn.lastIndexOf(':') + 1),
    tags: tagRecord(tags?.Tags ?? []),
    configuration: { topicArn: TopicArn, ...configShape(attrs?.Attributes ?? {}) },
  });
}
