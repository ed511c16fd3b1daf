/**
 * CloudWatch Logs collector (regional): `AWS::Logs::LogGroup` per log group. The JSON API is
 * already camel-cased, so `configuration` is DescribeLogGroups' `LogGroup` as returned
 * (`logGroupName`, `kmsKeyId` — absent when the group uses the service's own encryption,
 * `retentionInDays` — absent when events never expire, `logGroupClass`, `dataProtectionStatus`).
 * Tags from ListTagsForResource on the ARN without the trailing `:*` (CloudWatch Logs API
 * Reference, ListTagsForResource; ListTagsLogGroup is deprecated). DescribeLogGroups pages with
 * `nextToken`.
 */
import {
  CloudWatchLogsClient,
  ListTagsForResourceCommand,
  type LogGroup,
  paginateDescribeLogGroups,
} from '@aws-sdk/client-cloudwatch-logs';
import { awsConfigShape, type CloudResource } from '../../../../core/cloud.js';
import type { AwsServiceCollector } from '../context.js';

/** Collects CloudWatch Logs log groups with their tags. */
export const logsCollector: AwsServiceCollector = {
  service: 'logs',
  scope: 'regional',
  async collect(ctx) {
    const logs = new CloudWatchLogsClient(ctx.client);
    try {
      const groups = await ctx.guarded('logs', 'DescribeLogGroups', async () => {
        const out: LogGroup[] = [];
        for await (const page of paginateDescribeLogGroups({ client: logs }, {}))
          out.push(...(page.logGroups ?? []));
        return out;
      });
      const out: CloudResource[] = [];
      // Tag reads are allowed or denied by IAM alone: after one denial (a gap) stop asking.
      let tagsReadable = true;
      for (const group of groups ?? []) {
        const name = group.logGroupName;
        if (name === undefined) continue;
        const arn =
          group.logGroupArn ??
          group.arn?.replace(/:\*$/, '') ??
          `arn:${ctx.partition}:logs:${ctx.region}:${ctx.account}:log-group:${name}`;
        const tagged = tagsReadable
          ? await ctx.guarded('logs', 'ListTagsForResource', () =>
              logs.send(new ListTagsForResourceCommand({ resourceArn: arn })),
            )
          : undefined;
        if (tagged === undefined) tagsReadable = false;
        out.push({
          provider: 'aws',
          account: ctx.account,
          region: ctx.region,
          type: 'AWS::Logs::LogGroup',
          id: arn,
          name,
          tags: tagged?.tags ?? {},
          configuration: awsConfigShape(group) as Record<string, unknown>,
          supplementary: {},
          source: 'aws-sdk',
        });
      }
      return out;
    } finally {
      logs.destroy();
    }
  },
};
