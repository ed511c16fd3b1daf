/**
 * Golden test: the real collectors against the data-store fixture account
 * (fake-stores-account.test-helpers.ts, which also serves the EC2, RDS instance and KMS answers of
 * the other fixtures), then every data-store and backup check over the snapshot. Exactly the
 * seeded misconfigurations listed in that file's header come out as `fail`, and nothing else
 * fails, errs or asks for a person.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CloudResource, CloudSnapshot, CollectionGap } from '../../../core/cloud.js';
import { type FakeAws, startFakeAws } from '../../../sources/cloud/aws/fake-aws.test-helpers.js';
import { backupCollector } from '../../../sources/cloud/aws/services/backup.js';
import { dynamodbCollector } from '../../../sources/cloud/aws/services/dynamodb.js';
import { ebsSnapshotsCollector } from '../../../sources/cloud/aws/services/ebs-snapshots.js';
import { ec2Collector } from '../../../sources/cloud/aws/services/ec2.js';
import { efsCollector } from '../../../sources/cloud/aws/services/efs.js';
import {
  ACCOUNT,
  clusterArn,
  dbSnapshotArn,
  FS,
  fakeContext,
  fsArn,
  PLAN,
  planArn,
  SNAP,
  snapshotArn,
  storesAccount,
  tableArn,
  UNENCRYPTED_POINT,
  vaultArn,
} from '../../../sources/cloud/aws/services/fake-stores-account.test-helpers.js';
import { kmsCollector } from '../../../sources/cloud/aws/services/kms.js';
import { rdsCollector } from '../../../sources/cloud/aws/services/rds.js';
import { rdsSnapshotsCollector } from '../../../sources/cloud/aws/services/rds-snapshots.js';
import type { CheckResult } from '../../check.js';
import { DEFAULT_PARAMS } from '../../params.js';
import { AWS_STORES_CHECKS } from './stores.js';

let fake: FakeAws;
let results: CheckResult[];

beforeAll(async () => {
  fake = await startFakeAws(storesAccount());
  const resources: CloudResource[] = [];
  const gaps: CollectionGap[] = [];
  for (const collector of [
    ec2Collector,
    rdsCollector,
    kmsCollector,
    dynamodbCollector,
    efsCollector,
    backupCollector,
    rdsSnapshotsCollector,
    ebsSnapshotsCollector,
  ]) {
    const { ctx, gaps: g } = fakeContext(fake, { region: 'us-east-1' });
    resources.push(...(await collector.collect(ctx)));
    gaps.push(...g);
  }
  expect(gaps).toEqual([]);
  const snapshot: CloudSnapshot = {
    provider: 'aws',
    collectedAt: '2025-01-07T09:00:00Z',
    accounts: [ACCOUNT],
    regions: ['us-east-1'],
    resources,
    gaps,
  };
  results = AWS_STORES_CHECKS.flatMap((c) => c.evaluate(snapshot, DEFAULT_PARAMS));
});
afterAll(async () => {
  await fake.close();
});

const SEEDED: [string, string][] = [
  ['dynamodb-pitr-enabled', tableArn('pw-sessions')],
  ['dynamodb-kms-cmk-phi', tableArn('pw-claims')],
  ['dynamodb-in-backup-plan', tableArn('pw-sessions')],
  ['efs-encrypted', fsArn(FS.scratch)],
  ['efs-in-backup-plan', fsArn(FS.scratch)],
  ['backup-plan-min-frequency-and-retention', planArn(PLAN.legacy)],
  ['backup-recovery-point-encrypted', UNENCRYPTED_POINT],
  ['backup-recovery-point-manual-deletion-disabled', vaultArn('Default')],
  ['rds-snapshot-public', dbSnapshotArn('ehr-db-before-upgrade')],
  ['rds-snapshot-encrypted', dbSnapshotArn('ehr-db-before-upgrade')],
  ['rds-cluster-deletion-protection', clusterArn('analytics-aurora')],
  ['rds-cluster-multi-az', clusterArn('analytics-aurora')],
  ['aurora-resources-protected-by-backup-plan', clusterArn('analytics-aurora')],
  ['rds-in-backup-plan', `arn:aws:rds:us-east-1:${ACCOUNT}:db:reports-db`],
  ['ec2-resources-protected-by-backup-plan', `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-0a1b2c3d4e5f60002`],
  ['ebs-in-backup-plan', `arn:aws:ec2:us-east-1:${ACCOUNT}:volume/vol-0a1b2c3d4e5f60052`],
  ['ebs-snapshot-public', snapshotArn(SNAP.public)],
];

describe('data-store and backup checks over the fixture account', () => {
  it('fails exactly the seeded misconfigurations, one per check', () => {
    const failed = results.filter((r) => r.status === 'fail').map((r) => [r.checkId, r.resourceId]);
    expect(failed.sort()).toEqual([...SEEDED].sort());
    expect(new Set(SEEDED.map(([id]) => id))).toEqual(new Set(AWS_STORES_CHECKS.map((c) => c.id)));
  });

  it('passes everything else, with no error or manual result', () => {
    expect(results.filter((r) => r.status === 'error' || r.status === 'manual')).toEqual([]);
    const passed = results.filter((r) => r.status === 'pass').map((r) => `${r.checkId} ${r.resourceId}`);
    expect(passed).toEqual(
      expect.arrayContaining([
        `dynamodb-kms-cmk-phi ${tableArn('pw-patients')}`,
        `dynamodb-in-backup-plan ${tableArn('pw-audit-2025')}`,
        `efs-in-backup-plan ${fsArn(FS.homeDirs)}`,
        `efs-in-backup-plan ${fsArn(FS.ehrImages)}`,
        `backup-plan-min-frequency-and-retention ${planArn(PLAN.phiDaily)}`,
        `backup-recovery-point-manual-deletion-disabled ${vaultArn('phi-vault')}`,
        `aurora-resources-protected-by-backup-plan ${clusterArn('ehr-aurora')}`,
        `ebs-in-backup-plan arn:aws:ec2:us-east-1:${ACCOUNT}:volume/vol-0a1b2c3d4e5f60051`,
      ]),
    );
  });

  it('judges the PHI plan against six years and the others against 35 days', () => {
    const plan = (id: string) =>
      results.find(
        (r) => r.checkId === 'backup-plan-min-frequency-and-retention' && r.resourceId === planArn(id),
      );
    expect(plan(PLAN.phiDaily)?.evidence).toMatchObject({ phi: true, minRetentionDays: 2190 });
    expect(plan(PLAN.auditWeekly)?.evidence).toMatchObject({ phi: false, minRetentionDays: 35 });
    expect(plan(PLAN.legacy)?.message).toBe(
      'No rule meets both the frequency and the retention: bimonthly: backups up to 62 days apart (> 30), kept 14 days (< 35).',
    );
  });
});
