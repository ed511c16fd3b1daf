/**
 * CloudTrail collector (regional): `AWS::CloudTrail::Trail` per trail whose home region is this
 * region. DescribeTrails is called with `includeShadowTrails: false` (CloudTrail API Reference,
 * DescribeTrails): a multi-region trail appears only in its home region, so each trail is
 * returned once per account and `configuration.homeRegion` says where it lives. If an
 * orchestrator ever calls with shadow trails, deduplicating by `trailARN` is its job.
 *
 * `configuration` is the `Trail` camel-cased (`isMultiRegionTrail`, `logFileValidationEnabled`,
 * `kmsKeyId`, `s3BucketName`, `cloudWatchLogsLogGroupArn`, `isOrganizationTrail`, …) plus
 * `isLogging` from GetTrailStatus. `supplementary.trailStatus` is the whole GetTrailStatus answer,
 * `supplementary.eventSelectors` GetEventSelectors' `{eventSelectors, advancedEventSelectors}`
 * (data events on S3 are read off these). Tags from ListTags (≤ 20 trail ARNs per call).
 */
import {
  CloudTrailClient,
  DescribeTrailsCommand,
  GetEventSelectorsCommand,
  GetTrailStatusCommand,
  paginateListTags,
  type ResourceTag,
  type Trail,
} from '@aws-sdk/client-cloudtrail';
import { awsConfigShape, type CloudResource, tagRecord } from '../../../../core/cloud.js';
import type { AwsContext, AwsServiceCollector } from '../context.js';

/** Collects the CloudTrail trails homed in the region, with status, selectors and tags. */
export const cloudtrailCollector: AwsServiceCollector = {
  service: 'cloudtrail',
  scope: 'regional',
  async collect(ctx) {
    const ct = new CloudTrailClient(ctx.client);
    try {
      const described = await ctx.guarded('cloudtrail', 'DescribeTrails', () =>
        ct.send(new DescribeTrailsCommand({ includeShadowTrails: false })),
      );
      const trails = (described?.trailList ?? []).filter((t) => t.TrailARN !== undefined);
      if (trails.length === 0) return [];
      const tags = await listTags(
        ctx,
        ct,
        trails.map((t) => t.TrailARN as string),
      );
      const out: CloudResource[] = [];
      for (const trail of trails) out.push(await collectTrail(ctx, ct, trail, tags));
      return out;
    } finally {
      ct.destroy();
    }
  },
};

async function listTags(ctx: AwsContext, ct: CloudTrailClient, arns: string[]) {
  return ctx.guarded('cloudtrail', 'ListTags', async () => {
    const out: ResourceTag[] = [];
    for (let i = 0; i < arns.length; i += 20) {
      const ResourceIdList = arns.slice(i, i + 20);
      for await (const page of paginateListTags({ client: ct }, { ResourceIdList })) {
        out.push(...(page.ResourceTagList ?? []));
      }
    }
    return new Map(out.map((r) => [r.ResourceId ?? '', tagRecord(r.TagsList)]));
  });
}

async function collectTrail(
  ctx: AwsContext,
  ct: CloudTrailClient,
  trail: Trail,
  tags: Map<string, Record<string, string>> | undefined,
): Promise<CloudResource> {
  const arn = trail.TrailARN as string;
  const [status, selectors] = await Promise.all([
    ctx.guarded('cloudtrail', 'GetTrailStatus', () => ct.send(new GetTrailStatusCommand({ Name: arn }))),
    ctx.guarded('cloudtrail', 'GetEventSelectors', () =>
      ct.send(new GetEventSelectorsCommand({ TrailName: arn })),
    ),
  ]);
  const configuration = awsConfigShape(trail) as Record<string, unknown>;
  const supplementary: Record<string, unknown> = {};
  if (status !== undefined) {
    configuration.isLogging = status.IsLogging ?? false;
    supplementary.trailStatus = awsConfigShape(status);
  }
  if (selectors !== undefined) {
    supplementary.eventSelectors = {
      eventSelectors: awsConfigShape(selectors.EventSelectors ?? []),
      advancedEventSelectors: awsConfigShape(selectors.AdvancedEventSelectors ?? []),
    };
  }
  return {
    provider: 'aws',
    account: ctx.account,
    region: ctx.region,
    type: 'AWS::CloudTrail::Trail',
    id: arn,
    name: trail.Name ?? arn,
    tags: tags?.get(arn) ?? {},
    configuration,
    supplementary,
    source: 'aws-sdk',
  };
}
