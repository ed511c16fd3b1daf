/** Wire-level tests of the EFS collector (REST-JSON, `Marker`/`NextMarker` pages). */
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeAws, restJsonError, startFakeAws } from '../fake-aws.test-helpers.js';
import { efsCollector } from './efs.js';
import { FS, fakeContext, fsArn, KEY_PHI_ARN, storesAccount } from './fake-stores-account.test-helpers.js';

let fake: FakeAws | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('efsCollector', () => {
  it('collects file systems over pages with encryption, inline tags and backup policy', async () => {
    fake = await startFakeAws(storesAccount());
    const { ctx, gaps } = fakeContext(fake, { region: 'us-east-1' });
    const out = await efsCollector.collect(ctx);
    expect(gaps).toEqual([]);
    expect(out.map((r) => [r.type, r.id, r.name])).toEqual([
      ['AWS::EFS::FileSystem', fsArn(FS.ehrImages), 'ehr-images'],
      ['AWS::EFS::FileSystem', fsArn(FS.homeDirs), 'home-dirs'],
      ['AWS::EFS::FileSystem', fsArn(FS.scratch), 'scratch'],
    ]);
    const [images, home, scratch] = out;
    expect(images?.tags).toEqual({ Name: 'ehr-images', PHI: 'true' });
    expect(images?.configuration).toMatchObject({
      fileSystemId: FS.ehrImages,
      encrypted: true,
      kmsKeyId: KEY_PHI_ARN,
      lifeCycleState: 'available',
      creationTime: '2023-11-14T22:13:20.000Z',
    });
    expect(images?.supplementary).toEqual({ backupPolicy: { status: 'DISABLED' } });
    expect(home?.supplementary).toEqual({ backupPolicy: { status: 'ENABLED' } });
    // PolicyNotFound is "no backup policy", not an error.
    expect(scratch?.configuration).toMatchObject({ encrypted: false });
    expect(scratch?.configuration).not.toHaveProperty('kmsKeyId');
    expect(scratch?.supplementary).toEqual({ backupPolicy: null });

    expect(fake.calls.map((c) => [c.action, c.params])).toEqual([
      ['GET /2015-02-01/file-systems', { MaxItems: '100' }],
      ['GET /2015-02-01/file-systems', { MaxItems: '100', Marker: 'fs-page-2' }],
      ...Object.values(FS).map((id) => [`GET /2015-02-01/file-systems/${id}/backup-policy`, {}]),
    ]);
  });

  it('records a denied DescribeBackupPolicy as a gap and keeps the file systems', async () => {
    fake = await startFakeAws(
      storesAccount((call) =>
        call.action.endsWith('/backup-policy')
          ? restJsonError(
              'AccessDeniedException',
              'not authorized to perform: elasticfilesystem:DescribeBackupPolicy',
              403,
            )
          : undefined,
      ),
    );
    const { ctx, gaps } = fakeContext(fake, { region: 'us-east-1' });
    const out = await efsCollector.collect(ctx);
    expect(out.map((r) => r.supplementary)).toEqual([{}, {}, {}]);
    expect(gaps.map((g) => [g.service, g.reason])).toEqual([
      ['efs', 'DescribeBackupPolicy: AccessDeniedException'],
      ['efs', 'DescribeBackupPolicy: AccessDeniedException'],
      ['efs', 'DescribeBackupPolicy: AccessDeniedException'],
    ]);
  });

  it('stops with CLOUD_API on an unexpected error', async () => {
    fake = await startFakeAws(
      storesAccount((call) =>
        call.action.endsWith('/backup-policy')
          ? restJsonError('InternalServerError', 'boom', 500)
          : undefined,
      ),
    );
    const { ctx } = fakeContext(fake, { region: 'us-east-1' });
    await expect(efsCollector.collect(ctx)).rejects.toMatchObject({ code: 'CLOUD_API' });
  });
});
