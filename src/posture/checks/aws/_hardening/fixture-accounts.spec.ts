/**
 * The hardening checks over snapshots the real collectors take of the two fixture accounts of the
 * wire-level tests (sources/cloud/aws/fake-account.test-helpers.ts for EC2/SSM,
 * fake-data-account.test-helpers.ts for S3, IAM, CloudTrail, KMS, RDS and ELBv2), so the
 * checks are known to read the field names and shapes the collectors actually produce.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { CloudResource, CloudSnapshot, CollectionGap } from '../../../../core/cloud.js';
import {
  account,
  fakeContext as computeContext,
} from '../../../../sources/cloud/aws/fake-account.test-helpers.js';
import { type FakeAws, startFakeAws } from '../../../../sources/cloud/aws/fake-aws.test-helpers.js';
import { cloudtrailCollector } from '../../../../sources/cloud/aws/services/cloudtrail.js';
import { ec2Collector } from '../../../../sources/cloud/aws/services/ec2.js';
import { elbv2Collector } from '../../../../sources/cloud/aws/services/elbv2.js';
import {
  ACCOUNT,
  dataAccount,
  fakeContext as dataContext,
} from '../../../../sources/cloud/aws/services/fake-data-account.test-helpers.js';
import { iamCollector } from '../../../../sources/cloud/aws/services/iam.js';
import { kmsCollector } from '../../../../sources/cloud/aws/services/kms.js';
import { rdsCollector } from '../../../../sources/cloud/aws/services/rds.js';
import { s3Collector } from '../../../../sources/cloud/aws/services/s3.js';
import { ssmCollector } from '../../../../sources/cloud/aws/services/ssm.js';
import type { CheckResult } from '../../../check.js';
import { DEFAULT_PARAMS } from '../../../params.js';
import { AWS_HARDENING_CHECKS } from '../hardening.js';

let fake: FakeAws | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const snapshotOf = (
  collectedAt: string,
  resources: CloudResource[],
  gaps: CollectionGap[],
): CloudSnapshot => ({
  provider: 'aws',
  collectedAt,
  accounts: [ACCOUNT],
  regions: ['us-east-1'],
  resources,
  gaps,
});
const verdicts = (results: CheckResult[]) =>
  results.map((r) => `${r.checkId} ${r.resourceId.split(/[:/]/).at(-1)} ${r.status}`).sort();

async function collectData(): Promise<CheckResult[]> {
  fake = await startFakeAws(dataAccount());
  const resources: CloudResource[] = [];
  const gaps: CollectionGap[] = [];
  for (const [collector, region] of [
    [s3Collector, 'global'],
    [iamCollector, 'global'],
    [cloudtrailCollector, 'us-east-1'],
    [kmsCollector, 'us-east-1'],
    [rdsCollector, 'us-east-1'],
    [elbv2Collector, 'us-east-1'],
  ] as const) {
    const { ctx, gaps: g } = dataContext(fake, { region });
    resources.push(...(await collector.collect(ctx)));
    gaps.push(...g);
  }
  expect(gaps).toEqual([]);
  // Collected two months after alice last used her key and password (2025-01-04/05).
  const snapshot = snapshotOf('2025-03-01T00:00:00Z', resources, gaps);
  return AWS_HARDENING_CHECKS.flatMap((c) => c.evaluate(snapshot, DEFAULT_PARAMS));
}

describe('hardening checks on the fixture accounts', () => {
  it('find the data account’s seeded weaknesses and pass what it configures well', async () => {
    const results = await collectData();
    expect(verdicts(results)).toEqual(
      expect.arrayContaining([
        // ALB ehr-web: access logs, deletion protection and invalid-header dropping off; ACM certificate.
        'elb-access-logging 50dc6c495c0c9188 fail',
        'elb-deletion-protection 50dc6c495c0c9188 fail',
        'elb-drop-invalid-headers 50dc6c495c0c9188 fail',
        'elbv2-acm-certificate 50dc6c495c0c9188 pass',
        // Trail management-events: no CloudWatch Logs, no data events, but write management events.
        'cloudtrail-cloudwatch-logs management-events fail',
        'cloudtrail-s3-data-events 111122223333 fail',
        'cloudtrail-bedrock-logging 111122223333 pass',
        // RDS ehr-db: no minor upgrades, deletion protection, IAM auth or log exports.
        'rds-auto-minor-version-upgrade ehr-db fail',
        'rds-deletion-protection ehr-db fail',
        'rds-iam-authentication ehr-db fail',
        'rds-cloudwatch-logs-export ehr-db fail',
        // IAM: alice's inline policy and attached ReadOnlyAccess, no MFA; root without MFA.
        'iam-no-inline-policy alice fail',
        'iam-no-inline-policy ehr-app-role fail',
        'iam-user-no-direct-policies alice fail',
        'iam-user-mfa-enabled alice fail',
        'iam-user-mfa-enabled bob pass',
        'iam-user-access-key-unused alice pass',
        'iam-user-console-unused alice pass',
        'iam-root-hardware-mfa root fail',
        'iam-group-has-users clinicians pass',
        'iam-policy-no-admin-access ReadOnlyAccess pass',
        'iam-policy-no-full-service-access phi-readers pass',
        'iam-customer-policy-blocked-kms-actions phi-readers pass',
        'kms-key-not-pending-deletion 1234abcd-12ab-34cd-56ef-1234567890ab pass',
        // S3: the PHI bucket has no KMS default and no TLS-only policy; the other is versioned without lifecycle.
        's3-bucket-default-encryption-kms pw-phi-records fail',
        's3-bucket-default-encryption-kms pw-blocked-public pass',
        's3-bucket-ssl-requests-only pw-phi-records fail',
        's3-version-lifecycle-policy pw-blocked-public fail',
      ]),
    );
    // Enhanced monitoring is off (MonitoringInterval 0) on both instances; nothing is undecided.
    expect(verdicts(results.filter((r) => r.checkId === 'rds-enhanced-monitoring'))).toEqual([
      'rds-enhanced-monitoring ehr-db fail',
      'rds-enhanced-monitoring reports-db fail',
    ]);
    expect(results.filter((r) => r.status === 'error')).toEqual([]);
  });

  it('find the compute account’s seeded weaknesses', async () => {
    fake = await startFakeAws(account());
    const { ctx, gaps } = computeContext(fake);
    const resources: CloudResource[] = [];
    for (const c of [ec2Collector, ssmCollector]) resources.push(...(await c.collect(ctx)));
    expect(gaps).toEqual([]);
    const snapshot = snapshotOf('2026-06-01T00:00:00Z', resources, gaps);
    // Trails were not collected here, so the account-level CloudTrail checks are left out.
    const results = AWS_HARDENING_CHECKS.filter((c) => c.resourceType !== 'AWS::::Account').flatMap((c) =>
      c.evaluate(snapshot, DEFAULT_PARAMS),
    );
    expect(verdicts(results)).toEqual(
      expect.arrayContaining([
        'ec2-instance-no-public-ip i-0a1b2c3d4e5f60001 fail', // seed 3: ehr-api-1's public address
        'ec2-instance-no-public-ip i-0a1b2c3d4e5f60002 pass',
        'ec2-instance-profile-attached i-0a1b2c3d4e5f60001 fail',
        'ec2-instance-in-vpc i-0a1b2c3d4e5f60001 pass',
        'ec2-instance-managed-by-ssm i-0a1b2c3d4e5f60001 pass',
        'ec2-stopped-instance i-0a1b2c3d4e5f60002 pass',
        'subnet-auto-assign-public-ip subnet-0a1b2c3d4e5f60011 fail', // seed 3: the public subnet
        'subnet-auto-assign-public-ip subnet-0a1b2c3d4e5f60012 pass',
        'route-table-no-igw-default-route rtb-0a1b2c3d4e5f60022 fail',
        'route-table-no-igw-default-route rtb-0a1b2c3d4e5f60021 pass',
        'ssm-patch-compliance-status i-0a1b2c3d4e5f60001 fail',
      ]),
    );
    expect(results.filter((r) => r.status === 'error')).toEqual([]);
  });
});
