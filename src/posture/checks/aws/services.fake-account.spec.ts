/**
 * Golden test: the real security-service collectors (and the ec2 collector, for the VPCs) against
 * their wire-level fixture account (fake-services-account.test-helpers.ts), then every check of
 * AWS_SERVICES_CHECKS over the snapshot. Each seeded misconfiguration listed in that file's header
 * comes out as a `fail`, each compliant seed as a `pass`, and nothing is left unread.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CloudResource, CloudSnapshot, CollectionGap } from '../../../core/cloud.js';
import { type FakeAws, startFakeAws } from '../../../sources/cloud/aws/fake-aws.test-helpers.js';
import { acmCollector } from '../../../sources/cloud/aws/services/acm.js';
import { ec2Collector } from '../../../sources/cloud/aws/services/ec2.js';
import {
  ACCOUNT,
  CERT_EHR,
  CERT_LEGACY,
  COLLECTED_AT,
  DETECTOR,
  fakeContext,
  SECRET_API,
  SECRET_BILLING,
  SECRET_DB,
  servicesAccount,
  TOPIC_ALERTS,
  TOPIC_OPS,
  VPC,
} from '../../../sources/cloud/aws/services/fake-services-account.test-helpers.js';
import { flowLogsCollector } from '../../../sources/cloud/aws/services/flow-logs.js';
import { guarddutyCollector } from '../../../sources/cloud/aws/services/guardduty.js';
import { organizationsCollector } from '../../../sources/cloud/aws/services/organizations.js';
import { secretsmanagerCollector } from '../../../sources/cloud/aws/services/secretsmanager.js';
import { snsCollector } from '../../../sources/cloud/aws/services/sns.js';
import type { CheckResult } from '../../check.js';
import { DEFAULT_PARAMS } from '../../params.js';
import { AWS_SERVICES_CHECKS } from './services.js';

let fake: FakeAws;
let results: CheckResult[];

beforeAll(async () => {
  fake = await startFakeAws(servicesAccount());
  const resources: CloudResource[] = [];
  const gaps: CollectionGap[] = [];
  const regional = [
    guarddutyCollector,
    secretsmanagerCollector,
    acmCollector,
    snsCollector,
    ec2Collector,
    flowLogsCollector,
  ];
  const units = [
    ...['us-east-1', 'eu-west-1'].flatMap((region) => regional.map((c) => [c, region] as const)),
    [organizationsCollector, 'global'] as const,
  ];
  for (const [collector, region] of units) {
    const { ctx, gaps: g } = fakeContext(fake, { region });
    resources.push(...(await collector.collect(ctx)));
    gaps.push(...g);
  }
  const snapshot: CloudSnapshot = {
    provider: 'aws',
    collectedAt: COLLECTED_AT,
    accounts: [ACCOUNT],
    regions: ['eu-west-1', 'us-east-1'],
    resources,
    gaps,
  };
  expect(gaps).toEqual([]);
  results = AWS_SERVICES_CHECKS.flatMap((c) => c.evaluate(snapshot, DEFAULT_PARAMS));
}, 30_000);
afterAll(async () => {
  await fake.close();
});

const statusOf = (checkId: string, resourceId: string, region?: string) =>
  results
    .filter(
      (r) =>
        r.checkId === checkId && r.resourceId === resourceId && (region === undefined || r.region === region),
    )
    .map((r) => r.status);
const vpcArn = (region: string) => `arn:aws:ec2:${region}:${ACCOUNT}:vpc/${VPC}`;
const detectorArn = `arn:aws:guardduty:us-east-1:${ACCOUNT}:detector/${DETECTOR}`;

describe('security-service checks over the fixture account', () => {
  it.each([
    ['guardduty-enabled', ACCOUNT, 'eu-west-1'],
    ['guardduty-non-archived-findings', detectorArn, undefined],
    ['secretsmanager-rotation-enabled', SECRET_API, undefined],
    ['secretsmanager-rotated-within', SECRET_API, undefined],
    ['secretsmanager-cmk-phi', SECRET_API, undefined],
    ['secretsmanager-scheduled-rotation-success', SECRET_BILLING, undefined],
    ['acm-certificate-expiration', CERT_LEGACY, undefined],
    ['sns-encrypted-kms', TOPIC_OPS, undefined],
    ['vpc-flow-logs-enabled', vpcArn('eu-west-1'), undefined],
    ['scp-encryption-enforced', ACCOUNT, undefined],
  ])('seeded misconfiguration fails: %s on %s', (checkId, resourceId, region) => {
    expect(statusOf(checkId, resourceId, region)).toEqual(['fail']);
  });

  it.each([
    ['guardduty-enabled', ACCOUNT, 'us-east-1'],
    ['secretsmanager-rotation-enabled', SECRET_DB, undefined],
    ['secretsmanager-rotated-within', SECRET_DB, undefined],
    ['secretsmanager-rotated-within', SECRET_BILLING, undefined],
    ['secretsmanager-cmk-phi', SECRET_DB, undefined],
    ['secretsmanager-scheduled-rotation-success', SECRET_DB, undefined],
    ['acm-certificate-expiration', CERT_EHR, undefined],
    ['sns-encrypted-kms', TOPIC_ALERTS, undefined],
    ['vpc-flow-logs-enabled', vpcArn('us-east-1'), undefined],
  ])('compliant seed passes: %s on %s', (checkId, resourceId, region) => {
    expect(statusOf(checkId, resourceId, region)).toEqual(['pass']);
  });

  it('reads everything it judges: no error or manual results', () => {
    expect(results.filter((r) => r.status === 'error' || r.status === 'manual')).toEqual([]);
  });

  it('says which encryption guarantees the SCPs enforce', () => {
    const scp = results.find((r) => r.checkId === 'scp-encryption-enforced');
    expect(scp?.message).toBe('No attached SCP enforces: ebs-volume-encryption');
    expect(scp?.evidence.guarantees).toMatchObject({
      's3-upload-encryption': { enforced: true, enforcedBy: [{ policy: 'deny-unencrypted-writes' }] },
      'rds-storage-encryption': { enforced: true },
      'ebs-volume-encryption': { enforced: false, unattachedPolicies: ['deny-unencrypted-ebs'] },
    });
  });
});
