/**
 * RDS snapshots and DB clusters collector (regional; Amazon RDS API Reference, query XML). It
 * reports its gaps under the service `rds`, like the DB instance collector (rds.ts), so one
 * denied RDS permission reads the same to the checks whichever collector met it.
 *
 * - `AWS::RDS::DBSnapshot` (id: snapshot ARN): manual DB snapshots (DescribeDBSnapshots
 *   `SnapshotType=manual`). Automated snapshots cannot be shared and inherit their instance's
 *   encryption, which rds-storage-encrypted already judges. `configuration` is the `DBSnapshot`
 *   camel-cased (`dBSnapshotIdentifier`, `dBInstanceIdentifier`, `encrypted`, `kmsKeyId`,
 *   `snapshotType`, `engine`, `tagList`). `supplementary.DBSnapshotAttributes` is
 *   DescribeDBSnapshotAttributes' list under Config's own key: `[{attributeName: 'restore',
 *   attributeValues: [...]}]`. The value `all` makes the snapshot public; account ids share it
 *   with those accounts. It is missing when the call was denied.
 * - `AWS::RDS::DBClusterSnapshot` (id: cluster snapshot ARN): the same for manual cluster
 *   snapshots (`storageEncrypted`; `supplementary.DBClusterSnapshotAttributes`).
 * - `AWS::RDS::DBCluster` (id: cluster ARN): DescribeDBClusters' `DBCluster` camel-cased
 *   (`dBClusterIdentifier`, `engine`, `engineMode`, `deletionProtection`, `multiAZ`,
 *   `storageEncrypted`, `backupRetentionPeriod`, `dBClusterMembers`, `tagList`). Neptune and
 *   DocumentDB clusters, which the same API also returns, are left out: they are other services.
 *
 * Every listing pages with `Marker`. Manual snapshots are bounded by the RDS quota (100 per
 * region by default), so one attribute call per snapshot stays small.
 */
import {
  type DBClusterSnapshot,
  type DBSnapshot,
  DescribeDBClusterSnapshotAttributesCommand,
  DescribeDBSnapshotAttributesCommand,
  paginateDescribeDBClusterSnapshots,
  paginateDescribeDBClusters,
  paginateDescribeDBSnapshots,
  RDSClient,
} from '@aws-sdk/client-rds';
import { awsConfigShape, type CloudResource, tagRecord } from '../../../../core/cloud.js';
import type { AwsContext, AwsServiceCollector } from '../context.js';
import { allPages, cloudResource, configShape } from './compute-resource.js';

export const DB_SNAPSHOT_TYPE = 'AWS::RDS::DBSnapshot';
export const DB_CLUSTER_SNAPSHOT_TYPE = 'AWS::RDS::DBClusterSnapshot';
export const DB_CLUSTER_TYPE = 'AWS::RDS::DBCluster';

/** Engines DescribeDBClusters returns that belong to other services. */
const OTHER_SERVICES = new Set(['neptune', 'docdb']);

/** Collects manual RDS DB and cluster snapshots (with their sharing) and DB clusters. */
export const rdsSnapshotsCollector: AwsServiceCollector = {
  service: 'rds',
  scope: 'regional',
  async collect(ctx) {
    const rds = new RDSClient(ctx.client);
    try {
      return [
        ...(await dbSnapshots(ctx, rds)),
        ...(await clusterSnapshots(ctx, rds)),
        ...(await clusters(ctx, rds)),
      ];
    } finally {
      rds.destroy();
    }
  },
};

async function dbSnapshots(ctx: AwsContext, rds: RDSClient): Promise<CloudResource[]> {
  // MaxRecords 20–100.
  const found = await ctx.guarded('rds', 'DescribeDBSnapshots', () =>
    allPages(
      paginateDescribeDBSnapshots({ client: rds, pageSize: 100 }, { SnapshotType: 'manual' }),
      (p) => p.DBSnapshots,
    ),
  );
  const out: CloudResource[] = [];
  for (const s of found ?? []) {
    if (s.DBSnapshotArn === undefined || s.DBSnapshotIdentifier === undefined) continue;
    const DBSnapshotIdentifier = s.DBSnapshotIdentifier;
    const attrs = await ctx.guarded('rds', 'DescribeDBSnapshotAttributes', () =>
      rds.send(new DescribeDBSnapshotAttributesCommand({ DBSnapshotIdentifier })),
    );
    out.push(
      snapshotResource(ctx, DB_SNAPSHOT_TYPE, s, s.DBSnapshotArn, DBSnapshotIdentifier, {
        ...(attrs !== undefined && {
          DBSnapshotAttributes: awsConfigShape(attrs.DBSnapshotAttributesResult?.DBSnapshotAttributes ?? []),
        }),
      }),
    );
  }
  return out;
}

async function clusterSnapshots(ctx: AwsContext, rds: RDSClient): Promise<CloudResource[]> {
  const found = await ctx.guarded('rds', 'DescribeDBClusterSnapshots', () =>
    allPages(
      paginateDescribeDBClusterSnapshots({ client: rds, pageSize: 100 }, { SnapshotType: 'manual' }),
      (p) => p.DBClusterSnapshots,
    ),
  );
  const out: CloudResource[] = [];
  for (const s of found ?? []) {
    const id = s.DBClusterSnapshotIdentifier;
    if (s.DBClusterSnapshotArn === undefined || id === undefined) continue;
    if (OTHER_SERVICES.has(s.Engine ?? '')) continue;
    const attrs = await ctx.guarded('rds', 'DescribeDBClusterSnapshotAttributes', () =>
      rds.send(new DescribeDBClusterSnapshotAttributesCommand({ DBClusterSnapshotIdentifier: id })),
    );
    const list = attrs?.DBClusterSnapshotAttributesResult?.DBClusterSnapshotAttributes;
    out.push(
      snapshotResource(ctx, DB_CLUSTER_SNAPSHOT_TYPE, s, s.DBClusterSnapshotArn, id, {
        ...(attrs !== undefined && { DBClusterSnapshotAttributes: awsConfigShape(list ?? []) }),
      }),
    );
  }
  return out;
}

function snapshotResource(
  ctx: AwsContext,
  type: string,
  s: DBSnapshot | DBClusterSnapshot,
  id: string,
  name: string,
  supplementary: Record<string, unknown>,
): CloudResource {
  return cloudResource(ctx, {
    type,
    id,
    name,
    tags: tagRecord(s.TagList),
    configuration: configShape(s),
    supplementary,
  });
}

async function clusters(ctx: AwsContext, rds: RDSClient): Promise<CloudResource[]> {
  const found = await ctx.guarded('rds', 'DescribeDBClusters', () =>
    allPages(paginateDescribeDBClusters({ client: rds, pageSize: 100 }, {}), (p) => p.DBClusters),
  );
  return (found ?? []).flatMap((c) => {
    if (c.DBClusterArn === undefined || OTHER_SERVICES.has(c.Engine ?? '')) return [];
    return [
      cloudResource(ctx, {
        type: DB_CLUSTER_TYPE,
        id: c.DBClusterArn,
        name: c.DBClusterIdentifier ?? c.DBClusterArn,
        tags: tagRecord(c.TagList),
        configuration: configShape(c),
      }),
    ];
  });
}
