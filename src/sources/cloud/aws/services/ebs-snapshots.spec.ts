/** Wire-level tests of the EBS snapshots collector (EC2 query XML, `NextToken` pages, bounded). */
import { afterEach, describe, expect, it } from 'vitest';
import { ec2Error, type FakeAws, startFakeAws } from '../fake-aws.test-helpers.js';
import { ebsSnapshotsCollector, ebsSnapshotsCollectorWith } from './ebs-snapshots.js';
import { fakeContext, SNAP, snapshotArn, storesAccount } from './fake-stores-account.test-helpers.js';

let fake: FakeAws | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const snapshotCalls = (f: FakeAws) =>
  f.calls.filter((c) => c.service === 'ec2').map(({ params: { Version: _, ...rest } }) => rest);

describe('ebsSnapshotsCollector', () => {
  it('collects own snapshots over pages, with their create-volume permissions', async () => {
    fake = await startFakeAws(storesAccount());
    const { ctx, gaps } = fakeContext(fake, { region: 'us-east-1' });
    const out = await ebsSnapshotsCollector.collect(ctx);
    expect(gaps).toEqual([]);
    expect(out.map((r) => [r.type, r.id, r.name])).toEqual([
      ['AWS::EC2::Snapshot', snapshotArn(SNAP.shared), 'ehr-api-1-root'],
      ['AWS::EC2::Snapshot', snapshotArn(SNAP.public), 'worker-1-root'],
    ]);
    const [shared, open] = out;
    expect(shared?.configuration).toMatchObject({
      snapshotId: SNAP.shared,
      volumeId: 'vol-0a1b2c3d4e5f60051',
      encrypted: true,
      state: 'completed',
      startTime: '2024-10-01T04:00:00.000Z',
    });
    expect(shared?.supplementary).toEqual({ createVolumePermissions: [{ userId: '444455556666' }] });
    expect(open?.configuration).toMatchObject({ encrypted: false });
    expect(open?.supplementary).toEqual({ createVolumePermissions: [{ group: 'all' }] });
    expect(snapshotCalls(fake)).toEqual([
      { Action: 'DescribeSnapshots', MaxResults: '1000', 'Owner.1': 'self' },
      {
        Action: 'DescribeSnapshots',
        MaxResults: '1000',
        'Owner.1': 'self',
        NextToken: 'snapshots-page-2',
      },
      {
        Action: 'DescribeSnapshots',
        MaxResults: '1000',
        'Owner.1': 'self',
        'RestorableBy.1': 'all',
      },
      {
        Action: 'DescribeSnapshotAttribute',
        Attribute: 'createVolumePermission',
        SnapshotId: SNAP.shared,
      },
      {
        Action: 'DescribeSnapshotAttribute',
        Attribute: 'createVolumePermission',
        SnapshotId: SNAP.public,
      },
    ]);
  });

  it('never loses a public snapshot to the bound', async () => {
    fake = await startFakeAws(storesAccount());
    const { ctx } = fakeContext(fake, { region: 'us-east-1' });
    const out = await ebsSnapshotsCollectorWith({ maxSnapshots: 1 }).collect(ctx);
    // The own listing stops after its first page; the public listing still brings the public one.
    expect(out.map((r) => r.name)).toEqual(['ehr-api-1-root', 'worker-1-root']);
    expect(fake.calls.filter((c) => c.action === 'DescribeSnapshots' && c.params.NextToken)).toEqual([]);
  });

  it('records denied reads as ec2 gaps', async () => {
    fake = await startFakeAws(
      storesAccount((call) =>
        call.action === 'DescribeSnapshotAttribute' && call.params.SnapshotId === SNAP.public
          ? ec2Error('UnauthorizedOperation', 'You are not authorized to perform this operation.', 403)
          : undefined,
      ),
    );
    const { ctx, gaps } = fakeContext(fake, { region: 'us-east-1' });
    const out = await ebsSnapshotsCollector.collect(ctx);
    expect(out[1]?.supplementary).toEqual({});
    expect(gaps.map((g) => [g.service, g.reason])).toEqual([
      ['ec2', 'DescribeSnapshotAttribute: UnauthorizedOperation'],
    ]);
    await fake.close();

    fake = await startFakeAws(
      storesAccount((call) =>
        call.action === 'DescribeSnapshots'
          ? ec2Error('UnauthorizedOperation', 'You are not authorized to perform this operation.', 403)
          : undefined,
      ),
    );
    const denied = fakeContext(fake, { region: 'us-east-1' });
    expect(await ebsSnapshotsCollector.collect(denied.ctx)).toEqual([]);
    expect(denied.gaps.map((g) => g.reason)).toEqual(['DescribeSnapshots: UnauthorizedOperation']);
  });
});
