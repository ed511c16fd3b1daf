/** Wire-level tests of the RDS snapshots and clusters collector (query XML, `Marker` pages). */
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeAws, queryError, startFakeAws } from '../fake-aws.test-helpers.js';
import {
  clusterArn,
  clusterSnapshotArn,
  dbSnapshotArn,
  fakeContext,
  storesAccount,
} from './fake-stores-account.test-helpers.js';
import { rdsSnapshotsCollector } from './rds-snapshots.js';

let fake: FakeAws | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('rdsSnapshotsCollector', () => {
  it('collects manual DB and cluster snapshots with their restore sharing, and RDS clusters', async () => {
    fake = await startFakeAws(storesAccount());
    const { ctx, gaps } = fakeContext(fake, { region: 'us-east-1' });
    const out = await rdsSnapshotsCollector.collect(ctx);
    expect(gaps).toEqual([]);
    expect(out.map((r) => [r.type, r.id])).toEqual([
      ['AWS::RDS::DBSnapshot', dbSnapshotArn('ehr-db-before-upgrade')],
      ['AWS::RDS::DBSnapshot', dbSnapshotArn('reports-db-2024-12')],
      ['AWS::RDS::DBClusterSnapshot', clusterSnapshotArn('ehr-aurora-pre-migration')],
      ['AWS::RDS::DBCluster', clusterArn('ehr-aurora')],
      ['AWS::RDS::DBCluster', clusterArn('analytics-aurora')],
    ]);
    const [ehr, reports, clusterSnap, aurora, analytics] = out;
    expect(ehr?.tags).toEqual({ PHI: 'true' });
    expect(ehr?.configuration).toMatchObject({
      dBSnapshotIdentifier: 'ehr-db-before-upgrade',
      dBInstanceIdentifier: 'ehr-db',
      snapshotType: 'manual',
      encrypted: false,
      snapshotCreateTime: '2024-12-01T03:00:00.000Z',
    });
    expect(ehr?.supplementary).toEqual({
      DBSnapshotAttributes: [{ attributeName: 'restore', attributeValues: ['all'] }],
    });
    expect(reports?.supplementary).toEqual({
      DBSnapshotAttributes: [{ attributeName: 'restore', attributeValues: ['444455556666'] }],
    });
    expect(clusterSnap?.configuration).toMatchObject({
      storageEncrypted: true,
      dBClusterIdentifier: 'ehr-aurora',
    });
    expect(clusterSnap?.supplementary).toEqual({
      DBClusterSnapshotAttributes: [{ attributeName: 'restore', attributeValues: [] }],
    });
    expect(aurora?.configuration).toMatchObject({
      engine: 'aurora-postgresql',
      deletionProtection: true,
      multiAZ: true,
      dBClusterMembers: [{ dBInstanceIdentifier: 'ehr-aurora-1', isClusterWriter: true }],
    });
    expect(analytics?.tags).toEqual({ Owner: 'analytics' });
    expect(analytics?.configuration).toMatchObject({ deletionProtection: false, multiAZ: false });

    expect(fake.calls.map((c) => c.params)).toEqual([
      { Action: 'DescribeDBSnapshots', Version: '2014-10-31', SnapshotType: 'manual', MaxRecords: '100' },
      {
        Action: 'DescribeDBSnapshots',
        Version: '2014-10-31',
        SnapshotType: 'manual',
        MaxRecords: '100',
        Marker: 'snapshots-page-2',
      },
      {
        Action: 'DescribeDBSnapshotAttributes',
        Version: '2014-10-31',
        DBSnapshotIdentifier: 'ehr-db-before-upgrade',
      },
      {
        Action: 'DescribeDBSnapshotAttributes',
        Version: '2014-10-31',
        DBSnapshotIdentifier: 'reports-db-2024-12',
      },
      {
        Action: 'DescribeDBClusterSnapshots',
        Version: '2014-10-31',
        SnapshotType: 'manual',
        MaxRecords: '100',
      },
      // The Neptune snapshot is not read further: it belongs to another service.
      {
        Action: 'DescribeDBClusterSnapshotAttributes',
        Version: '2014-10-31',
        DBClusterSnapshotIdentifier: 'ehr-aurora-pre-migration',
      },
      { Action: 'DescribeDBClusters', Version: '2014-10-31', MaxRecords: '100' },
    ]);
  });

  it('records denied attribute reads under the rds service and keeps the snapshots', async () => {
    fake = await startFakeAws(
      storesAccount((call) =>
        call.action === 'DescribeDBSnapshotAttributes'
          ? queryError(
              'AccessDenied',
              'User is not authorized to perform: rds:DescribeDBSnapshotAttributes',
              403,
            )
          : undefined,
      ),
    );
    const { ctx, gaps } = fakeContext(fake, { region: 'us-east-1' });
    const out = await rdsSnapshotsCollector.collect(ctx);
    expect(out).toHaveLength(5);
    expect(out[0]?.supplementary).toEqual({});
    expect(gaps.map((g) => [g.service, g.reason])).toEqual([
      ['rds', 'DescribeDBSnapshotAttributes: AccessDenied'],
      ['rds', 'DescribeDBSnapshotAttributes: AccessDenied'],
    ]);
  });
});
