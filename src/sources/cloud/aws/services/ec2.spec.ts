/**
 * Wire-level tests of the EC2 collector: the real EC2 client against the loopback AWS answering
 * in EC2's query/XML format, shaped after the EC2 API Reference examples.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { isAppError } from '../../../../core/errors.js';
import {
  ACCOUNT,
  AL,
  account,
  fakeContext,
  MAIN_TABLE,
  OPEN_SG,
  PRIVATE_SUBNET,
  PUBLIC_SUBNET,
  PUBLIC_TABLE,
  UBUNTU,
} from '../fake-account.test-helpers.js';
import { ec2Error, type FakeAws, startFakeAws } from '../fake-aws.test-helpers.js';
import { ec2Collector } from './ec2.js';

let fake: FakeAws | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const arn = (resource: string) => `arn:aws:ec2:us-east-1:${ACCOUNT}:${resource}`;

describe('ec2Collector', () => {
  it('collects instances with their AMIs, volumes, security groups, network and EBS default', async () => {
    fake = await startFakeAws(account());
    const { ctx, gaps } = fakeContext(fake);
    const resources = await ec2Collector.collect(ctx);
    expect(gaps).toEqual([]);
    expect(resources.map((r) => [r.type, r.id])).toEqual([
      ['AWS::EC2::Instance', arn(`instance/${AL.id}`)],
      ['AWS::EC2::Instance', arn(`instance/${UBUNTU.id}`)],
      ['AWS::EC2::Volume', arn('volume/vol-0a1b2c3d4e5f60051')],
      ['AWS::EC2::Volume', arn('volume/vol-0a1b2c3d4e5f60052')],
      ['AWS::EC2::SecurityGroup', arn(`security-group/${OPEN_SG}`)],
      ['AWS::EC2::SecurityGroup', arn('security-group/sg-0a1b2c3d4e5f60042')],
      ['AWS::EC2::Subnet', arn(`subnet/${PUBLIC_SUBNET}`)],
      ['AWS::EC2::Subnet', arn(`subnet/${PRIVATE_SUBNET}`)],
      ['AWS::EC2::RouteTable', arn(`route-table/${MAIN_TABLE}`)],
      ['AWS::EC2::RouteTable', arn(`route-table/${PUBLIC_TABLE}`)],
      ['AWS::EC2::VPC', arn('vpc/vpc-0a1b2c3d4e5f60001')],
      ['AWS::EC2::VPCEndpoint', arn('vpc-endpoint/vpce-0a1b2c3d4e5f60061')],
      ['AWS::EC2::EBSEncryptionByDefault', arn('ebs-encryption-by-default')],
    ]);
    expect(
      resources.every((r) => r.provider === 'aws' && r.account === ACCOUNT && r.region === 'us-east-1'),
    ).toBe(true);
    expect(resources.every((r) => r.source === 'aws-sdk')).toBe(true);

    const [al, ub] = resources;
    expect(al).toMatchObject({
      name: 'ehr-api-1',
      tags: AL.tags,
      configuration: {
        instanceId: AL.id,
        imageId: AL.ami,
        subnetId: PUBLIC_SUBNET,
        publicIpAddress: AL.publicIp,
        launchTime: AL.launchTime,
        metadataOptions: { httpTokens: 'required' },
        state: { code: 16, name: 'running' },
      },
      supplementary: {
        image: {
          imageId: AL.ami,
          name: 'al2023-ami-2023.3.20240205.2-kernel-6.1-x86_64',
          ownerId: '137112412989',
          imageOwnerAlias: 'amazon',
          creationDate: '2024-02-10T06:36:48.000Z',
          deprecationTime: '2026-02-10T06:36:00.000Z',
        },
      },
    });
    expect(ub?.configuration.metadataOptions).toMatchObject({ httpTokens: 'optional' });
    expect(ub?.supplementary.image).toMatchObject({ creationDate: '2022-04-20T13:21:44.000Z' });

    const byId = (id: string) => resources.find((r) => r.id === arn(id));
    expect(byId('volume/vol-0a1b2c3d4e5f60052')?.configuration).toMatchObject({
      encrypted: false,
      attachments: [{ instanceId: UBUNTU.id, state: 'attached' }],
    });
    // Config spells SG rules with both ipRanges (CIDR strings) and ipv4Ranges ({cidrIp}).
    const open = byId(`security-group/${OPEN_SG}`)?.configuration;
    expect(open?.ipPermissions).toEqual([
      expect.objectContaining({
        ipProtocol: 'tcp',
        fromPort: 22,
        toPort: 22,
        ipRanges: ['0.0.0.0/0'],
        ipv4Ranges: [{ cidrIp: '0.0.0.0/0' }],
        ipv6Ranges: [{ cidrIpv6: '::/0' }],
      }),
      expect.objectContaining({ fromPort: 3389, ipRanges: ['0.0.0.0/0'] }),
      expect.objectContaining({ fromPort: 443 }),
    ]);
    expect(byId(`subnet/${PUBLIC_SUBNET}`)?.supplementary).toEqual({
      public: true,
      routeTableId: PUBLIC_TABLE,
    });
    expect(byId(`subnet/${PRIVATE_SUBNET}`)?.supplementary).toEqual({
      public: false,
      routeTableId: MAIN_TABLE,
    });
    expect(byId('ebs-encryption-by-default')?.configuration).toEqual({
      ebsEncryptionByDefault: false,
      sseType: 'sse-ebs',
    });

    // What the SDK sent: query actions with the largest page sizes and the tokens it was given.
    const sent = fake.calls.map((c) => c.params);
    const of = (action: string) => sent.filter((p) => p.Action === action);
    expect(of('DescribeInstances')).toEqual([
      { Action: 'DescribeInstances', Version: '2016-11-15', MaxResults: '1000' },
      {
        Action: 'DescribeInstances',
        Version: '2016-11-15',
        MaxResults: '1000',
        NextToken: 'eyJ2IjoiMiIsImMiOiJwYWdlMiJ9',
      },
    ]);
    expect(of('DescribeImages')).toEqual([
      {
        Action: 'DescribeImages',
        Version: '2016-11-15',
        'Filter.1.Name': 'image-id',
        'Filter.1.Value.1': AL.ami,
        'Filter.1.Value.2': UBUNTU.ami,
        IncludeDeprecated: 'true',
        IncludeDisabled: 'true',
        MaxResults: '1000',
      },
    ]);
    expect(of('DescribeVolumes').map((p) => [p.MaxResults, p.NextToken])).toEqual([
      ['500', undefined],
      ['500', 'vol-page-2'],
    ]);
    expect(of('DescribeRouteTables').map((p) => p.MaxResults)).toEqual(['100']);
    expect(fake.calls.every((c) => c.service === 'ec2' && c.accessKeyId === 'AKIDEXAMPLE')).toBe(true);
  });

  it('notes why an AMI has no facts when DescribeImages does not return it', async () => {
    fake = await startFakeAws(
      account((call) =>
        call.action === 'DescribeImages'
          ? {
              body: '<DescribeImagesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><imagesSet/></DescribeImagesResponse>',
            }
          : undefined,
      ),
    );
    const { ctx } = fakeContext(fake);
    const [al] = await ec2Collector.collect(ctx);
    expect(al?.supplementary.image).toBeUndefined();
    expect(al?.supplementary.imageUnavailable).toMatch(/deregistered/);
  });

  it('retries RequestLimitExceeded (HTTP 503) and then succeeds', async () => {
    let throttled = 0;
    fake = await startFakeAws(
      account((call) => {
        if (call.action !== 'DescribeInstances' || throttled > 0) return undefined;
        throttled += 1;
        return ec2Error('RequestLimitExceeded', 'Request limit exceeded.', 503);
      }),
    );
    const { ctx, gaps } = fakeContext(fake, { maxAttempts: 3 });
    const resources = await ec2Collector.collect(ctx);
    expect(gaps).toEqual([]);
    expect(resources.filter((r) => r.type === 'AWS::EC2::Instance')).toHaveLength(2);
    // One throttled attempt, its retry, and the second page.
    expect(fake.calls.filter((c) => c.action === 'DescribeInstances')).toHaveLength(3);
  });

  it('fails with CLOUD_THROTTLED when every attempt is throttled', async () => {
    fake = await startFakeAws(
      account((call) =>
        call.action === 'DescribeVolumes'
          ? ec2Error('RequestLimitExceeded', 'Request limit exceeded.', 503)
          : undefined,
      ),
    );
    const { ctx } = fakeContext(fake, { maxAttempts: 3 });
    const err = await ec2Collector.collect(ctx).catch((e: unknown) => e);
    expect(isAppError(err, 'CLOUD_THROTTLED')).toBe(true);
    expect(isAppError(err) && err.details).toMatchObject({
      service: 'ec2',
      operation: 'DescribeVolumes',
      reason: 'RequestLimitExceeded',
    });
    expect(fake.calls.filter((c) => c.action === 'DescribeVolumes')).toHaveLength(3);
  });

  it('fails with CLOUD_CREDENTIALS on an expired request', async () => {
    fake = await startFakeAws(account(() => ec2Error('RequestExpired', 'Request has expired.')));
    const { ctx } = fakeContext(fake, { maxAttempts: 1 });
    const err = await ec2Collector.collect(ctx).catch((e: unknown) => e);
    expect(isAppError(err, 'CLOUD_CREDENTIALS')).toBe(true);
    expect(isAppError(err) && err.details).toMatchObject({
      operation: 'DescribeInstances',
      reason: 'RequestExpired',
    });
  });

  it('records denied operations as gaps and returns everything else', async () => {
    fake = await startFakeAws(
      account((call) =>
        call.action === 'DescribeVolumes' || call.action === 'DescribeRouteTables'
          ? ec2Error('UnauthorizedOperation', 'You are not authorized to perform this operation.', 403)
          : undefined,
      ),
    );
    const { ctx, gaps } = fakeContext(fake);
    const resources = await ec2Collector.collect(ctx);
    expect(gaps).toEqual([
      {
        provider: 'aws',
        account: ACCOUNT,
        region: 'us-east-1',
        service: 'ec2',
        reason: 'DescribeVolumes: UnauthorizedOperation',
      },
      {
        provider: 'aws',
        account: ACCOUNT,
        region: 'us-east-1',
        service: 'ec2',
        reason: 'DescribeRouteTables: UnauthorizedOperation',
      },
    ]);
    expect(resources.filter((r) => r.type === 'AWS::EC2::Volume')).toEqual([]);
    expect(resources.filter((r) => r.type === 'AWS::EC2::Instance')).toHaveLength(2);
    // Without route tables a subnet's publicity is unknown, not false.
    const subnets = resources.filter((r) => r.type === 'AWS::EC2::Subnet');
    expect(subnets.map((s) => s.supplementary)).toEqual([{}, {}]);
  });
});
