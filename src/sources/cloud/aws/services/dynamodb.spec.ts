/** Wire-level tests of the DynamoDB collector (JSON 1.0, `ExclusiveStartTableName` and `NextToken` pages). */
import { afterEach, describe, expect, it } from 'vitest';
import { isAppError } from '../../../../core/errors.js';
import { type FakeAws, jsonError, startFakeAws } from '../fake-aws.test-helpers.js';
import { dynamodbCollector } from './dynamodb.js';
import {
  fakeContext,
  KEY_PHI_ARN,
  storesAccount,
  TABLES,
  tableArn,
} from './fake-stores-account.test-helpers.js';

let fake: FakeAws | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('dynamodbCollector', () => {
  it('collects every table with encryption, point-in-time recovery and tags over all pages', async () => {
    fake = await startFakeAws(storesAccount());
    const { ctx, gaps } = fakeContext(fake, { region: 'us-east-1' });
    const out = await dynamodbCollector.collect(ctx);
    expect(gaps).toEqual([]);
    expect(out.map((r) => [r.type, r.id, r.name])).toEqual(
      TABLES.map((t) => ['AWS::DynamoDB::Table', tableArn(t), t]),
    );
    const byName = new Map(out.map((r) => [r.name, r]));
    const patients = byName.get('pw-patients');
    expect(patients?.tags).toEqual({ PHI: 'true', Owner: 'ehr', DataClassification: 'ePHI' });
    expect(patients?.configuration).toMatchObject({
      tableName: 'pw-patients',
      tableStatus: 'ACTIVE',
      deletionProtectionEnabled: true,
      creationDateTime: '2024-01-01T00:00:00.123Z',
      sSEDescription: { status: 'ENABLED', sSEType: 'KMS', kMSMasterKeyArn: KEY_PHI_ARN },
    });
    expect(patients?.supplementary.ContinuousBackupsDescription).toMatchObject({
      continuousBackupsStatus: 'ENABLED',
      pointInTimeRecoveryDescription: { pointInTimeRecoveryStatus: 'ENABLED', recoveryPeriodInDays: 35 },
    });
    // The AWS owned key: DescribeTable has no SSEDescription.
    expect(byName.get('pw-claims')?.configuration).not.toHaveProperty('sSEDescription');
    expect(byName.get('pw-sessions')?.supplementary).toEqual({
      ContinuousBackupsDescription: {
        continuousBackupsStatus: 'ENABLED',
        pointInTimeRecoveryDescription: { pointInTimeRecoveryStatus: 'DISABLED' },
      },
    });

    const sent = fake.calls.map((c) => [c.headers['x-amz-target'], c.params]);
    expect(sent.filter(([t]) => t === 'DynamoDB_20120810.ListTables')).toEqual([
      ['DynamoDB_20120810.ListTables', { Limit: 100 }],
      ['DynamoDB_20120810.ListTables', { Limit: 100, ExclusiveStartTableName: 'pw-claims' }],
    ]);
    expect(sent.filter(([t]) => t === 'DynamoDB_20120810.ListTagsOfResource').slice(2, 4)).toEqual([
      ['DynamoDB_20120810.ListTagsOfResource', { ResourceArn: tableArn('pw-patients') }],
      [
        'DynamoDB_20120810.ListTagsOfResource',
        { ResourceArn: tableArn('pw-patients'), NextToken: 'tags-page-2' },
      ],
    ]);
  });

  it('keeps a table whose DescribeTable and backups are denied, and stops asking for tags after one denial', async () => {
    fake = await startFakeAws(
      storesAccount((call) => {
        if (call.action === 'DescribeTable' && call.params.TableName === 'pw-claims')
          return jsonError('AccessDeniedException', 'not authorized to perform: dynamodb:DescribeTable');
        if (call.action === 'DescribeContinuousBackups' && call.params.TableName === 'pw-claims')
          return jsonError(
            'AccessDeniedException',
            'not authorized to perform: dynamodb:DescribeContinuousBackups',
          );
        if (call.action === 'ListTagsOfResource')
          return jsonError('AccessDeniedException', 'not authorized to perform: dynamodb:ListTagsOfResource');
        return undefined;
      }),
    );
    const { ctx, gaps } = fakeContext(fake, { region: 'us-east-1' });
    const out = await dynamodbCollector.collect(ctx);
    expect(gaps.map((g) => [g.service, g.reason])).toEqual([
      ['dynamodb', 'ListTagsOfResource: AccessDeniedException'],
      ['dynamodb', 'DescribeTable: AccessDeniedException'],
      ['dynamodb', 'DescribeContinuousBackups: AccessDeniedException'],
    ]);
    const claims = out.find((r) => r.name === 'pw-claims');
    expect(claims?.configuration).toEqual({ tableName: 'pw-claims', tableArn: tableArn('pw-claims') });
    expect(claims?.supplementary).toEqual({});
    expect(out.every((r) => Object.keys(r.tags).length === 0)).toBe(true);
    expect(fake.calls.filter((c) => c.action === 'ListTagsOfResource')).toHaveLength(1);
  });

  it('stops with CLOUD_CREDENTIALS on an expired token', async () => {
    fake = await startFakeAws(
      storesAccount(() => jsonError('ExpiredTokenException', 'The security token is expired')),
    );
    const { ctx } = fakeContext(fake, { region: 'us-east-1' });
    const err = await dynamodbCollector.collect(ctx).catch((e: unknown) => e);
    expect(isAppError(err) && err.code).toBe('CLOUD_CREDENTIALS');
  });
});
