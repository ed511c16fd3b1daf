/**
 * The fixture account of the wire-level tests: two instances (Amazon Linux 2023 with PHI tags and a
 * public IP; Ubuntu 22.04, private) over two DescribeInstances pages, their SSM instance
 * information, patch states and `AWS:Application` inventory, in the shapes of the EC2 and SSM API
 * reference examples.
 */
import {
  type AwsCall,
  type AwsHandler,
  type AwsReply,
  describeInstancesXml,
  jsonError,
} from './fake-aws.test-helpers.js';
export const ACCOUNT = '111122223333';
export const credentials = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};

export const AL = {
  id: 'i-0a1b2c3d4e5f60001',
  ami: 'ami-0abcdef1234567890',
  launchTime: '2024-03-01T09:30:00.000Z',
  privateIp: '10.0.1.10',
  publicIp: '54.194.252.215',
  httpTokens: 'required' as const,
  tags: { Name: 'ehr-api-1', PHI: 'true', Environment: 'prod' },
};
export const UBUNTU = {
  id: 'i-0a1b2c3d4e5f60002',
  ami: 'ami-0fedcba9876543210',
  launchTime: '2023-11-15T12:00:00.000Z',
  privateIp: '10.0.2.20',
  httpTokens: 'optional' as const,
  tags: { Name: 'worker-1', DataClassification: 'internal' },
};

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
  ComputerName: `${id}.ec2.internal`,
});

const entries: Record<string, Record<string, string>[][]> = {
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

/** Answers every action of one healthy region; `overrides` replace answers per region/action. */
export function account(
  overrides: (call: AwsCall, calls: AwsCall[]) => AwsReply | undefined = () => undefined,
): AwsHandler {
  return (call, calls) => {
    const o = overrides(call, calls);
    if (o) return o;
    const p = call.params;
    switch (call.action) {
      case 'DescribeInstances':
        return p.NextToken === undefined
          ? { body: describeInstancesXml(ACCOUNT, [AL], 'eyJ2IjoiMiIsImMiOiJwYWdlMiJ9') }
          : { body: describeInstancesXml(ACCOUNT, [UBUNTU]) };
      case 'DescribeInstanceInformation':
        return {
          body: JSON.stringify({
            InstanceInformationList: [
              info(AL.id, 'Amazon Linux', '2023'),
              info(UBUNTU.id, 'Ubuntu', '22.04'),
            ],
          }),
        };
      case 'DescribeInstancePatchStates':
        return {
          body: JSON.stringify({
            InstancePatchStates: [
              {
                InstanceId: AL.id,
                BaselineId: 'pb-0c10e65780EXAMPLE',
                Operation: 'Scan',
                InstalledCount: 40,
                MissingCount: 2,
                FailedCount: 1,
                OperationStartTime: 1714557600,
                OperationEndTime: 1714557660,
              },
              {
                InstanceId: UBUNTU.id,
                BaselineId: 'pb-0c10e65780EXAMPLE',
                Operation: 'Scan',
                InstalledCount: 12,
                MissingCount: 0,
                FailedCount: 0,
                OperationStartTime: 1714557600,
                OperationEndTime: 1714557660,
              },
            ],
          }),
        };
      case 'ListInventoryEntries': {
        const pages = entries[String(p.InstanceId)] ?? [[]];
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
      default:
        return jsonError('InvalidAction', `unexpected ${call.action}`);
    }
  };
}
