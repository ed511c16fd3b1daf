/**
 * Wire-level tests of the Systems Manager collector: the real SSM client against the loopback AWS
 * answering in JSON 1.1, shaped after the SSM API Reference examples.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { isAppError } from '../../../../core/errors.js';
import { ACCOUNT, AL, account, fakeContext, UBUNTU } from '../fake-account.test-helpers.js';
import { type FakeAws, jsonError, startFakeAws } from '../fake-aws.test-helpers.js';
import { ssmCollector } from './ssm.js';

let fake: FakeAws | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const arn = (resource: string) => `arn:aws:ssm:us-east-1:${ACCOUNT}:${resource}`;

describe('ssmCollector', () => {
  it('reports inventory and patch compliance items in AWS Config shape, following every page', async () => {
    fake = await startFakeAws(account());
    const { ctx, gaps } = fakeContext(fake);
    const resources = await ssmCollector.collect(ctx);
    expect(gaps).toEqual([]);
    expect(resources.map((r) => [r.type, r.id, r.name])).toEqual([
      ['AWS::SSM::ManagedInstanceInventory', arn(`managed-instance-inventory/${AL.id}`), AL.id],
      ['AWS::SSM::ManagedInstanceInventory', arn(`managed-instance-inventory/${UBUNTU.id}`), UBUNTU.id],
      ['AWS::SSM::PatchCompliance', arn(`patch-compliance/${AL.id}`), AL.id],
      ['AWS::SSM::PatchCompliance', arn(`patch-compliance/${UBUNTU.id}`), UBUNTU.id],
    ]);
    const [inv, , patch, ubPatch] = resources;
    expect(inv?.configuration).toEqual({
      'AWS:InstanceInformation': {
        SchemaVersion: '1.0',
        Content: {
          [AL.id]: {
            AgentVersion: '3.3.40.0',
            ComputerName: `${AL.id}.ec2.internal`,
            InstanceId: AL.id,
            IpAddress: AL.privateIp,
            PlatformName: 'Amazon Linux',
            PlatformType: 'Linux',
            PlatformVersion: '2023',
            ResourceType: 'EC2Instance',
          },
        },
      },
      'AWS:Application': {
        SchemaVersion: '1.1',
        Content: {
          'openssl-libs': {
            Name: 'openssl-libs',
            Version: '3.0.8',
            Release: '1.amzn2023.0.12',
            Epoch: '1',
            Architecture: 'x86_64',
          },
          bash: {
            Name: 'bash',
            Version: '5.2.15',
            Release: '1.amzn2023.0.2',
            Epoch: '0',
            Architecture: 'x86_64',
          },
        },
      },
    });
    expect(inv?.supplementary).toMatchObject({
      instanceInformation: { pingStatus: 'Online', isLatestVersion: false },
      applicationsCaptureTime: '2024-05-01T10:00:00Z',
    });

    const item = patch?.configuration['AWS:ComplianceItem'] as {
      Content: { Patch: Record<string, unknown> };
    };
    expect(item).toMatchObject({ SchemaVersion: '1.0', ComplianceType: 'Patch' });
    expect(item.Content.Patch).toEqual({
      ComplianceSummary: {
        ComplianceType: 'Patch',
        PatchBaselineId: 'pb-0c10e65780EXAMPLE',
        PatchGroup: 'prod-linux',
        Status: 'NON_COMPLIANT',
        NonCompliantCriticalCount: 1,
        ExecutionTime: '2024-05-01T10:01:00.000Z',
      },
      'openssl-libs.x86_64': {
        Id: 'openssl-libs.x86_64',
        Title: 'openssl-libs.x86_64:1:3.0.8-1.amzn2023.0.14',
        Status: 'NON_COMPLIANT',
        PatchSeverity: 'Critical',
        Classification: 'Security',
        PatchState: 'Missing',
        PatchBaselineId: 'pb-0c10e65780EXAMPLE',
        PatchGroup: 'prod-linux',
        CVEIds: 'CVE-2024-0727,CVE-2023-6237',
      },
      'curl.x86_64': expect.objectContaining({ PatchState: 'Missing', PatchSeverity: 'Important' }),
      'kernel.x86_64': expect.objectContaining({ PatchState: 'Failed', Status: 'NON_COMPLIANT' }),
    });
    expect(patch?.supplementary.patchState).toMatchObject({
      installedCount: 40,
      missingCount: 2,
      failedCount: 1,
    });
    const ubItem = ubPatch?.configuration['AWS:ComplianceItem'] as {
      Content: { Patch: Record<string, unknown> };
    };
    expect(Object.keys(ubItem.Content.Patch)).toEqual(['ComplianceSummary']);
    expect(ubItem.Content.Patch.ComplianceSummary).toMatchObject({ Status: 'COMPLIANT' });

    // What the SDK sent: JSON 1.1 targets, batch and page sizes, filters and tokens.
    const ssm = fake.calls;
    expect(ssm.every((c) => c.headers['content-type'] === 'application/x-amz-json-1.1')).toBe(true);
    expect(ssm.map((c) => c.headers['x-amz-target'])).toEqual([
      'AmazonSSM.DescribeInstanceInformation',
      'AmazonSSM.DescribeInstancePatchStates',
      'AmazonSSM.DescribeInstancePatches',
      'AmazonSSM.DescribeInstancePatches',
      'AmazonSSM.ListInventoryEntries',
      'AmazonSSM.ListInventoryEntries',
      'AmazonSSM.ListInventoryEntries',
    ]);
    expect(ssm[0]?.params).toEqual({ MaxResults: 50 });
    expect(ssm[1]?.params).toEqual({ InstanceIds: [AL.id, UBUNTU.id], MaxResults: 100 });
    // Only AL has non-compliant patches to list; Ubuntu's summary counts none.
    const filters = [
      { Key: 'State', Values: ['Missing', 'Failed', 'InstalledPendingReboot', 'InstalledRejected'] },
    ];
    expect(ssm.slice(2, 4).map((c) => c.params)).toEqual([
      { InstanceId: AL.id, Filters: filters, MaxResults: 100 },
      { InstanceId: AL.id, Filters: filters, MaxResults: 100, NextToken: 'patches-page-2' },
    ]);
    expect(ssm.slice(4).map((c) => c.params)).toEqual([
      { InstanceId: AL.id, TypeName: 'AWS:Application', MaxResults: 50 },
      { InstanceId: AL.id, TypeName: 'AWS:Application', MaxResults: 50, NextToken: 'page-1' },
      { InstanceId: UBUNTU.id, TypeName: 'AWS:Application', MaxResults: 50 },
    ]);
  });

  it('reports managed nodes EC2 does not know (hybrid mi-…)', async () => {
    const hybrid = {
      InstanceId: 'mi-0123456789abcdef0',
      PingStatus: 'Online',
      PlatformType: 'Linux',
      PlatformName: 'Red Hat Enterprise Linux',
      PlatformVersion: '9.3',
      ResourceType: 'ManagedInstance',
      Name: 'lab-analyzer-gw',
      ComputerName: 'lab-gw.hospital.local',
    };
    fake = await startFakeAws(
      account((call) =>
        call.action === 'DescribeInstanceInformation'
          ? { body: JSON.stringify({ InstanceInformationList: [hybrid] }) }
          : undefined,
      ),
    );
    const { ctx } = fakeContext(fake);
    const resources = await ssmCollector.collect(ctx);
    expect(resources.map((r) => r.id)).toContain(arn('managed-instance-inventory/mi-0123456789abcdef0'));
    expect(resources[0]?.configuration['AWS:InstanceInformation']).toMatchObject({
      Content: { 'mi-0123456789abcdef0': { ResourceType: 'ManagedInstance', PlatformVersion: '9.3' } },
    });
  });

  it('asks for patch states 50 nodes at a time', async () => {
    const many = Array.from({ length: 120 }, (_, i) => ({
      InstanceId: `i-${i.toString(16).padStart(17, '0')}`,
      PlatformType: 'Linux',
      PlatformName: 'Ubuntu',
    }));
    fake = await startFakeAws(
      account((call) => {
        if (call.action === 'DescribeInstanceInformation') {
          const start = call.params.NextToken === undefined ? 0 : 50 * Number(call.params.NextToken);
          const next = start + 50 < many.length ? String(start / 50 + 1) : undefined;
          return {
            body: JSON.stringify({
              InstanceInformationList: many.slice(start, start + 50),
              ...(next && { NextToken: next }),
            }),
          };
        }
        if (call.action === 'DescribeInstancePatchStates') return { body: '{"InstancePatchStates":[]}' };
        if (call.action === 'ListInventoryEntries') return { body: '{"Entries":[],"SchemaVersion":"1.1"}' };
        return undefined;
      }),
    );
    const { ctx } = fakeContext(fake);
    const resources = await ssmCollector.collect(ctx);
    expect(resources).toHaveLength(120);
    expect(fake.calls.filter((c) => c.action === 'DescribeInstanceInformation')).toHaveLength(3);
    const batches = fake.calls.filter((c) => c.action === 'DescribeInstancePatchStates');
    expect(batches.map((c) => (c.params.InstanceIds as string[]).length)).toEqual([50, 50, 20]);
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
    const { ctx, gaps } = fakeContext(fake, { maxAttempts: 3 });
    const resources = await ssmCollector.collect(ctx);
    expect(gaps).toEqual([]);
    expect(resources).toHaveLength(4);
    expect(fake.calls.filter((c) => c.action === 'DescribeInstanceInformation')).toHaveLength(2);
  });

  it('fails with CLOUD_THROTTLED when every attempt is throttled', async () => {
    fake = await startFakeAws(
      account((call) =>
        call.action === 'ListInventoryEntries'
          ? jsonError('ThrottlingException', 'Rate exceeded')
          : undefined,
      ),
    );
    const { ctx } = fakeContext(fake, { maxAttempts: 3 });
    const err = await ssmCollector.collect(ctx).catch((e: unknown) => e);
    expect(isAppError(err, 'CLOUD_THROTTLED')).toBe(true);
    expect(fake.calls.filter((c) => c.action === 'ListInventoryEntries')).toHaveLength(3);
  });

  it('fails with CLOUD_CREDENTIALS on an expired token instead of returning a partial inventory', async () => {
    fake = await startFakeAws(
      account(() =>
        jsonError('ExpiredTokenException', 'The security token included in the request is expired'),
      ),
    );
    const { ctx } = fakeContext(fake, { maxAttempts: 1 });
    const err = await ssmCollector.collect(ctx).catch((e: unknown) => e);
    expect(isAppError(err, 'CLOUD_CREDENTIALS')).toBe(true);
    expect(isAppError(err) && err.details).toMatchObject({
      service: 'ssm',
      region: 'us-east-1',
      operation: 'DescribeInstanceInformation',
      reason: 'ExpiredTokenException',
    });
  });

  it('records denied inventory as a gap and keeps nodes and patch compliance', async () => {
    fake = await startFakeAws(
      account((call) =>
        call.action === 'ListInventoryEntries'
          ? jsonError('AccessDeniedException', 'User is not authorized to perform: ssm:ListInventoryEntries')
          : undefined,
      ),
    );
    const { ctx, gaps } = fakeContext(fake);
    const resources = await ssmCollector.collect(ctx);
    expect(gaps.map((g) => [g.service, g.reason])).toEqual([
      ['ssm', 'ListInventoryEntries: AccessDeniedException'],
    ]);
    // Stopped at the first denial: the same policy denies every node.
    expect(fake.calls.filter((c) => c.action === 'ListInventoryEntries')).toHaveLength(1);
    const inventories = resources.filter((r) => r.type === 'AWS::SSM::ManagedInstanceInventory');
    expect(inventories).toHaveLength(2);
    expect(inventories.every((r) => r.configuration['AWS:Application'] === undefined)).toBe(true);
    expect(resources.filter((r) => r.type === 'AWS::SSM::PatchCompliance')).toHaveLength(2);
  });
});
