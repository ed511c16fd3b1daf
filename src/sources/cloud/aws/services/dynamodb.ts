/**
 * DynamoDB collector (regional): `AWS::DynamoDB::Table` per table (Amazon DynamoDB API Reference,
 * JSON 1.0: ListTables, DescribeTable, DescribeContinuousBackups, ListTagsOfResource).
 *
 * - `configuration` is DescribeTable's `Table` camel-cased as Config does (`tableName`, `tableArn`,
 *   `tableStatus`, `deletionProtectionEnabled`, `billingModeSummary`, `sSEDescription` with
 *   `status`, `sSEType`, `kMSMasterKeyArn`). `sSEDescription` is absent when the table is encrypted
 *   with the AWS owned key, DynamoDB's default. A table whose DescribeTable was denied keeps
 *   `{tableName, tableArn}` from the listing.
 * - `supplementary.ContinuousBackupsDescription` is DescribeContinuousBackups' answer under
 *   Config's own key (Config rules read
 *   `supplementaryConfiguration.ContinuousBackupsDescription.pointInTimeRecoveryDescription.pointInTimeRecoveryStatus`).
 *   It is missing when the call was denied.
 * - Tags come from ListTagsOfResource. Tag reads are allowed or denied by IAM alone, so after one
 *   denial (a gap) they are not asked for again. The posture checks then treat every table's tags
 *   in the region as unread.
 *
 * ListTables pages with `ExclusiveStartTableName`/`LastEvaluatedTableName`, ListTagsOfResource
 * with `NextToken`.
 */
import {
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTagsOfResourceCommand,
  paginateListTables,
  type Tag,
} from '@aws-sdk/client-dynamodb';
import { type CloudResource, tagRecord } from '../../../../core/cloud.js';
import type { AwsContext, AwsServiceCollector } from '../context.js';
import { allPages, cloudResource, configShape, regionalArn } from './compute-resource.js';

export const DYNAMODB_TABLE_TYPE = 'AWS::DynamoDB::Table';

/** Collects DynamoDB tables with point-in-time recovery status and tags. */
export const dynamodbCollector: AwsServiceCollector = {
  service: 'dynamodb',
  scope: 'regional',
  async collect(ctx) {
    const ddb = new DynamoDBClient(ctx.client);
    try {
      // ListTables Limit 1–100.
      const names = await ctx.guarded('dynamodb', 'ListTables', () =>
        allPages(paginateListTables({ client: ddb, pageSize: 100 }, {}), (p) => p.TableNames),
      );
      const out: CloudResource[] = [];
      const tags = { readable: true };
      for (const name of names ?? []) out.push(await collectTable(ctx, ddb, name, tags));
      return out;
    } finally {
      ddb.destroy();
    }
  },
};

async function collectTable(
  ctx: AwsContext,
  ddb: DynamoDBClient,
  TableName: string,
  tags: { readable: boolean },
): Promise<CloudResource> {
  const described = await ctx.guarded('dynamodb', 'DescribeTable', () =>
    ddb.send(new DescribeTableCommand({ TableName })),
  );
  const table = described?.Table;
  const arn = table?.TableArn ?? regionalArn(ctx, 'dynamodb', `table/${TableName}`);
  const supplementary: Record<string, unknown> = {};
  const backups = await ctx.guarded('dynamodb', 'DescribeContinuousBackups', () =>
    ddb.send(new DescribeContinuousBackupsCommand({ TableName })),
  );
  if (backups !== undefined) {
    supplementary.ContinuousBackupsDescription = configShape(backups.ContinuousBackupsDescription ?? {});
  }
  const listed = tags.readable ? await tableTags(ctx, ddb, arn) : undefined;
  if (listed === undefined) tags.readable = false;
  return cloudResource(ctx, {
    type: DYNAMODB_TABLE_TYPE,
    id: arn,
    name: TableName,
    tags: tagRecord(listed ?? []),
    configuration: table ? configShape(table) : { tableName: TableName, tableArn: arn },
    supplementary,
  });
}

// ListTagsOfResource has no SDK paginator: it pages with NextToken (DynamoDB API Reference).
function tableTags(ctx: AwsContext, ddb: DynamoDBClient, ResourceArn: string): Promise<Tag[] | undefined> {
  return ctx.guarded('dynamodb', 'ListTagsOfResource', async () => {
    const out: Tag[] = [];
    let NextToken: string | undefined;
    do {
      const page = await ddb.send(
        new ListTagsOfResourceCommand({ ResourceArn, ...(NextToken !== undefined && { NextToken }) }),
      );
      out.push(...(page.Tags ?? []));
      NextToken = page.NextToken || undefined;
    } while (NextToken !== undefined);
    return out;
  });
}
