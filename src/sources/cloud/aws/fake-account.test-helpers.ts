/**
 * The fixture account of the wire-level tests (account 111122223333, any region): what the real
 * SDK clients receive from the loopback AWS (fake-aws.test-helpers.ts), in each service's wire
 * format and shaped after the API Reference examples — EC2 query/XML (DescribeInstances,
 * DescribeImages, DescribeVolumes, DescribeSecurityGroups, DescribeSubnets, DescribeRouteTables,
 * DescribeVpcs, DescribeVpcEndpoints, GetEbsEncryptionByDefault), STS GetCallerIdentity, SSM and
 * ECR JSON 1.1, Lambda REST-JSON (`GET /2015-03-31/functions`, `GET /2017-03-31/tags/<arn>`; GetPolicy
 * and ListFunctionUrlConfigs answer "no policy" and "no URL").
 * Several answers come over two pages so the paginators are exercised.
 *
 * Deliberate misconfigurations, for the posture checks that will read this account:
 * 1. vol-0a1b2c3d4e5f60052 (worker-1's volume) is unencrypted, and EBS encryption by default is off.
 * 2. sg-0a1b2c3d4e5f60041 (ehr-api-public) admits 0.0.0.0/0 on tcp/22 and tcp/3389, and ::/0 on tcp/22.
 * 3. subnet-0a1b2c3d4e5f60011 is public (its explicit route table sends 0.0.0.0/0 to an internet
 *    gateway) and hosts ehr-api-1, tagged PHI=true, with a public IPv4 address.
 * 4. worker-1 allows IMDSv1 (HttpTokens `optional`).
 * 5. worker-1 runs ami-0fedcba9876543210, created 2022-04-20 (far older than 180 days) and
 *    deprecated since 2024-04-20.
 * 6. Lambda phi-hl7-ingest: tagged PHI=true, runtime python3.8 (deprecated 2024-10-14), timeout
 *    900 s, and an environment variable holding a password (its value must never be collected).
 * 7. ECR repository legacy-worker: scan on push off, mutable tags, AES256 instead of KMS.
 */

import type { CollectionGap } from '../../../core/cloud.js';
import { type AwsContext, awsContext } from './context.js';
import {
  ACCOUNT,
  AL,
  PRIVATE_SUBNET,
  queryAnswer,
  UBUNTU,
  VPC,
  WORKER_SG,
} from './fake-account-ec2.test-helpers.js';
import {
  type AwsCall,
  type AwsHandler,
  type AwsReply,
  type FakeAws,
  jsonError,
  restJsonError,
} from './fake-aws.test-helpers.js';

export {
  ACCOUNT,
  AL,
  IGW,
  IMAGES,
  instancesXml,
  MAIN_TABLE,
  OPEN_SG,
  PRIVATE_SUBNET,
  PUBLIC_SUBNET,
  PUBLIC_TABLE,
  UBUNTU,
  VPC,
  WORKER_SG,
} from './fake-account-ec2.test-helpers.js';

export const credentials = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};

/** The context of one region of the fixture account, with its gap list; `maxAttempts` 3 unless told. */
export function fakeContext(
  fake: FakeAws,
  opts: { region?: string; maxAttempts?: number } = {},
): { ctx: AwsContext; gaps: CollectionGap[] } {
  const region = opts.region ?? 'us-east-1';
  const gaps: CollectionGap[] = [];
  const ctx = awsContext(
    {
      account: ACCOUNT,
      region,
      regions: [region],
      client: { region, credentials, endpoint: fake.endpoint, maxAttempts: opts.maxAttempts ?? 3 },
      now: new Date(),
    },
    gaps,
  );
  return { ctx, gaps };
}

const info = (id: string, name: string, version: string) => ({
  InstanceId: id,
  PingStatus: 'Online',
  LastPingDateTime: 1714557600,
  AgentVersion: '3.3.40.0',
  IsLatestVersion: false,
  PlatformType: 'Linux',
  PlatformName: name,
  PlatformVersion: version,
  ResourceType: 'EC2Instance',
  IPAddress: id === AL.id ? AL.privateIp : UBUNTU.privateIp,
  ComputerName: `${id}.ec2.internal`,
});

export const APPLICATIONS: Record<string, Record<string, string>[][]> = {
  // Amazon Linux inventory over two pages (NextToken), as `rpm -q` splits version and release.
  [AL.id]: [
    [
      {
        Name: 'openssl-libs',
        Version: '3.0.8',
        Release: '1.amzn2023.0.12',
        Epoch: '1',
        Architecture: 'x86_64',
      },
    ],
    [{ Name: 'bash', Version: '5.2.15', Release: '1.amzn2023.0.2', Epoch: '0', Architecture: 'x86_64' }],
  ],
  [UBUNTU.id]: [[{ Name: 'openssl', Version: '3.0.2-0ubuntu1.15', Architecture: 'amd64' }]],
};

/** AL's non-compliant patches over two DescribeInstancePatches pages (API Reference example shape). */
export const AL_PATCHES = [
  [
    {
      Title: 'openssl-libs.x86_64:1:3.0.8-1.amzn2023.0.14',
      KBId: 'openssl-libs.x86_64',
      Classification: 'Security',
      Severity: 'Critical',
      State: 'MISSING',
      InstalledTime: 0,
      CVEIds: 'CVE-2024-0727,CVE-2023-6237',
    },
    {
      Title: 'curl.x86_64:8.5.0-1.amzn2023.0.2',
      KBId: 'curl.x86_64',
      Classification: 'Security',
      Severity: 'Important',
      State: 'MISSING',
      InstalledTime: 0,
      CVEIds: 'CVE-2023-46218',
    },
  ],
  [
    {
      Title: 'kernel.x86_64:6.1.77-99.164.amzn2023',
      KBId: 'kernel.x86_64',
      Classification: 'Security',
      Severity: 'Important',
      State: 'FAILED',
      InstalledTime: 0,
    },
  ],
];

const patchState = (id: string, installed: number, missing: number, failed: number) => ({
  InstanceId: id,
  PatchGroup: 'prod-linux',
  BaselineId: 'pb-0c10e65780EXAMPLE',
  Operation: 'Scan',
  InstalledCount: installed,
  InstalledOtherCount: 4,
  InstalledPendingRebootCount: 0,
  InstalledRejectedCount: 0,
  MissingCount: missing,
  FailedCount: failed,
  NotApplicableCount: 310,
  UnreportedNotApplicableCount: 0,
  CriticalNonCompliantCount: missing > 0 ? 1 : 0,
  SecurityNonCompliantCount: missing + failed > 0 ? 2 : 0,
  OtherNonCompliantCount: 0,
  OperationStartTime: 1714557600,
  OperationEndTime: 1714557660,
  RebootOption: 'NoReboot',
});

const ECR_TARGETS = new Set(['DescribeRepositories', 'ListTagsForResource']);

export const DIGEST_CURRENT = 'sha256:4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945';
export const DIGEST_SHARED = 'sha256:9d3a7c5a1a3f2b0e8c4d6e5f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b';

const repo = (name: string, scanOnPush: boolean, mutability: string, encryption: Record<string, string>) => ({
  repositoryArn: `arn:aws:ecr:us-east-1:${ACCOUNT}:repository/${name}`,
  registryId: ACCOUNT,
  repositoryName: name,
  repositoryUri: `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/${name}`,
  createdAt: 1700000000,
  imageTagMutability: mutability,
  imageScanningConfiguration: { scanOnPush },
  encryptionConfiguration: encryption,
});

const image = (repoName: string, digest: string, tags: string[], pushedAt: number, critical: number) => ({
  registryId: ACCOUNT,
  repositoryName: repoName,
  imageDigest: digest,
  imageTags: tags,
  imageSizeInBytes: 52_428_800,
  imagePushedAt: pushedAt,
  imageManifestMediaType: 'application/vnd.docker.distribution.manifest.v2+json',
  artifactMediaType: 'application/vnd.docker.container.image.v1+json',
  imageScanStatus: { status: 'COMPLETE', description: 'The scan was completed successfully.' },
  imageScanFindingsSummary: {
    imageScanCompletedAt: pushedAt + 60,
    vulnerabilitySourceUpdatedAt: pushedAt - 3600,
    findingSeverityCounts: { CRITICAL: critical, HIGH: 3, MEDIUM: 7 },
  },
});

/** The SSM and ECR (JSON 1.1) answers of the fixture account. */
function jsonAnswer(call: AwsCall): AwsReply {
  const p = call.params;
  switch (call.action) {
    case 'DescribeInstanceInformation':
      return {
        body: JSON.stringify({
          InstanceInformationList: [info(AL.id, 'Amazon Linux', '2023'), info(UBUNTU.id, 'Ubuntu', '22.04')],
        }),
      };
    case 'DescribeInstancePatchStates':
      return {
        body: JSON.stringify({
          InstancePatchStates: [patchState(AL.id, 40, 2, 1), patchState(UBUNTU.id, 12, 0, 0)],
        }),
      };
    case 'DescribeInstancePatches': {
      const pages = p.InstanceId === AL.id ? AL_PATCHES : [[]];
      const n = p.NextToken === undefined ? 0 : 1;
      return {
        body: JSON.stringify({
          Patches: pages[n] ?? [],
          ...(n + 1 < pages.length && { NextToken: 'patches-page-2' }),
        }),
      };
    }
    case 'ListInventoryEntries': {
      const pages = APPLICATIONS[String(p.InstanceId)] ?? [[]];
      const n = p.NextToken === undefined ? 0 : Number(String(p.NextToken).slice('page-'.length));
      const next = n + 1 < pages.length ? `page-${n + 1}` : undefined;
      return {
        body: JSON.stringify({
          TypeName: 'AWS:Application',
          InstanceId: p.InstanceId,
          SchemaVersion: '1.1',
          CaptureTime: '2024-05-01T10:00:00Z',
          Entries: pages[n] ?? [],
          ...(next && { NextToken: next }),
        }),
      };
    }
    case 'DescribeRepositories':
      return p.nextToken === undefined
        ? {
            body: JSON.stringify({
              repositories: [
                repo('ehr-api', true, 'IMMUTABLE', {
                  encryptionType: 'KMS',
                  kmsKey: `arn:aws:kms:us-east-1:${ACCOUNT}:key/ecr-key`,
                }),
              ],
              nextToken: 'repos-page-2',
            }),
          }
        : {
            body: JSON.stringify({
              repositories: [repo('legacy-worker', false, 'MUTABLE', { encryptionType: 'AES256' })],
            }),
          };
    case 'ListTagsForResource':
      return {
        body: JSON.stringify({
          tags: String(p.resourceArn).endsWith('/ehr-api')
            ? [
                { Key: 'PHI', Value: 'true' },
                { Key: 'team', Value: 'ehr' },
              ]
            : [],
        }),
      };
    case 'DescribeImages':
      if (p.repositoryName === 'ehr-api') {
        return p.nextToken === undefined
          ? {
              body: JSON.stringify({
                imageDetails: [image('ehr-api', DIGEST_CURRENT, ['v1.5.0', 'latest'], 1714500000, 0)],
                nextToken: 'images-page-2',
              }),
            }
          : {
              body: JSON.stringify({
                imageDetails: [image('ehr-api', DIGEST_SHARED, ['v1.4.2'], 1704000000, 2)],
              }),
            };
      }
      return {
        body: JSON.stringify({
          imageDetails: [image('legacy-worker', DIGEST_SHARED, ['2024-01'], 1704100000, 2)],
        }),
      };
    default:
      return ECR_TARGETS.has(call.action)
        ? jsonError('ServerException', 'unexpected')
        : jsonError('InvalidAction', `unexpected ${call.action}`);
  }
}

export const FUNCTIONS = {
  phi: {
    FunctionName: 'phi-hl7-ingest',
    FunctionArn: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:phi-hl7-ingest`,
    Runtime: 'python3.8',
    Role: `arn:aws:iam::${ACCOUNT}:role/service-role/hl7-ingest`,
    Handler: 'app.handler',
    CodeSize: 5120,
    Description: 'HL7 feed from the lab system',
    Timeout: 900,
    MemorySize: 1024,
    LastModified: '2023-06-01T10:00:00.000+0000',
    CodeSha256: 'YFgDgEKG3ugvF1+pX64gV6tu9qNuIYNUdgJm8nCxsm4=',
    Version: '$LATEST',
    VpcConfig: { SubnetIds: [PRIVATE_SUBNET], SecurityGroupIds: [WORKER_SG], VpcId: VPC },
    Environment: {
      Variables: { DB_PASSWORD: 'hunter2-not-a-real-secret', HL7_ENDPOINT: 'mllp://lab.internal:2575' },
    },
    KMSKeyArn: `arn:aws:kms:us-east-1:${ACCOUNT}:key/lambda-env`,
    TracingConfig: { Mode: 'PassThrough' },
    Layers: [{ Arn: `arn:aws:lambda:us-east-1:${ACCOUNT}:layer:hl7-parser:3`, CodeSize: 2048 }],
    PackageType: 'Zip',
    Architectures: ['x86_64'],
  },
  thumbnailer: {
    FunctionName: 'thumbnailer',
    FunctionArn: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:thumbnailer`,
    Runtime: 'nodejs20.x',
    Role: `arn:aws:iam::${ACCOUNT}:role/thumbnailer`,
    Handler: 'index.handler',
    CodeSize: 1024,
    Timeout: 30,
    MemorySize: 256,
    LastModified: '2024-04-01T10:00:00.000+0000',
    CodeSha256: 'sha+thumb',
    Version: '$LATEST',
    TracingConfig: { Mode: 'Active' },
    PackageType: 'Zip',
    Architectures: ['arm64'],
  },
  container: {
    FunctionName: 'dicom-convert',
    FunctionArn: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:dicom-convert`,
    Role: `arn:aws:iam::${ACCOUNT}:role/dicom`,
    CodeSize: 0,
    Timeout: 120,
    MemorySize: 2048,
    LastModified: '2024-04-02T10:00:00.000+0000',
    CodeSha256: 'sha+image',
    Version: '$LATEST',
    PackageType: 'Image',
    Architectures: ['x86_64'],
  },
};

const FUNCTION_TAGS: Record<string, Record<string, string>> = {
  [FUNCTIONS.phi.FunctionArn]: { PHI: 'true', Environment: 'prod' },
  [FUNCTIONS.thumbnailer.FunctionArn]: { Environment: 'prod' },
  [FUNCTIONS.container.FunctionArn]: {},
};

/** The Lambda (REST-JSON) answers: ListFunctions over two pages (Marker) and ListTags. */
function restAnswer(call: AwsCall): AwsReply {
  if (call.method === 'GET' && call.path.replace(/\/$/, '') === '/2015-03-31/functions') {
    return call.params.Marker === undefined
      ? { body: JSON.stringify({ Functions: [FUNCTIONS.phi], NextMarker: 'functions-page-2' }) }
      : { body: JSON.stringify({ Functions: [FUNCTIONS.thumbnailer, FUNCTIONS.container] }) };
  }
  const tags = /^\/2017-03-31\/tags\/(.+)$/.exec(call.path);
  if (call.method === 'GET' && tags) {
    const t = FUNCTION_TAGS[tags[1] as string];
    return t
      ? { body: JSON.stringify({ Tags: t }) }
      : restJsonError('ResourceNotFoundException', 'Function not found', 404);
  }
  // GetPolicy and ListFunctionUrlConfigs: these functions have no resource-based policy and no URL.
  if (call.method === 'GET' && /^\/2015-03-31\/functions\/[^/]+\/policy$/.test(call.path))
    return restJsonError('ResourceNotFoundException', 'The resource you requested does not exist.', 404);
  if (call.method === 'GET' && /^\/2021-10-31\/functions\/[^/]+\/urls$/.test(call.path))
    return { body: JSON.stringify({ FunctionUrlConfigs: [] }) };
  return restJsonError('UnknownOperationException', `unexpected ${call.action}`, 404);
}

/** Answers every action of one healthy region; `overrides` replace answers per call. */
export function account(
  overrides: (call: AwsCall, calls: AwsCall[]) => AwsReply | undefined = () => undefined,
): AwsHandler {
  return (call, calls) => {
    const o = overrides(call, calls);
    if (o) return o;
    if (call.protocol === 'query') return queryAnswer(call);
    if (call.protocol === 'json') return jsonAnswer(call);
    return restAnswer(call);
  };
}
