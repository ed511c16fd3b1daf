/**
 * The compute/network checks over a snapshot the real collectors take of the fixture account
 * (sources/cloud/aws/fake-account.test-helpers.ts): every seeded misconfiguration it lists for
 * EC2, SSM, Lambda and ECR must come out as a failure, so the checks read the shapes the
 * collectors actually produce, not only the specs' hand-written ones.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { CloudResource } from '../../../../core/cloud.js';
import { account, fakeContext } from '../../../../sources/cloud/aws/fake-account.test-helpers.js';
import { type FakeAws, startFakeAws } from '../../../../sources/cloud/aws/fake-aws.test-helpers.js';
import { ec2Collector } from '../../../../sources/cloud/aws/services/ec2.js';
import { ecrCollector } from '../../../../sources/cloud/aws/services/ecr.js';
import { lambdaCollector } from '../../../../sources/cloud/aws/services/lambda.js';
import { ssmCollector } from '../../../../sources/cloud/aws/services/ssm.js';
import type { CheckResult } from '../../../check.js';
import { DEFAULT_PARAMS } from '../../../params.js';
import { AWS_COMPUTE_NETWORK_CHECKS } from '../compute-network.js';

let fake: FakeAws | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const short = (id: string) => id.split(/[:/]/).at(-1) ?? id;

describe('compute/network checks on the fixture account', () => {
  it('find every seeded misconfiguration', async () => {
    fake = await startFakeAws(account());
    const { ctx, gaps } = fakeContext(fake);
    const resources: CloudResource[] = [];
    for (const c of [ec2Collector, ssmCollector, lambdaCollector, ecrCollector])
      resources.push(...(await c.collect(ctx)));
    expect(gaps).toEqual([]);
    const snapshot = {
      provider: 'aws' as const,
      collectedAt: '2026-06-01T00:00:00.000Z',
      accounts: [ctx.account],
      regions: [ctx.region],
      resources,
      gaps,
    };
    const results: CheckResult[] = AWS_COMPUTE_NETWORK_CHECKS.flatMap((c) =>
      c.evaluate(snapshot, DEFAULT_PARAMS),
    );
    const failed = results
      .filter((r) => r.status === 'fail')
      .map((r) => `${r.checkId} ${short(r.resourceId)}`);
    expect(failed).toEqual(
      expect.arrayContaining([
        'ebs-default-encryption ebs-encryption-by-default', // seed 1
        'ebs-volume-encrypted vol-0a1b2c3d4e5f60052', // seed 1
        'ec2-sg-admin-ports-open sg-0a1b2c3d4e5f60041', // seed 2
        'ec2-public-subnet-phi i-0a1b2c3d4e5f60001', // seed 3
        'ec2-imdsv2-required i-0a1b2c3d4e5f60002', // seed 4
        'ec2-ami-age i-0a1b2c3d4e5f60002', // seed 5
        'ec2-ami-deprecated i-0a1b2c3d4e5f60002', // seed 5
        'lambda-deprecated-runtime phi-hl7-ingest', // seed 6
        'lambda-phi-timeout phi-hl7-ingest', // seed 6
        'ecr-scan-on-push legacy-worker', // seed 7
        'ssm-patch-compliance i-0a1b2c3d4e5f60001',
      ]),
    );
    expect(results.filter((r) => r.status === 'error')).toEqual([]);
    // The fixture's worker security group and ehr-api-1's current AMI are fine.
    expect(
      results.find(
        (r) => r.checkId === 'ec2-sg-admin-ports-open' && r.resourceId.endsWith('sg-0a1b2c3d4e5f60042'),
      )?.status,
    ).toBe('pass');
    expect(
      results.find((r) => r.checkId === 'ec2-imdsv2-required' && r.resourceId.endsWith('i-0a1b2c3d4e5f60001'))
        ?.status,
    ).toBe('pass');
  });
});
