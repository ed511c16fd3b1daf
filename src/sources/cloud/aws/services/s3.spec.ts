/** Wire-level tests of the S3 collector: the real S3 and S3 Control clients against the fake. */
import { afterEach, describe, expect, it } from 'vitest';
import { isAppError } from '../../../../core/errors.js';
import { type FakeAws, s3Error, startFakeAws } from '../fake-aws.test-helpers.js';
import { ACCOUNT, dataAccount, fakeContext } from './fake-data-account.test-helpers.js';
import { accountPublicAccessBlockId, s3Collector } from './s3.js';

let fake: FakeAws | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('s3Collector', () => {
  it('reads every bucket in its own region, telling absent configuration (null) apart', async () => {
    fake = await startFakeAws(dataAccount());
    const { ctx, gaps } = fakeContext(fake);
    const out = await s3Collector.collect(ctx);
    expect(gaps).toEqual([]);
    expect(out.map((r) => [r.type, r.id, r.region])).toEqual([
      ['AWS::S3::AccountPublicAccessBlock', accountPublicAccessBlockId('aws', ACCOUNT), 'global'],
      ['AWS::S3::Bucket', 'arn:aws:s3:::pw-phi-records', 'us-east-1'],
      ['AWS::S3::Bucket', 'arn:aws:s3:::pw-blocked-public', 'eu-west-1'],
    ]);
    const [account, phi, blocked] = out;
    expect(account?.configuration).toEqual({});
    expect(account?.supplementary).toEqual({ configured: false });

    expect(phi?.tags).toEqual({ PHI: 'true', Owner: 'records-team' });
    expect(phi?.configuration).toEqual({
      name: 'pw-phi-records',
      owner: { id: '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be', displayName: 'ops' },
      creationDate: '2023-04-02T10:00:00.000Z',
      region: 'us-east-1',
    });
    expect(phi?.supplementary).toEqual({
      AccessControlList: {
        owner: { id: '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be', displayName: 'ops' },
        grantList: [
          {
            grantee: {
              type: 'CanonicalUser',
              id: '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be',
              displayName: 'ops',
              uri: null,
              emailAddress: null,
            },
            permission: 'FULL_CONTROL',
          },
        ],
      },
      BucketPolicy: { policyText: expect.stringContaining('"Principal":"*"') },
      BucketPolicyStatus: { isPublic: true },
      PublicAccessBlockConfiguration: null,
      ServerSideEncryptionConfiguration: null,
      BucketVersioningConfiguration: { status: 'Off', isMfaDeleteEnabled: null },
      BucketLoggingConfiguration: { destinationBucketName: null, logFilePrefix: null },
      BucketLifecycleConfiguration: {
        rules: [
          {
            id: 'phi-to-glacier',
            filter: { prefix: 'phi/' },
            status: 'Enabled',
            transitions: [{ days: 90, storageClass: 'GLACIER' }],
          },
        ],
      },
      BucketTaggingConfiguration: { tagSets: [{ tags: { PHI: 'true', Owner: 'records-team' } }] },
    });

    expect(blocked?.tags).toEqual({});
    expect(blocked?.supplementary).toMatchObject({
      BucketPolicyStatus: { isPublic: true },
      PublicAccessBlockConfiguration: {
        blockPublicAcls: false,
        ignorePublicAcls: false,
        blockPublicPolicy: false,
        restrictPublicBuckets: true,
      },
      ServerSideEncryptionConfiguration: {
        rules: [
          {
            applyServerSideEncryptionByDefault: {
              sseAlgorithm: 'aws:kms',
              kmsMasterKeyID: `arn:aws:kms:eu-west-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
            },
            bucketKeyEnabled: true,
          },
        ],
      },
      BucketVersioningConfiguration: { status: 'Enabled', isMfaDeleteEnabled: false },
      BucketLoggingConfiguration: { destinationBucketName: 'pw-access-logs', logFilePrefix: 'blocked/' },
      BucketLifecycleConfiguration: null,
      BucketTaggingConfiguration: null,
    });

    // What the SDK sent: S3 Control with the account id as host prefix; ListBuckets continued
    // with the token; the eu-west-1 bucket's calls signed for eu-west-1 after GetBucketLocation.
    const control = fake.calls.find((c) => c.path.startsWith('/v20180820/'));
    expect(control?.headers.host).toMatch(new RegExp(`^${ACCOUNT}\\.localhost:`));
    expect(control?.headers['x-amz-account-id']).toBe(ACCOUNT);
    const lists = fake.calls.filter((c) => c.action === 'GET /');
    expect(lists.map((c) => c.params['continuation-token'])).toEqual([undefined, 'page-2-token']);
    const location = fake.calls.filter((c) => c.action.endsWith('?location'));
    expect(location.map((c) => c.path)).toEqual(['/pw-blocked-public/']);
    const blockedCalls = fake.calls.filter(
      (c) => c.path === '/pw-blocked-public/' && !c.action.endsWith('?location'),
    );
    expect(new Set(blockedCalls.map((c) => c.region))).toEqual(new Set(['eu-west-1']));
    expect(blockedCalls.map((c) => c.action.split('?')[1]).sort()).toEqual([
      'acl',
      'encryption',
      'lifecycle',
      'logging',
      'policy',
      'policyStatus',
      'publicAccessBlock',
      'tagging',
      'versioning',
    ]);
  });

  it('reads the account public access block when one is set', async () => {
    fake = await startFakeAws(
      dataAccount((call) =>
        call.path === '/v20180820/configuration/publicAccessBlock'
          ? {
              body: '<?xml version="1.0" encoding="UTF-8"?>\n<PublicAccessBlockConfiguration><BlockPublicAcls>true</BlockPublicAcls><IgnorePublicAcls>true</IgnorePublicAcls><BlockPublicPolicy>true</BlockPublicPolicy><RestrictPublicBuckets>false</RestrictPublicBuckets></PublicAccessBlockConfiguration>',
            }
          : undefined,
      ),
    );
    const { ctx } = fakeContext(fake);
    const [account] = await s3Collector.collect(ctx);
    expect(account?.configuration).toEqual({
      blockPublicAcls: true,
      ignorePublicAcls: true,
      blockPublicPolicy: true,
      restrictPublicBuckets: false,
    });
    expect(account?.supplementary).toEqual({ configured: true });
  });

  it('leaves a denied configuration undefined, records the gap and reads the rest', async () => {
    fake = await startFakeAws(
      dataAccount((call) =>
        call.action.endsWith('?policy') && call.path === '/pw-phi-records/'
          ? s3Error('AccessDenied', 'Access Denied')
          : undefined,
      ),
    );
    const { ctx, gaps } = fakeContext(fake);
    const out = await s3Collector.collect(ctx);
    expect(gaps).toEqual([
      {
        provider: 'aws',
        account: ACCOUNT,
        region: 'global',
        service: 's3',
        reason: 'GetBucketPolicy: AccessDenied',
      },
    ]);
    const phi = out.find((r) => r.name === 'pw-phi-records');
    expect(phi?.supplementary).not.toHaveProperty('BucketPolicy');
    expect(phi?.supplementary.PublicAccessBlockConfiguration).toBeNull();
    expect(out.find((r) => r.name === 'pw-blocked-public')?.supplementary.BucketPolicy).toBeDefined();
  });

  it('retries SlowDown and then succeeds', async () => {
    let slowed = 0;
    fake = await startFakeAws(
      dataAccount((call) => {
        if (call.action !== 'GET /pw-phi-records/?versioning' || slowed > 0) return undefined;
        slowed += 1;
        return s3Error('SlowDown', 'Please reduce your request rate.', 503);
      }),
    );
    const { ctx, gaps } = fakeContext(fake, { maxAttempts: 3 });
    const out = await s3Collector.collect(ctx);
    expect(gaps).toEqual([]);
    expect(slowed).toBe(1);
    expect(out.find((r) => r.name === 'pw-phi-records')?.supplementary.BucketVersioningConfiguration).toEqual(
      {
        status: 'Off',
        isMfaDeleteEnabled: null,
      },
    );
  });

  it('stops with CLOUD_CREDENTIALS on an expired token', async () => {
    fake = await startFakeAws(
      dataAccount((call) =>
        call.action === 'GET /' ? s3Error('ExpiredToken', 'The provided token has expired.', 400) : undefined,
      ),
    );
    const { ctx } = fakeContext(fake);
    const err = await s3Collector.collect(ctx).catch((e: unknown) => e);
    expect(isAppError(err) && err.code).toBe('CLOUD_CREDENTIALS');
  });
});
