/**
 * RDS collector (regional): `AWS::RDS::DBInstance` per instance. `configuration` is the
 * DescribeDBInstances `DBInstance` camel-cased as Config does (`dBInstanceIdentifier`,
 * `storageEncrypted`, `kmsKeyId`, `backupRetentionPeriod`, `multiAZ`, `publiclyAccessible`,
 * `autoMinorVersionUpgrade`, `deletionProtection`, `iAMDatabaseAuthenticationEnabled`, `tagList`).
 * `supplementary.pendingMaintenanceActions` holds the instance's DescribePendingMaintenanceActions
 * details (`[]` when none pending; missing when that call was denied).
 *
 * Both calls are paginated by `Marker` (Amazon RDS API Reference, DescribeDBInstances and
 * DescribePendingMaintenanceActions).
 */
import {
  type DBInstance,
  type PendingMaintenanceAction,
  paginateDescribeDBInstances,
  paginateDescribePendingMaintenanceActions,
  RDSClient,
} from '@aws-sdk/client-rds';
import { awsConfigShape, type CloudResource, tagRecord } from '../../../../core/cloud.js';
import type { AwsServiceCollector } from '../context.js';

/** Collects RDS DB instances with their pending maintenance actions. */
export const rdsCollector: AwsServiceCollector = {
  service: 'rds',
  scope: 'regional',
  async collect(ctx) {
    const rds = new RDSClient(ctx.client);
    try {
      const instances = await ctx.guarded('rds', 'DescribeDBInstances', async () => {
        const out: DBInstance[] = [];
        for await (const page of paginateDescribeDBInstances({ client: rds }, {})) {
          out.push(...(page.DBInstances ?? []));
        }
        return out;
      });
      if (instances === undefined || instances.length === 0) return [];
      const pending = await ctx.guarded('rds', 'DescribePendingMaintenanceActions', async () => {
        const byArn = new Map<string, PendingMaintenanceAction[]>();
        for await (const page of paginateDescribePendingMaintenanceActions({ client: rds }, {})) {
          for (const r of page.PendingMaintenanceActions ?? []) {
            if (r.ResourceIdentifier === undefined) continue;
            const list = byArn.get(r.ResourceIdentifier) ?? [];
            list.push(...(r.PendingMaintenanceActionDetails ?? []));
            byArn.set(r.ResourceIdentifier, list);
          }
        }
        return byArn;
      });
      return instances.flatMap((db): CloudResource[] => {
        if (db.DBInstanceArn === undefined) return [];
        const supplementary: Record<string, unknown> = {};
        if (pending !== undefined) {
          supplementary.pendingMaintenanceActions = awsConfigShape(pending.get(db.DBInstanceArn) ?? []);
        }
        return [
          {
            provider: 'aws',
            account: ctx.account,
            region: ctx.region,
            type: 'AWS::RDS::DBInstance',
            id: db.DBInstanceArn,
            name: db.DBInstanceIdentifier ?? db.DBInstanceArn,
            tags: tagRecord(db.TagList),
            configuration: awsConfigShape(db) as Record<string, unknown>,
            supplementary,
            source: 'aws-sdk',
          },
        ];
      });
    } finally {
      rds.destroy();
    }
  },
};
