/**
 * Golden test: the real S3, Lambda and CloudWatch Logs collectors against the data fixture account
 * (fake-data-account.test-helpers.ts), then every exposure check over the snapshot. Each seeded
 * exposure listed in that file's header must come out as a `fail`, what it configures well as a
 * `pass`, and nothing as an `error`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CloudResource, CloudSnapshot, CollectionGap } from '../../../core/cloud.js';
import { type FakeAws, startFakeAws } from '../../../sources/cloud/aws/fake-aws.test-helpers.js';
import {
  ACCOUNT,
  DATA_FUNCTIONS,
  dataAccount,
  fakeContext,
  LOG_SAMPLE_NOW,
  SYNTHETIC_BEARER,
  SYNTHETIC_SSN,
} from '../../../sources/cloud/aws/services/fake-data-account.test-helpers.js';
import { lambdaCollector } from '../../../sources/cloud/aws/services/lambda.js';
import { logsCollector } from '../../../sources/cloud/aws/services/logs.js';
import { s3Collector } from '../../../sources/cloud/aws/services/s3.js';
import type { CheckResult } from '../../check.js';
import { DEFAULT_PARAMS } from '../../params.js';
import { AWS_EXPOSURE_CHECKS } from './exposure.js';

let fake: FakeAws;
let results: CheckResult[];
let snapshot: CloudSnapshot;

beforeAll(async () => {
  fake = await startFakeAws(dataAccount());
  const resources: CloudResource[] = [];
  const gaps: CollectionGap[] = [];
  for (const [collector, region] of [
    [s3Collector, 'global'],
    [lambdaCollector, 'us-east-1'],
    [logsCollector, 'us-east-1'],
  ] as const) {
    const { ctx, gaps: g } = fakeContext(fake, { region });
    resources.push(...(await collector.collect(ctx)));
    gaps.push(...g);
  }
  snapshot = {
    provider: 'aws',
    collectedAt: new Date(LOG_SAMPLE_NOW).toISOString(),
    accounts: [ACCOUNT],
    regions: ['us-east-1', 'eu-west-1'],
    resources,
    gaps,
  };
  expect(gaps).toEqual([]);
  results = AWS_EXPOSURE_CHECKS.flatMap((c) => c.evaluate(snapshot, DEFAULT_PARAMS));
});
afterAll(async () => {
  await fake.close();
});

const status = (checkId: string, resourceId: string) =>
  results.find((r) => r.checkId === checkId && r.resourceId === resourceId)?.status;
const PHI_BUCKET = 'arn:aws:s3:::pw-phi-records';
const OTHER_BUCKET = 'arn:aws:s3:::pw-blocked-public';
const group = (name: string) => `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:${name}`;

describe('exposure checks over the fixture account', () => {
  it.each([
    ['lambda-public-access-prohibited', DATA_FUNCTIONS.intake.FunctionArn],
    ['lambda-function-url-public', DATA_FUNCTIONS.intake.FunctionArn],
    ['s3-bucket-acl-prohibited', PHI_BUCKET],
    ['s3-bucket-object-lock-phi', PHI_BUCKET],
    ['s3-bucket-replication-phi', PHI_BUCKET],
    ['s3-event-notifications', PHI_BUCKET],
    ['logs-sensitive-data-sampled', group('/ehr/app')],
  ])('%s fails the seeded %s', (checkId, resourceId) => {
    expect(status(checkId, resourceId)).toBe('fail');
  });

  it('passes what the fixture configures well, and errs on nothing', () => {
    expect(status('lambda-public-access-prohibited', DATA_FUNCTIONS.reports.FunctionArn)).toBe('pass');
    expect(status('lambda-public-access-prohibited', DATA_FUNCTIONS.batch.FunctionArn)).toBe('pass');
    expect(status('lambda-function-url-public', DATA_FUNCTIONS.reports.FunctionArn)).toBe('pass');
    expect(status('lambda-function-url-public', DATA_FUNCTIONS.batch.FunctionArn)).toBeUndefined();
    expect(status('s3-bucket-acl-prohibited', OTHER_BUCKET)).toBe('pass');
    expect(status('s3-event-notifications', OTHER_BUCKET)).toBe('pass');
    // Not tagged PHI: the PHI-scoped checks say nothing about it.
    expect(status('s3-bucket-object-lock-phi', OTHER_BUCKET)).toBeUndefined();
    expect(status('logs-sensitive-data-sampled', group('/aws/lambda/intake'))).toBe('manual');
    expect(results.filter((r) => r.status === 'error')).toEqual([]);
  });

  it('stores and reports counts of the seeded SSN and bearer token, never the values', () => {
    const logs = results.find((r) => r.checkId === 'logs-sensitive-data-sampled' && r.status === 'fail');
    expect(logs?.evidence.hits).toEqual({ 'us-ssn': 1, 'bearer-token': 1 });
    for (const text of [JSON.stringify(snapshot), JSON.stringify(results)]) {
      expect(text).not.toContain(SYNTHETIC_SSN);
      expect(text).not.toContain(SYNTHETIC_BEARER);
    }
  });
});
