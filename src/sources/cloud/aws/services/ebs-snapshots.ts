/**
 * EBS snapshots collector (regional; Amazon EC2 API Reference, query XML). It reports its gaps
 * under the service `ec2`, like the EC2 collector.
 *
 * `AWS::EC2::Snapshot` is NOT an AWS Config resource type: Config records no EBS snapshots (its
 * EBS_SNAPSHOT_PUBLIC_RESTORABLE_CHECK rule asks EC2 directly). We name it in Config's style so
 * snapshots sit in the snapshot beside everything else. Id: `arn:…:ec2:<region>:<account>:snapshot/<id>`.
 *
 * - `configuration` is DescribeSnapshots' `Snapshot` camel-cased (`snapshotId`, `volumeId`,
 *   `encrypted`, `kmsKeyId`, `ownerId`, `startTime`, `state`, `storageTier`, `tags`).
 * - `supplementary.createVolumePermissions` is DescribeSnapshotAttribute(createVolumePermission):
 *   `[{group: 'all'}]` makes the snapshot public, `[{userId}]` shares it with an account. It is
 *   missing when the call was denied.
 *
 * Only snapshots the account owns (`OwnerIds=self`) are read, at most `maxSnapshots` of them: an
 * account snapshotting every volume daily holds tens of thousands, and each needs one attribute
 * call. The public ones are listed separately (`RestorableByUserIds=all`, "all for public
 * snapshots" in DescribeSnapshots) and always included, so the bound can only leave out private
 * snapshots and never hides a public one. Both listings page with `NextToken`.
 */
import {
  DescribeSnapshotAttributeCommand,
  type DescribeSnapshotsCommandInput,
  EC2Client,
  paginateDescribeSnapshots,
  type Snapshot,
} from '@aws-sdk/client-ec2';
import { awsConfigShape, type CloudResource, tagRecord } from '../../../../core/cloud.js';
import type { AwsContext, AwsServiceCollector } from '../context.js';
import { cloudResource, configShape, regionalArn } from './compute-resource.js';

export const EBS_SNAPSHOT_TYPE = 'AWS::EC2::Snapshot';

/** DescribeSnapshots MaxResults is 5–1000. */
const PAGE = 1000;

export interface EbsSnapshotsOptions {
  /** Own snapshots read (besides the public ones, which are always read). */
  maxSnapshots?: number;
}

/** An EBS snapshots collector with its own bound. */
export function ebsSnapshotsCollectorWith(opts: EbsSnapshotsOptions = {}): AwsServiceCollector {
  const max = opts.maxSnapshots ?? 1000;
  return {
    service: 'ec2',
    scope: 'regional',
    async collect(ctx) {
      const ec2 = new EC2Client(ctx.client);
      try {
        const own = await ctx.guarded('ec2', 'DescribeSnapshots', () =>
          listSnapshots(ec2, { OwnerIds: ['self'] }, max),
        );
        if (own === undefined) return [];
        const publicOnes = await ctx.guarded('ec2', 'DescribeSnapshots', () =>
          listSnapshots(ec2, { OwnerIds: ['self'], RestorableByUserIds: ['all'] }, Number.POSITIVE_INFINITY),
        );
        const byId = new Map<string, Snapshot>();
        for (const s of [...own, ...(publicOnes ?? [])]) if (s.SnapshotId) byId.set(s.SnapshotId, s);
        const out: CloudResource[] = [];
        for (const [id, s] of byId) out.push(await snapshotResource(ctx, ec2, id, s));
        return out;
      } finally {
        ec2.destroy();
      }
    },
  };
}

/** Collects the account's EBS snapshots with who may create volumes from them. */
export const ebsSnapshotsCollector: AwsServiceCollector = ebsSnapshotsCollectorWith();

async function listSnapshots(
  ec2: EC2Client,
  input: DescribeSnapshotsCommandInput,
  max: number,
): Promise<Snapshot[]> {
  const out: Snapshot[] = [];
  for await (const page of paginateDescribeSnapshots({ client: ec2, pageSize: PAGE }, input)) {
    out.push(...(page.Snapshots ?? []));
    if (out.length >= max) return out.slice(0, max);
  }
  return out;
}

async function snapshotResource(
  ctx: AwsContext,
  ec2: EC2Client,
  SnapshotId: string,
  s: Snapshot,
): Promise<CloudResource> {
  const attr = await ctx.guarded('ec2', 'DescribeSnapshotAttribute', () =>
    ec2.send(new DescribeSnapshotAttributeCommand({ SnapshotId, Attribute: 'createVolumePermission' })),
  );
  const tags = tagRecord(s.Tags);
  return cloudResource(ctx, {
    type: EBS_SNAPSHOT_TYPE,
    id: regionalArn(ctx, 'ec2', `snapshot/${SnapshotId}`),
    name: tags.Name || SnapshotId,
    tags,
    configuration: configShape(s),
    supplementary:
      attr === undefined
        ? {}
        : { createVolumePermissions: awsConfigShape(attr.CreateVolumePermissions ?? []) },
  });
}
