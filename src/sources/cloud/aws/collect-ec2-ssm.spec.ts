/**
 * Wire-level tests: the real EC2 and SSM clients talk to a loopback server answering in AWS's
 * wire formats (EC2 Query/XML, SSM JSON 1.1), shaped after the AWS API reference examples.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { isAppError } from '../../../core/errors.js';
import { classifyPhi } from '../../../core/phi.js';
import { collectAwsInventory } from './collect-ec2-ssm.js';
import { ACCOUNT, AL, account, credentials, UBUNTU } from './fake-account.test-helpers.js';
import { type FakeAws, jsonError, startFakeAws } from './fake-aws.test-helpers.js';

let fake: FakeAws | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('collectAwsInventory', () => {
  it('merges EC2 and SSM sightings into one asset per instance, following every page', async () => {
    fake = await startFakeAws(account());
    const { assets, gaps } = await collectAwsInventory({
      regions: ['us-east-1'],
      credentials,
      endpoint: fake.endpoint,
    });
    expect(gaps).toEqual([]);
    expect(assets.map((a) => a.asset.externalId)).toEqual([
      `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/${AL.id}`,
      `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/${UBUNTU.id}`,
    ]);
    const [al, ub] = assets;
    expect(al?.asset).toMatchObject({
      name: 'ehr-api-1',
      kind: 'host',
      provider: 'aws',
      account: ACCOUNT,
      region: 'us-east-1',
      internetExposed: true,
    });
    expect(al?.asset.tags).toEqual({
      ...AL.tags,
      'ec2:amiId': AL.ami,
      'ec2:launchTime': AL.launchTime,
      'ec2:platform': 'Linux/UNIX',
      'ec2:state': 'running',
      'ec2:imdsv2': 'required',
      'os:name': 'Amazon Linux',
      'os:version': '2023',
      'os:type': 'Linux',
      'ssm:managed': 'true',
      'ssm:patch:installed': '40',
      'ssm:patch:missing': '2',
      'ssm:patch:failed': '1',
    });
    expect(classifyPhi(al?.asset.tags ?? {})).toEqual({ phi: true, source: 'tag:PHI=true' });
    // Amazon Linux has no OSV ecosystem (distro.ts): the packages stay, unmatched.
    expect(al?.components).toEqual([
      {
        purl: 'pkg:rpm/amzn/openssl-libs@3.0.8-1.amzn2023.0.12?arch=x86_64&distro=amzn-2023&epoch=1',
        ecosystem: null,
        name: 'openssl-libs',
        version: '3.0.8-1.amzn2023.0.12',
        ref: `${AL.id}/AWS:Application/0`,
      },
      {
        purl: 'pkg:rpm/amzn/bash@5.2.15-1.amzn2023.0.2?arch=x86_64&distro=amzn-2023',
        ecosystem: null,
        name: 'bash',
        version: '5.2.15-1.amzn2023.0.2',
        ref: `${AL.id}/AWS:Application/1`,
      },
    ]);
    expect(ub?.asset).toMatchObject({
      internetExposed: false,
      tags: { 'ec2:imdsv2': 'optional', 'ssm:patch:missing': '0' },
    });
    expect(ub?.components).toEqual([
      {
        purl: 'pkg:deb/ubuntu/openssl@3.0.2-0ubuntu1.15?arch=amd64&distro=ubuntu-22.04',
        ecosystem: 'Ubuntu',
        name: 'openssl',
        version: '3.0.2-0ubuntu1.15',
        distroRelease: 'Ubuntu:22.04:LTS',
        ref: `${UBUNTU.id}/AWS:Application/0`,
      },
    ]);

    // What the SDK sent: EC2 Query API action, version and tokens; SSM JSON 1.1 targets.
    const ec2 = fake.calls.filter((c) => c.service === 'ec2');
    expect(ec2.map((c) => c.params)).toEqual([
      { Action: 'DescribeInstances', Version: '2016-11-15', MaxResults: '1000' },
      {
        Action: 'DescribeInstances',
        Version: '2016-11-15',
        MaxResults: '1000',
        NextToken: 'eyJ2IjoiMiIsImMiOiJwYWdlMiJ9',
      },
    ]);
    const ssm = fake.calls.filter((c) => c.service === 'ssm');
    expect(ssm.every((c) => c.headers['content-type'] === 'application/x-amz-json-1.1')).toBe(true);
    expect(ssm.map((c) => c.headers['x-amz-target'])).toEqual([
      'AmazonSSM.DescribeInstanceInformation',
      'AmazonSSM.DescribeInstancePatchStates',
      'AmazonSSM.ListInventoryEntries',
      'AmazonSSM.ListInventoryEntries',
      'AmazonSSM.ListInventoryEntries',
    ]);
    expect(ssm[1]?.params).toEqual({ InstanceIds: [AL.id, UBUNTU.id], MaxResults: 50 });
    expect(ssm.slice(2).map((c) => c.params)).toEqual([
      { InstanceId: AL.id, TypeName: 'AWS:Application', MaxResults: 50 },
      { InstanceId: AL.id, TypeName: 'AWS:Application', MaxResults: 50, NextToken: 'page-1' },
      { InstanceId: UBUNTU.id, TypeName: 'AWS:Application', MaxResults: 50 },
    ]);
  });

  it('retries a ThrottlingException and then succeeds', async () => {
    let throttled = 0;
    fake = await startFakeAws(
      account((call) => {
        if (call.action !== 'DescribeInstanceInformation' || throttled > 0) return undefined;
        throttled += 1;
        return jsonError('ThrottlingException', 'Rate exceeded');
      }),
    );
    const { assets, gaps } = await collectAwsInventory({
      regions: ['us-east-1'],
      credentials,
      endpoint: fake.endpoint,
      maxAttempts: 3,
    });
    expect(gaps).toEqual([]);
    expect(fake.calls.filter((c) => c.action === 'DescribeInstanceInformation')).toHaveLength(2);
    expect(assets[0]?.asset.tags['os:name']).toBe('Amazon Linux');
  });

  it('reports SSM access denied in one region as a gap and keeps its EC2 assets', async () => {
    fake = await startFakeAws(
      account((call) =>
        call.region === 'eu-west-1' && call.service === 'ssm'
          ? jsonError(
              'AccessDeniedException',
              'User is not authorized to perform: ssm:DescribeInstanceInformation',
            )
          : undefined,
      ),
    );
    const { assets, gaps } = await collectAwsInventory({
      regions: ['us-east-1', 'eu-west-1'],
      credentials,
      endpoint: fake.endpoint,
    });
    expect(gaps).toEqual([
      { service: 'ssm', region: 'eu-west-1', reason: 'DescribeInstanceInformation: AccessDeniedException' },
    ]);
    const eu = assets.filter((a) => a.asset.region === 'eu-west-1');
    expect(eu.map((a) => a.asset.externalId)).toEqual([
      `arn:aws:ec2:eu-west-1:${ACCOUNT}:instance/${AL.id}`,
      `arn:aws:ec2:eu-west-1:${ACCOUNT}:instance/${UBUNTU.id}`,
    ]);
    expect(eu[0]?.asset.tags.PHI).toBe('true');
    expect(eu[0]?.asset.tags['ssm:managed']).toBeUndefined();
    expect(eu.every((a) => a.components.length === 0)).toBe(true);
    expect(assets.filter((a) => a.asset.region === 'us-east-1' && a.components.length > 0)).toHaveLength(2);
  });

  it('fails the collection on expired credentials instead of returning a partial inventory', async () => {
    fake = await startFakeAws(
      account((call) =>
        call.service === 'ssm'
          ? jsonError('ExpiredTokenException', 'The security token included in the request is expired')
          : undefined,
      ),
    );
    const run = collectAwsInventory({
      regions: ['us-east-1'],
      credentials,
      endpoint: fake.endpoint,
      maxAttempts: 1,
    });
    const err = await run.catch((e: unknown) => e);
    expect(isAppError(err)).toBe(true);
    expect(isAppError(err) && err.details).toMatchObject({
      service: 'ssm',
      region: 'us-east-1',
      operation: 'DescribeInstanceInformation',
      reason: 'ExpiredTokenException',
    });
  });
});
