/**
 * CloudWatch Logs collector (regional): `AWS::Logs::LogGroup` per log group. The JSON API is
 * already camel-cased, so `configuration` is DescribeLogGroups' `LogGroup` as returned
 * (`logGroupName`, `kmsKeyId` — absent when the group uses the service's own encryption,
 * `retentionInDays` — absent when events never expire, `logGroupClass`, `dataProtectionStatus`).
 * Tags from ListTagsForResource on the ARN without the trailing `:*` (CloudWatch Logs API
 * Reference, ListTagsForResource; ListTagsLogGroup is deprecated). DescribeLogGroups pages with
 * `nextToken`.
 *
 * `supplementary.sensitiveDataSample` is a sampled scan of the group's recent events for PHI and
 * credentials (log-sample.ts): counts only, never event text. The window ends at the collector's
 * clock (a moment before the snapshot's `collectedAt`) and is stored as its length; the key is
 * missing when FilterLogEvents was denied (a gap), and `null` when the group cannot be sampled:
 * Delivery-class groups (they keep events a day for forwarding to S3 or Firehose and are not
 * read back) and any group FilterLogEvents answers InvalidOperationException for.
 */
import {
  CloudWatchLogsClient,
  ListTagsForResourceCommand,
  type LogGroup,
  paginateDescribeLogGroups,
} from '@aws-sdk/client-cloudwatch-logs';
import { awsConfigShape, type CloudResource } from '../../../../core/cloud.js';
import type { AwsServiceCollector } from '../context.js';
import { type SensitiveDataSample, sampleLogGroup, sampleWindow } from './log-sample.js';

// Delivery-class groups keep events a day for forwarding and are not read back.
const UNSAMPLED_CLASSES = new Set(['DELIVERY']);

/** A group's sample, or `null` when it cannot be sampled (its class, or the API refuses it). */
async function sampleGroup(
  logs: CloudWatchLogsClient,
  group: LogGroup & { logGroupName: string },
  window: { startMs: number; endMs: number },
): Promise<SensitiveDataSample | null> {
  if (UNSAMPLED_CLASSES.has(group.logGroupClass ?? 'STANDARD')) return null;
  try {
    return await sampleLogGroup(logs, group.logGroupName, window);
  } catch (err) {
    // Nothing to sample rather than a failed collection.
    if (err instanceof Error && err.name === 'InvalidOperationException') return null;
    throw err;
  }
}

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
      const window = sampleWindow(ctx.now.getTime());
      const out: CloudResource[] = [];
      // Tag reads are allowed or denied by IAM alone: after one denial (a gap) stop asking.
      let tagsReadable = true;
      // A role denied logs:FilterLogEvents on one group is in practice denied on all: one gap,
      // and the remaining groups are left unsampled rather than each adding the same gap.
      let sampling = true;
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
        const sample = sampling
          ? await ctx.guarded('logs', 'FilterLogEvents', () =>
              sampleGroup(logs, { ...group, logGroupName: name }, window),
            )
          : undefined;
        if (sample === undefined) sampling = false;
        out.push({
          provider: 'aws',
          account: ctx.account,
          region: ctx.region,
          type: 'AWS::Logs::LogGroup',
          id: arn,
          name,
          tags: tagged?.tags ?? {},
          configuration: awsConfigShape(group) as Record<string, unknown>,
          supplementary: sample === undefined ? {} : { sensitiveDataSample: sample },
          source: 'aws-sdk',
        });
      }
      return out;
    } finally {
      logs.destroy();
    }
  },
};
