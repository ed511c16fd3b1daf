/**
 * Wire-level tests of the ECR collector: the real ECR client against the loopback AWS answering
 * in JSON 1.1, shaped after the Amazon ECR API Reference examples.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { isAppError } from '../../../../core/errors.js';
import {
  ACCOUNT,
  account,
  DIGEST_CURRENT,
  DIGEST_SHARED,
  fakeContext,
} from '../fake-account.test-helpers.js';
import { type FakeAws, jsonError, startFakeAws } from '../fake-aws.test-helpers.js';
import { ecrCollector } from './ecr.js';

let fake: FakeAws | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const repoArn = (name: string) => `arn:aws:ecr:us-east-1:${ACCOUNT}:repository/${name}`;

describe('ecrCollector', () => {
  it('collects repositories in the Config shape and every image, following every page', async () => {
    fake = await startFakeAws(account());
    const { ctx, gaps } = fakeContext(fake);
    const resources = await ecrCollector.collect(ctx);
    expect(gaps).toEqual([]);
    expect(resources.map((r) => [r.type, r.id])).toEqual([
      ['AWS::ECR::Repository', repoArn('ehr-api')],
      ['AWS::ECR::Repository', repoArn('legacy-worker')],
      ['AWS::ECR::Image', `${repoArn('ehr-api')}@${DIGEST_CURRENT}`],
      ['AWS::ECR::Image', `${repoArn('ehr-api')}@${DIGEST_SHARED}`],
      ['AWS::ECR::Image', `${repoArn('legacy-worker')}@${DIGEST_SHARED}`],
    ]);
    const [ehr, legacy, current] = resources;
    expect(ehr).toMatchObject({
      name: 'ehr-api',
      tags: { PHI: 'true', team: 'ehr' },
      configuration: {
        RepositoryName: 'ehr-api',
        Arn: repoArn('ehr-api'),
        ImageTagMutability: 'IMMUTABLE',
        ImageScanningConfiguration: { ScanOnPush: true },
        EncryptionConfiguration: {
          EncryptionType: 'KMS',
          KmsKey: `arn:aws:kms:us-east-1:${ACCOUNT}:key/ecr-key`,
        },
      },
    });
    expect(legacy?.configuration).toMatchObject({
      ImageTagMutability: 'MUTABLE',
      ImageScanningConfiguration: { ScanOnPush: false },
      EncryptionConfiguration: { EncryptionType: 'AES256' },
    });
    expect(current).toMatchObject({
      name: `ehr-api@${DIGEST_CURRENT}`,
      tags: { PHI: 'true', team: 'ehr' },
      configuration: {
        repositoryName: 'ehr-api',
        imageDigest: DIGEST_CURRENT,
        imageTags: ['v1.5.0', 'latest'],
        imagePushedAt: '2024-04-30T18:00:00.000Z',
        imageScanFindingsSummary: { findingSeverityCounts: { CRITICAL: 0, HIGH: 3, MEDIUM: 7 } },
      },
    });

    const sent = fake.calls.map((c) => [c.headers['x-amz-target'], c.params]);
    expect(sent).toEqual([
      ['AmazonEC2ContainerRegistry_V20150921.DescribeRepositories', { maxResults: 1000 }],
      [
        'AmazonEC2ContainerRegistry_V20150921.DescribeRepositories',
        { maxResults: 1000, nextToken: 'repos-page-2' },
      ],
      ['AmazonEC2ContainerRegistry_V20150921.ListTagsForResource', { resourceArn: repoArn('ehr-api') }],
      ['AmazonEC2ContainerRegistry_V20150921.ListTagsForResource', { resourceArn: repoArn('legacy-worker') }],
      [
        'AmazonEC2ContainerRegistry_V20150921.DescribeImages',
        { repositoryName: 'ehr-api', registryId: ACCOUNT, maxResults: 1000 },
      ],
      [
        'AmazonEC2ContainerRegistry_V20150921.DescribeImages',
        { repositoryName: 'ehr-api', registryId: ACCOUNT, maxResults: 1000, nextToken: 'images-page-2' },
      ],
      [
        'AmazonEC2ContainerRegistry_V20150921.DescribeImages',
        { repositoryName: 'legacy-worker', registryId: ACCOUNT, maxResults: 1000 },
      ],
    ]);
  });

  it('records denied images as a gap and keeps the repositories', async () => {
    fake = await startFakeAws(
      account((call) =>
        call.action === 'DescribeImages'
          ? jsonError('AccessDeniedException', 'User is not authorized to perform: ecr:DescribeImages')
          : undefined,
      ),
    );
    const { ctx, gaps } = fakeContext(fake);
    const resources = await ecrCollector.collect(ctx);
    expect(gaps.map((g) => [g.service, g.reason])).toEqual([
      ['ecr', 'DescribeImages: AccessDeniedException'],
    ]);
    expect(resources.map((r) => r.type)).toEqual(['AWS::ECR::Repository', 'AWS::ECR::Repository']);
  });

  it('retries a ThrottlingException and then succeeds', async () => {
    let throttled = 0;
    fake = await startFakeAws(
      account((call) => {
        if (call.action !== 'DescribeRepositories' || throttled > 0) return undefined;
        throttled += 1;
        return jsonError('ThrottlingException', 'Rate exceeded');
      }),
    );
    const { ctx } = fakeContext(fake, { maxAttempts: 3 });
    expect(await ecrCollector.collect(ctx)).toHaveLength(5);
    expect(fake.calls.filter((c) => c.action === 'DescribeRepositories')).toHaveLength(3);
  });

  it('fails with CLOUD_THROTTLED, then CLOUD_CREDENTIALS, as the errors say', async () => {
    fake = await startFakeAws(account(() => jsonError('ThrottlingException', 'Rate exceeded')));
    const throttled = await ecrCollector
      .collect(fakeContext(fake, { maxAttempts: 3 }).ctx)
      .catch((e: unknown) => e);
    expect(isAppError(throttled, 'CLOUD_THROTTLED')).toBe(true);
    await fake.close();
    fake = await startFakeAws(
      account(() => jsonError('ExpiredTokenException', 'The security token is expired')),
    );
    const expired = await ecrCollector
      .collect(fakeContext(fake, { maxAttempts: 1 }).ctx)
      .catch((e: unknown) => e);
    expect(isAppError(expired, 'CLOUD_CREDENTIALS')).toBe(true);
    expect(isAppError(expired) && expired.details).toMatchObject({
      service: 'ecr',
      operation: 'DescribeRepositories',
    });
  });
});
