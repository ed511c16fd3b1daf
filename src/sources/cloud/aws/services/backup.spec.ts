/** Wire-level tests of the AWS Backup collector (REST-JSON, `NextToken` pages, bounded recovery points). */
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeAws, restJsonError, startFakeAws } from '../fake-aws.test-helpers.js';
import { backupCollector, backupCollectorWith } from './backup.js';
import {
  ACCOUNT,
  fakeContext,
  KEY_PHI_ARN,
  PLAN,
  planArn,
  storesAccount,
  UNENCRYPTED_POINT,
  vaultArn,
} from './fake-stores-account.test-helpers.js';

let fake: FakeAws | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('backupCollector', () => {
  it('collects region settings, plans with their selections, vaults with policies and recovery points', async () => {
    fake = await startFakeAws(storesAccount());
    const { ctx, gaps } = fakeContext(fake, { region: 'us-east-1' });
    const out = await backupCollector.collect(ctx);
    expect(gaps).toEqual([]);
    expect(out.map((r) => [r.type, r.name])).toEqual([
      ['AWS::Backup::RegionSettings', 'us-east-1 AWS Backup settings'],
      ['AWS::Backup::BackupPlan', 'phi-daily'],
      ['AWS::Backup::BackupPlan', 'audit-weekly'],
      ['AWS::Backup::BackupPlan', 'legacy-bimonthly'],
      ['AWS::Backup::BackupVault', 'Default'],
      ['AWS::Backup::RecoveryPoint', 'pw-audit-2025'],
      ['AWS::Backup::RecoveryPoint', 'vol-0a1b2c3d4e5f60052'],
      ['AWS::Backup::BackupVault', 'phi-vault'],
      ['AWS::Backup::RecoveryPoint', 'pw-patients'],
      ['AWS::Backup::RecoveryPoint', 'ehr-images'],
    ]);
    const [settings, phiDaily, , legacy, defaultVault, , unencrypted, phiVault] = out;
    expect(settings?.id).toBe(`arn:aws:backup:us-east-1:${ACCOUNT}:region-settings`);
    // Resource type names are data, not member names: kept as AWS spells them.
    expect(settings?.configuration.resourceTypeOptInPreference).toMatchObject({
      DynamoDB: true,
      Neptune: false,
      'Storage Gateway': true,
    });

    expect(phiDaily?.id).toBe(planArn(PLAN.phiDaily));
    expect(phiDaily?.tags).toEqual({ Owner: 'security', PHI: 'true' });
    expect(phiDaily?.configuration).toMatchObject({
      backupPlanId: PLAN.phiDaily,
      backupPlan: {
        backupPlanName: 'phi-daily',
        rules: [
          {
            ruleName: 'daily',
            scheduleExpression: 'cron(0 5 ? * * *)',
            targetBackupVaultName: 'phi-vault',
            lifecycle: { moveToColdStorageAfterDays: 90, deleteAfterDays: 2557 },
            copyActions: [{ lifecycle: { deleteAfterDays: 2557 } }],
          },
        ],
      },
    });
    expect(phiDaily?.supplementary.backupSelections).toEqual([
      expect.objectContaining({
        selectionId: 'sel-01',
        selectionName: 'phi-tagged',
        backupSelection: expect.objectContaining({
          resources: ['*'],
          conditions: expect.objectContaining({
            stringEquals: [{ conditionKey: 'aws:ResourceTag/PHI', conditionValue: 'true' }],
          }),
        }),
      }),
    ]);
    expect(legacy?.supplementary.backupSelections).toEqual([
      expect.objectContaining({
        backupSelection: expect.objectContaining({
          listOfTags: [{ conditionType: 'STRINGEQUALS', conditionKey: 'backup', conditionValue: 'legacy' }],
        }),
      }),
    ]);

    expect(defaultVault?.configuration).toMatchObject({
      backupVaultName: 'Default',
      numberOfRecoveryPoints: 2,
    });
    expect(defaultVault?.supplementary).toEqual({
      accessPolicy: null,
      recoveryPointsListed: 2,
      recoveryPointsTruncated: false,
    });
    expect(phiVault?.id).toBe(vaultArn('phi-vault'));
    expect(phiVault?.configuration).toMatchObject({ encryptionKeyArn: KEY_PHI_ARN, locked: false });
    expect(phiVault?.supplementary.accessPolicy).toMatchObject({
      Statement: [expect.objectContaining({ Effect: 'Deny', Principal: { AWS: '*' } })],
    });
    expect(unencrypted?.id).toBe(UNENCRYPTED_POINT);
    expect(unencrypted?.configuration).toMatchObject({
      resourceType: 'EBS',
      isEncrypted: false,
      status: 'COMPLETED',
      backupVaultName: 'Default',
      creationDate: '2025-01-06T21:46:40.000Z',
    });
    expect(unencrypted?.configuration).not.toHaveProperty('encryptionKeyArn');

    const listings = fake.calls.filter(
      (c) => c.path === '/backup/plans' || c.path.endsWith('/recovery-points'),
    );
    expect(listings.map((c) => [c.path, c.params])).toEqual([
      ['/backup/plans', {}],
      ['/backup/plans', { nextToken: 'plans-page-2' }],
      ['/backup-vaults/Default/recovery-points', { maxResults: '1000' }],
      ['/backup-vaults/Default/recovery-points', { maxResults: '999', nextToken: '1' }],
      ['/backup-vaults/phi-vault/recovery-points', { maxResults: '1000' }],
      ['/backup-vaults/phi-vault/recovery-points', { maxResults: '999', nextToken: '1' }],
    ]);
  });

  it('bounds the recovery points of each vault and says the listing was cut', async () => {
    fake = await startFakeAws(storesAccount());
    const { ctx } = fakeContext(fake, { region: 'us-east-1' });
    const out = await backupCollectorWith({ maxRecoveryPointsPerVault: 1 }).collect(ctx);
    expect(out.filter((r) => r.type === 'AWS::Backup::RecoveryPoint').map((r) => r.name)).toEqual([
      'pw-audit-2025',
      'pw-patients',
    ]);
    expect(out.find((r) => r.name === 'Default')?.supplementary).toMatchObject({
      recoveryPointsListed: 1,
      recoveryPointsTruncated: true,
    });
    expect(fake.calls.filter((c) => c.path.endsWith('/recovery-points')).map((c) => c.params)).toEqual([
      { maxResults: '1' },
      { maxResults: '1' },
    ]);
  });

  it('keeps what it could read when selections, policies and tags are denied, with one gap each', async () => {
    const denied = (op: string) =>
      restJsonError('AccessDeniedException', `User is not authorized to perform: backup:${op}`, 403);
    fake = await startFakeAws(
      storesAccount((call) => {
        if (/\/selections\/[^/]+$/.test(call.path) && call.path.includes(PLAN.phiDaily))
          return denied('GetBackupSelection');
        if (call.path.endsWith('/selections') && call.path.includes(PLAN.legacy))
          return denied('ListBackupSelections');
        if (call.path === `/backup/plans/${PLAN.auditWeekly}`) return denied('GetBackupPlan');
        if (call.path.endsWith('/access-policy')) return denied('GetBackupVaultAccessPolicy');
        if (call.path.startsWith('/tags/')) return denied('ListTags');
        if (call.path === '/account-settings') return denied('DescribeRegionSettings');
        return undefined;
      }),
    );
    const { ctx, gaps } = fakeContext(fake, { region: 'us-east-1' });
    const out = await backupCollector.collect(ctx);
    expect(gaps.map((g) => g.reason)).toEqual([
      'DescribeRegionSettings: AccessDeniedException',
      'GetBackupSelection: AccessDeniedException',
      'ListTags: AccessDeniedException',
      'GetBackupPlan: AccessDeniedException',
      'ListBackupSelections: AccessDeniedException',
      'GetBackupVaultAccessPolicy: AccessDeniedException',
      'GetBackupVaultAccessPolicy: AccessDeniedException',
    ]);
    expect(out.some((r) => r.type === 'AWS::Backup::RegionSettings')).toBe(false);
    const [phiDaily, audit, legacy] = out.filter((r) => r.type === 'AWS::Backup::BackupPlan');
    expect(phiDaily?.supplementary.backupSelections).toEqual([
      expect.not.objectContaining({ backupSelection: expect.anything() }),
    ]);
    expect(audit?.configuration).toEqual(
      expect.objectContaining({ backupPlanName: 'audit-weekly', backupPlanId: PLAN.auditWeekly }),
    );
    expect(audit?.configuration).not.toHaveProperty('backupPlan');
    expect(legacy?.supplementary).toEqual({});
    expect(out.find((r) => r.name === 'Default')?.supplementary).not.toHaveProperty('accessPolicy');
    // ListTags is asked once: after the denial no tags are read.
    expect(fake.calls.filter((c) => c.path.startsWith('/tags/'))).toHaveLength(1);
  });
});
