/**
 * Golden test: the real collectors against the fixture account of their own wire-level tests
 * (fake-data-account.test-helpers.ts), then every data/identity/logging check over the snapshot.
 * Each seeded misconfiguration listed in that file's header must come out as a `fail`, and the
 * bucket whose public policy is neutralised by its own block must not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CloudResource, CloudSnapshot, CollectionGap } from '../../../core/cloud.js';
import { type FakeAws, startFakeAws } from '../../../sources/cloud/aws/fake-aws.test-helpers.js';
import { cloudtrailCollector } from '../../../sources/cloud/aws/services/cloudtrail.js';
import { elbv2Collector } from '../../../sources/cloud/aws/services/elbv2.js';
import {
  ACCOUNT,
  ALB_ARN,
  dataAccount,
  EHR_DB_ARN,
  fakeContext,
  HTTP_LISTENER,
  HTTPS_LISTENER,
} from '../../../sources/cloud/aws/services/fake-data-account.test-helpers.js';
import { iamCollector } from '../../../sources/cloud/aws/services/iam.js';
import { kmsCollector } from '../../../sources/cloud/aws/services/kms.js';
import { logsCollector } from '../../../sources/cloud/aws/services/logs.js';
import { rdsCollector } from '../../../sources/cloud/aws/services/rds.js';
import { s3Collector } from '../../../sources/cloud/aws/services/s3.js';
import type { CheckResult } from '../../check.js';
import { DEFAULT_PARAMS } from '../../params.js';
import { AWS_DATA_IDENTITY_CHECKS } from './data-identity.js';

let fake: FakeAws;
let results: CheckResult[];

beforeAll(async () => {
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
    [logsCollector, 'us-east-1'],
  ] as const) {
    const { ctx, gaps: g } = fakeContext(fake, { region });
    resources.push(...(await collector.collect(ctx)));
    gaps.push(...g);
  }
  const snapshot: CloudSnapshot = {
    provider: 'aws',
    // Collected a year after the seeded access key's rotation date (2024-01-10).
    collectedAt: '2025-03-01T00:00:00Z',
    accounts: [ACCOUNT],
    regions: ['us-east-1', 'eu-west-1'],
    resources,
    gaps,
  };
  expect(gaps).toEqual([]);
  results = AWS_DATA_IDENTITY_CHECKS.flatMap((c) => c.evaluate(snapshot, DEFAULT_PARAMS));
});
afterAll(async () => {
  await fake.close();
});

const status = (checkId: string, resourceId: string) =>
  results.find((r) => r.checkId === checkId && r.resourceId === resourceId)?.status;

describe('data/identity/logging checks over the fixture account', () => {
  it.each([
    ['s3-bucket-public-phi', 'arn:aws:s3:::pw-phi-records'],
    ['s3-bucket-default-encryption', 'arn:aws:s3:::pw-phi-records'],
    ['s3-bucket-versioning', 'arn:aws:s3:::pw-phi-records'],
    ['s3-bucket-access-logging', 'arn:aws:s3:::pw-phi-records'],
    ['s3-lifecycle-phi-glacier-unencrypted', 'arn:aws:s3:::pw-phi-records'],
    ['s3-account-public-access-block', `arn:aws:s3::${ACCOUNT}:account-public-access-block`],
    ['cloudtrail-multi-region-enabled', ACCOUNT],
    ['cloudtrail-log-file-validation', `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/management-events`],
    ['cloudtrail-kms-encrypted', `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/management-events`],
    ['kms-key-rotation', `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`],
    ['rds-storage-encrypted', EHR_DB_ARN],
    ['rds-backup-retention', EHR_DB_ARN],
    ['rds-multi-az', EHR_DB_ARN],
    ['rds-pending-security-maintenance', EHR_DB_ARN],
    ['iam-password-policy', `arn:aws:iam::${ACCOUNT}:account-password-policy`],
    ['iam-access-key-age', `arn:aws:iam::${ACCOUNT}:user/alice`],
    ['iam-console-user-mfa', `arn:aws:iam::${ACCOUNT}:user/alice`],
    ['iam-root-mfa', `arn:aws:iam::${ACCOUNT}:root`],
    ['iam-root-no-access-keys', `arn:aws:iam::${ACCOUNT}:root`],
    ['iam-role-wildcard-phi', `arn:aws:iam::${ACCOUNT}:role/ehr-app-role`],
    ['elb-tls-min-1-2', HTTPS_LISTENER],
    ['elb-http-redirects-to-https', HTTP_LISTENER],
    ['logs-phi-kms-encrypted', `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/ehr/app`],
    ['logs-phi-retention-6y', `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/ehr/app`],
  ])('%s fails the seeded %s', (checkId, resourceId) => {
    expect(status(checkId, resourceId)).toBe('fail');
  });

  it('does not fail what the fixture configures well', () => {
    expect(status('s3-bucket-public', 'arn:aws:s3:::pw-blocked-public')).toBe('pass');
    expect(status('rds-storage-encrypted', `arn:aws:rds:us-east-1:${ACCOUNT}:db:reports-db`)).toBe('pass');
    expect(status('iam-console-user-mfa', `arn:aws:iam::${ACCOUNT}:user/service/bob`)).toBe('pass');
    expect(results.some((r) => r.resourceId === ALB_ARN)).toBe(false);
    expect(results.filter((r) => r.status === 'error')).toEqual([]);
  });
});
