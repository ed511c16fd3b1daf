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
      // OwnershipControlsNotFoundError, ObjectLockConfigurationNotFoundError and
      // ReplicationConfigurationNotFoundError are absence; no notification is an empty answer.
      OwnershipControls: null,
      ObjectLockConfiguration: null,
      BucketReplicationConfiguration: null,
      BucketNotificationConfiguration: { configurations: {}, eventBridgeEnabled: false },
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
      OwnershipControls: { rules: [{ objectOwnership: 'BucketOwnerEnforced' }] },
      ObjectLockConfiguration: {
        objectLockEnabled: 'Enabled',
        rule: { defaultRetention: { mode: 'GOVERNANCE', days: 30, years: null } },
      },
      BucketReplicationConfiguration: {
        roleARN: `arn:aws:iam::${ACCOUNT}:role/s3-replication`,
        rules: [
          {
            id: 'replicate-all',
            priority: 1,
            status: 'Enabled',
            filter: { prefix: '' },
            deleteMarkerReplication: { status: 'Disabled' },
            destination: { bucket: 'arn:aws:s3:::pw-blocked-public-replica', storageClass: 'STANDARD_IA' },
          },
        ],
      },
      BucketNotificationConfiguration: {
        configurations: {
          'new-objects': {
            type: 'QueueConfiguration',
            events: ['s3:ObjectCreated:*'],
            filter: { s3KeyFilter: { filterRules: [{ name: 'prefix', value: 'incoming/' }] } },
            queueARN: `arn:aws:sqs:eu-west-1:${ACCOUNT}:ingest`,
          },
        },
        eventBridgeEnabled: true,
      },
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
      'notification',
      'object-lock',
      'ownershipControls',
      'policy',
      'policyStatus',
      'publicAccessBlock',
      'replication',
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

  it('leaves each denied exposure read undefined with its own gap', async () => {
    const denied = new Set(['ownershipControls', 'object-lock', 'replication', 'notification']);
    fake = await startFakeAws(
      dataAccount((call) =>
        call.path === '/pw-phi-records/' && denied.has(call.action.split('?')[1] ?? '')
          ? s3Error('AccessDenied', 'Access Denied')
          : undefined,
      ),
    );
    const { ctx, gaps } = fakeContext(fake);
    const out = await s3Collector.collect(ctx);
    expect(gaps.map((g) => g.reason).sort()).toEqual([
      'GetBucketNotificationConfiguration: AccessDenied',
      'GetBucketOwnershipControls: AccessDenied',
      'GetBucketReplication: AccessDenied',
      'GetObjectLockConfiguration: AccessDenied',
    ]);
    const phi = out.find((r) => r.name === 'pw-phi-records');
    for (const key of [
      'OwnershipControls',
      'ObjectLockConfiguration',
      'BucketReplicationConfiguration',
      'BucketNotificationConfiguration',
    ])
      expect(phi?.supplementary).not.toHaveProperty(key);
    expect(phi?.supplementary.BucketPolicy).toBeDefined();
  });

  // Lambda destinations travel as CloudFunctionConfiguration (S3 API Reference); one without an Id
  // is still listed.
  it('reads Object Lock enabled without a default retention, and an SNS/Lambda notification', async () => {
    fake = await startFakeAws(
      dataAccount((call) => {
        if (call.action === 'GET /pw-phi-records/?object-lock')
          return {
            body: `<ObjectLockConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><ObjectLockEnabled>Enabled</ObjectLockEnabled></ObjectLockConfiguration>`,
          };
        if (call.action === 'GET /pw-phi-records/?notification')
          return {
            body: `<NotificationConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><TopicConfiguration><Id>t</Id><Topic>arn:aws:sns:us-east-1:${ACCOUNT}:audit</Topic><Event>s3:ObjectRemoved:*</Event></TopicConfiguration><CloudFunctionConfiguration><CloudFunction>arn:aws:lambda:us-east-1:${ACCOUNT}:function:intake</CloudFunction><Event>s3:ObjectCreated:Put</Event></CloudFunctionConfiguration></NotificationConfiguration>`,
          };
        return undefined;
      }),
    );
    const { ctx } = fakeContext(fake);
    const phi = (await s3Collector.collect(ctx)).find((r) => r.name === 'pw-phi-records');
    expect(phi?.supplementary.ObjectLockConfiguration).toEqual({ objectLockEnabled: 'Enabled', rule: null });
    expect(phi?.supplementary.BucketNotificationConfiguration).toEqual({
      configurations: {
        t: {
          type: 'TopicConfiguration',
          events: ['s3:ObjectRemoved:*'],
          filter: null,
          topicARN: `arn:aws:sns:us-east-1:${ACCOUNT}:audit`,
        },
        'LambdaConfiguration-1': {
          type: 'LambdaConfiguration',
          events: ['s3:ObjectCreated:Put'],
          filter: null,
          functionARN: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:intake`,
        },
      },
      eventBridgeEnabled: false,
    });
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
