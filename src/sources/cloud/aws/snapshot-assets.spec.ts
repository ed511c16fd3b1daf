/**
 * Snapshot → assets. The first test maps what the real collectors gather from the fixture
 * account; the others use tiny inline snapshots, including items spelt as an AWS Config snapshot
 * delivers them, which must give the same assets.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { CloudResource, CloudSnapshot } from '../../../core/cloud.js';
import { containerImageId } from '../../../core/inventory.js';
import { classifyPhi } from '../../../core/phi.js';
import {
  ACCOUNT,
  AL,
  account,
  DIGEST_CURRENT,
  DIGEST_SHARED,
  FUNCTIONS,
  fakeContext,
  UBUNTU,
} from './fake-account.test-helpers.js';
import { type FakeAws, startFakeAws } from './fake-aws.test-helpers.js';
import { ec2Collector } from './services/ec2.js';
import { ecrCollector } from './services/ecr.js';
import { lambdaCollector } from './services/lambda.js';
import { ssmCollector } from './services/ssm.js';
import { awsSnapshotAssets } from './snapshot-assets.js';

let fake: FakeAws | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const snapshot = (resources: CloudResource[]): CloudSnapshot => ({
  provider: 'aws',
  collectedAt: '2024-05-02T00:00:00.000Z',
  accounts: [ACCOUNT],
  regions: ['us-east-1'],
  resources,
  gaps: [],
});

const resource = (r: Partial<CloudResource> & Pick<CloudResource, 'type' | 'id'>): CloudResource => ({
  provider: 'aws',
  account: ACCOUNT,
  region: 'us-east-1',
  name: r.id,
  tags: {},
  configuration: {},
  supplementary: {},
  source: 'aws-config-snapshot',
  ...r,
});

describe('awsSnapshotAssets over a collected account', () => {
  it('merges EC2 and SSM into one host each, and maps images and functions', async () => {
    fake = await startFakeAws(account());
    const { ctx, gaps } = fakeContext(fake);
    const resources: CloudResource[] = [];
    for (const c of [ec2Collector, ssmCollector, ecrCollector, lambdaCollector])
      resources.push(...(await c.collect(ctx)));
    expect(gaps).toEqual([]);
    const assets = awsSnapshotAssets(snapshot(resources));
    expect(assets.map((a) => [a.asset.kind, a.asset.externalId])).toEqual([
      ['host', `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/${AL.id}`],
      ['host', `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/${UBUNTU.id}`],
      ['container-image', `oci:${DIGEST_CURRENT}`],
      ['container-image', `oci:${DIGEST_SHARED}`],
      ['function', FUNCTIONS.phi.FunctionArn],
      ['function', FUNCTIONS.thumbnailer.FunctionArn],
      ['function', FUNCTIONS.container.FunctionArn],
    ]);

    const [al, ub, current, shared, phiFn] = assets;
    expect(al?.asset).toEqual({
      externalId: `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/${AL.id}`,
      name: 'ehr-api-1',
      kind: 'host',
      provider: 'aws',
      account: ACCOUNT,
      region: 'us-east-1',
      internetExposed: true,
      tags: {
        ...AL.tags,
        'ec2:amiId': AL.ami,
        'ec2:amiCreated': '2024-02-10T06:36:48.000Z',
        'ec2:launchTime': AL.launchTime,
        'ec2:platform': 'Linux/UNIX',
        'ec2:state': 'running',
        'ec2:imdsv2': 'required',
        'ec2:subnetPublic': 'true',
        'os:name': 'Amazon Linux',
        'os:version': '2023',
        'os:type': 'Linux',
        'ssm:managed': 'true',
        'ssm:patch:installed': '40',
        'ssm:patch:missing': '2',
        'ssm:patch:failed': '1',
        'ssm:patch:status': 'NON_COMPLIANT',
      },
    });
    expect(classifyPhi(al?.asset.tags ?? {})).toEqual({ phi: true, source: 'tag:PHI=true' });
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
      tags: {
        'ec2:imdsv2': 'optional',
        'ec2:amiCreated': '2022-04-20T13:21:44.000Z',
        'ec2:subnetPublic': 'false',
        'ssm:patch:missing': '0',
        'ssm:patch:status': 'COMPLIANT',
      },
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

    expect(current?.asset).toMatchObject({
      name: 'ehr-api:latest',
      tags: {
        PHI: 'true',
        'ecr:repository': 'ehr-api',
        'ecr:imageTags': 'latest,v1.5.0',
        'ecr:pushedAt': '2024-04-30T18:00:00.000Z',
      },
    });
    // One image pushed to two repositories is one asset.
    expect(shared?.asset.tags).toMatchObject({
      'ecr:repository': 'ehr-api,legacy-worker',
      'ecr:imageTags': '2024-01,v1.4.2',
      'ecr:pushedAt': '2023-12-31T05:20:00.000Z',
    });
    expect(phiFn?.asset).toEqual({
      externalId: FUNCTIONS.phi.FunctionArn,
      name: 'phi-hl7-ingest',
      kind: 'function',
      provider: 'aws',
      account: ACCOUNT,
      region: 'us-east-1',
      tags: {
        PHI: 'true',
        Environment: 'prod',
        'lambda:runtime': 'python3.8',
        'lambda:runtimeDeprecated': '2024-10-14',
      },
    });
    // Volumes, security groups, subnets… are configuration, not assets.
    expect(assets.every((a) => ['host', 'container-image', 'function'].includes(a.asset.kind))).toBe(true);
  });
});

describe('awsSnapshotAssets over Config items', () => {
  const instance = (over: Record<string, unknown> = {}, supplementary: Record<string, unknown> = {}) =>
    resource({
      type: 'AWS::EC2::Instance',
      id: `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-0000000000000000a`,
      name: 'i-0000000000000000a',
      configuration: { instanceId: 'i-0000000000000000a', subnetId: 'subnet-1', ...over },
      supplementary,
    });
  const subnet = (pub?: boolean) =>
    resource({
      type: 'AWS::EC2::Subnet',
      id: `arn:aws:ec2:us-east-1:${ACCOUNT}:subnet/subnet-1`,
      configuration: { subnetId: 'subnet-1' },
      supplementary: pub === undefined ? {} : { public: pub },
    });

  it.each([
    ['public IP, public subnet', '54.0.0.1', true, true],
    ['public IP, private subnet', '54.0.0.1', false, false],
    ['public IP, subnet unknown', '54.0.0.1', undefined, true],
    ['no public IP, public subnet', undefined, true, false],
  ])('exposure: %s', (_, ip, pub, exposed) => {
    const [host] = awsSnapshotAssets(snapshot([instance(ip ? { publicIpAddress: ip } : {}), subnet(pub)]));
    expect(host?.asset.internetExposed).toBe(exposed);
  });

  it('joins SSM items spelt as Config delivers them and counts patch states from their items', () => {
    const inventory = resource({
      type: 'AWS::SSM::ManagedInstanceInventory',
      id: 'AWS::SSM::ManagedInstanceInventory/111122223333/us-east-1/i-0000000000000000a',
      name: 'i-0000000000000000a',
      configuration: {
        'AWS:InstanceInformation': {
          SchemaVersion: '1.0',
          Content: {
            'i-0000000000000000a': {
              PlatformName: 'Debian GNU/Linux',
              PlatformType: 'Linux',
              PlatformVersion: '12',
              ComputerName: 'pacs-1',
            },
          },
        },
        'AWS:Application': {
          SchemaVersion: '1.1',
          Content: {
            libc6: [
              { Name: 'libc6', Version: '2.36-9+deb12u7', Architecture: 'amd64' },
              { Name: 'libc6', Version: '2.36-9+deb12u7', Architecture: 'i386' },
            ],
          },
        },
      },
    });
    const patch = resource({
      type: 'AWS::SSM::PatchCompliance',
      id: 'AWS::SSM::PatchCompliance/111122223333/us-east-1/AWS::SSM::ManagedInstanceInventory/i-0000000000000000a',
      name: 'AWS::SSM::ManagedInstanceInventory/i-0000000000000000a',
      configuration: {
        'AWS:ComplianceItem': {
          Content: {
            Patch: {
              ComplianceSummary: { Status: 'NON_COMPLIANT' },
              'libc6.amd64': { PatchState: 'Missing' },
              'bash.amd64': { PatchState: 'Installed' },
              'curl.amd64': { PatchState: 'Installed' },
            },
          },
        },
      },
    });
    const assets = awsSnapshotAssets(snapshot([instance({ tags: [] }), inventory, patch]));
    expect(assets).toHaveLength(1);
    expect(assets[0]?.asset.tags).toMatchObject({
      'os:name': 'Debian GNU/Linux',
      'ssm:patch:installed': '2',
      'ssm:patch:missing': '1',
      'ssm:patch:failed': '0',
      'ssm:patch:status': 'NON_COMPLIANT',
    });
    expect(assets[0]?.components.map((c) => [c.purl, c.distroRelease])).toEqual([
      ['pkg:deb/debian/libc6@2.36-9+deb12u7?arch=amd64&distro=debian-12', 'Debian:12'],
      ['pkg:deb/debian/libc6@2.36-9+deb12u7?arch=i386&distro=debian-12', 'Debian:12'],
    ]);
  });

  it('reports a hybrid managed node as an SSM host, and an SSM-only EC2 node by its EC2 ARN', () => {
    const inv = (id: string, region = 'us-gov-west-1') =>
      resource({
        type: 'AWS::SSM::ManagedInstanceInventory',
        id: `arn:aws-us-gov:ssm:${region}:${ACCOUNT}:managed-instance-inventory/${id}`,
        name: id,
        region,
        configuration: {
          'AWS:InstanceInformation': { Content: { [id]: { PlatformName: 'FreeBSD', ComputerName: 'gw' } } },
        },
      });
    const assets = awsSnapshotAssets(snapshot([inv('mi-0123456789abcdef0'), inv('i-0123456789abcdef0')]));
    expect(assets.map((a) => a.asset.externalId)).toEqual([
      `arn:aws-us-gov:ec2:us-gov-west-1:${ACCOUNT}:instance/i-0123456789abcdef0`,
      `arn:aws-us-gov:ssm:us-gov-west-1:${ACCOUNT}:managed-instance/mi-0123456789abcdef0`,
    ]);
    expect(assets[1]?.asset).toMatchObject({ name: 'gw', kind: 'host', tags: { 'ssm:managed': 'true' } });
    expect(assets[1]?.asset.internetExposed).toBeUndefined();
  });

  it('maps RDS instances to databases and S3 buckets to storage from their Config shapes', () => {
    const db = resource({
      type: 'AWS::RDS::DBInstance',
      id: `arn:aws:rds:us-east-1:${ACCOUNT}:db:ehr-prod`,
      name: 'db-ABCDEFGHIJKLMNOP',
      tags: { PHI: 'true' },
      configuration: {
        dBInstanceIdentifier: 'ehr-prod',
        engine: 'postgres',
        engineVersion: '15.4',
        publiclyAccessible: false,
        tagList: [{ key: 'Owner', value: 'ehr-team' }],
      },
    });
    const bucket = resource({
      type: 'AWS::S3::Bucket',
      id: 'arn:aws:s3:::phi-imaging-exports',
      tags: { DataClassification: 'ePHI' },
      configuration: { name: 'phi-imaging-exports' },
    });
    expect(awsSnapshotAssets(snapshot([db, bucket])).map((a) => a.asset)).toEqual([
      {
        externalId: `arn:aws:rds:us-east-1:${ACCOUNT}:db:ehr-prod`,
        name: 'ehr-prod',
        kind: 'database',
        provider: 'aws',
        account: ACCOUNT,
        region: 'us-east-1',
        version: '15.4',
        internetExposed: false,
        tags: { PHI: 'true', Owner: 'ehr-team', 'rds:engine': 'postgres' },
      },
      {
        externalId: 'arn:aws:s3:::phi-imaging-exports',
        name: 'phi-imaging-exports',
        kind: 'storage',
        provider: 'aws',
        account: ACCOUNT,
        region: 'us-east-1',
        tags: { DataClassification: 'ePHI' },
      },
    ]);
  });

  it('names container images by manifest digest, as the SBOM importer does', () => {
    expect(containerImageId('sha256:ABCDEF')).toBe('oci:sha256:abcdef');
    const image = resource({
      type: 'AWS::ECR::Image',
      id: `arn:aws:ecr:us-east-1:${ACCOUNT}:repository/untagged@${DIGEST_CURRENT}`,
      configuration: { repositoryName: 'untagged', imageDigest: DIGEST_CURRENT },
    });
    const [asset] = awsSnapshotAssets(snapshot([image]));
    expect(asset?.asset).toMatchObject({
      externalId: `oci:${DIGEST_CURRENT}`,
      name: `untagged@${DIGEST_CURRENT}`,
    });
  });

  it('takes the runtime deprecation date from the table when a Config item lacks it', () => {
    const fn = resource({
      type: 'AWS::Lambda::Function',
      id: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:legacy`,
      configuration: { functionName: 'legacy', runtime: 'nodejs16.x' },
    });
    expect(awsSnapshotAssets(snapshot([fn]))[0]?.asset.tags).toEqual({
      'lambda:runtime': 'nodejs16.x',
      'lambda:runtimeDeprecated': '2024-06-12',
    });
  });
});
