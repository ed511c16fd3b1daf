/** Wire-level tests of the RDS collector (query protocol, `Marker` pagination). */
import { afterEach, describe, expect, it } from 'vitest';
import { isAppError } from '../../../../core/errors.js';
import { type FakeAws, queryError, startFakeAws } from '../fake-aws.test-helpers.js';
import { ACCOUNT, dataAccount, EHR_DB_ARN, fakeContext } from './fake-data-account.test-helpers.js';
import { rdsCollector } from './rds.js';

let fake: FakeAws | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('rdsCollector', () => {
  it('collects every page of DB instances with their pending maintenance', async () => {
    fake = await startFakeAws(dataAccount());
    const { ctx, gaps } = fakeContext(fake, { region: 'us-east-1' });
    const out = await rdsCollector.collect(ctx);
    expect(gaps).toEqual([]);
    expect(out.map((r) => [r.type, r.id, r.name])).toEqual([
      ['AWS::RDS::DBInstance', EHR_DB_ARN, 'ehr-db'],
      ['AWS::RDS::DBInstance', `arn:aws:rds:us-east-1:${ACCOUNT}:db:reports-db`, 'reports-db'],
    ]);
    const [ehr, reports] = out;
    expect(ehr?.tags).toEqual({ PHI: 'true' });
    expect(ehr?.configuration).toMatchObject({
      dBInstanceIdentifier: 'ehr-db',
      engine: 'postgres',
      engineVersion: '14.7',
      storageEncrypted: false,
      backupRetentionPeriod: 0,
      multiAZ: false,
      publiclyAccessible: false,
      autoMinorVersionUpgrade: false,
      deletionProtection: false,
      iAMDatabaseAuthenticationEnabled: false,
      instanceCreateTime: '2023-06-01T10:00:00.000Z',
      tagList: [{ key: 'PHI', value: 'true' }],
    });
    expect(ehr?.configuration).not.toHaveProperty('kmsKeyId');
    expect(ehr?.supplementary).toEqual({
      pendingMaintenanceActions: [
        {
          action: 'system-update',
          description: 'New Operating System update is available: security fixes',
          autoAppliedAfterDate: '2025-02-01T00:00:00.000Z',
          currentApplyDate: '2025-02-01T00:00:00.000Z',
        },
      ],
    });
    expect(reports?.configuration).toMatchObject({
      storageEncrypted: true,
      multiAZ: true,
      backupRetentionPeriod: 7,
    });
    expect(reports?.supplementary).toEqual({ pendingMaintenanceActions: [] });

    const sent = fake.calls.filter((c) => c.service === 'rds').map((c) => c.params);
    expect(sent).toEqual([
      { Action: 'DescribeDBInstances', Version: '2014-10-31' },
      { Action: 'DescribeDBInstances', Version: '2014-10-31', Marker: 'ehr-db-page-2' },
      { Action: 'DescribePendingMaintenanceActions', Version: '2014-10-31' },
    ]);
  });

  it('keeps the instances when pending maintenance is denied, and records the gap', async () => {
    fake = await startFakeAws(
      dataAccount((call) =>
        call.action === 'DescribePendingMaintenanceActions'
          ? queryError(
              'AccessDenied',
              'User is not authorized to perform: rds:DescribePendingMaintenanceActions',
              403,
            )
          : undefined,
      ),
    );
    const { ctx, gaps } = fakeContext(fake, { region: 'us-east-1' });
    const out = await rdsCollector.collect(ctx);
    expect(out).toHaveLength(2);
    expect(out[0]?.supplementary).toEqual({});
    expect(gaps).toEqual([
      {
        provider: 'aws',
        account: ACCOUNT,
        region: 'us-east-1',
        service: 'rds',
        reason: 'DescribePendingMaintenanceActions: AccessDenied',
      },
    ]);
  });

  it('retries Throttling and then succeeds', async () => {
    let throttled = 0;
    fake = await startFakeAws(
      dataAccount((call) => {
        if (call.action !== 'DescribeDBInstances' || throttled > 0) return undefined;
        throttled += 1;
        return queryError('Throttling', 'Rate exceeded', 400);
      }),
    );
    const { ctx } = fakeContext(fake, { region: 'us-east-1', maxAttempts: 3 });
    expect(await rdsCollector.collect(ctx)).toHaveLength(2);
    expect(throttled).toBe(1);
  });

  it('stops with CLOUD_CREDENTIALS on an expired token', async () => {
    fake = await startFakeAws(
      dataAccount(() =>
        queryError('ExpiredToken', 'The security token included in the request is expired', 403),
      ),
    );
    const { ctx } = fakeContext(fake, { region: 'us-east-1' });
    const err = await rdsCollector.collect(ctx).catch((e: unknown) => e);
    expect(isAppError(err) && err.code).toBe('CLOUD_CREDENTIALS');
  });
});
