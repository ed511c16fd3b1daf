/** Wire-level tests of the Organizations collector (JSON 1.1, `NextToken` pagination). */
import { afterEach, describe, expect, it } from 'vitest';
import { isAppError } from '../../../../core/errors.js';
import { type FakeAws, jsonError, startFakeAws } from '../fake-aws.test-helpers.js';
import {
  ACCOUNT,
  fakeContext,
  ORG_ID,
  OU_ID,
  ROOT_ID,
  SCP_EBS,
  SCP_FULL,
  SCP_WRITES,
  servicesAccount,
} from './fake-services-account.test-helpers.js';
import { ORG_MEMBERSHIP_TYPE, organizationsCollector } from './organizations.js';

let fake: FakeAws | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});
const MEMBERSHIP = `arn:aws:organizations::${ACCOUNT}:account-membership`;
const actions = (f: FakeAws) => f.calls.map((c) => c.action);

describe('organizationsCollector', () => {
  it('reads the SCPs of the management account: content parsed, targets, tags', async () => {
    fake = await startFakeAws(servicesAccount());
    const { ctx, gaps } = fakeContext(fake);
    const out = await organizationsCollector.collect(ctx);
    expect(gaps).toEqual([]);
    expect(out.map((r) => [r.type, r.id, r.region])).toEqual([
      [ORG_MEMBERSHIP_TYPE, MEMBERSHIP, 'global'],
      ['AWS::Organizations::Policy', SCP_FULL, 'global'],
      ['AWS::Organizations::Policy', SCP_WRITES, 'global'],
      ['AWS::Organizations::Policy', SCP_EBS, 'global'],
    ]);
    const [membership, full, writes, ebs] = out;
    expect(membership?.configuration).toEqual({
      policiesRead: true,
      organization: {
        id: ORG_ID,
        arn: `arn:aws:organizations::${ACCOUNT}:organization/${ORG_ID}`,
        featureSet: 'ALL',
        masterAccountArn: `arn:aws:organizations::${ACCOUNT}:account/${ORG_ID}/${ACCOUNT}`,
        masterAccountId: ACCOUNT,
      },
    });
    expect(full?.configuration).toMatchObject({
      name: 'FullAWSAccess',
      awsManaged: true,
      targetIds: [ROOT_ID],
    });
    expect(full?.tags).toEqual({});
    expect(writes?.tags).toEqual({ Owner: 'security' });
    expect(writes?.configuration).toMatchObject({
      id: 'p-a1b2c3d4',
      name: 'deny-unencrypted-writes',
      type: 'SERVICE_CONTROL_POLICY',
      targetIds: [OU_ID],
      content: {
        Statement: [
          {
            Effect: 'Deny',
            Action: 's3:PutObject',
            Condition: { Null: { 's3:x-amz-server-side-encryption': 'true' } },
          },
          expect.objectContaining({ Action: ['rds:CreateDBInstance', 'rds:CreateDBCluster'] }),
        ],
      },
    });
    expect(writes?.supplementary.targets).toEqual([
      {
        targetId: OU_ID,
        arn: `arn:aws:organizations::${ACCOUNT}:ou/${ORG_ID}/${OU_ID}`,
        name: 'Clinical',
        type: 'ORGANIZATIONAL_UNIT',
      },
    ]);
    expect(ebs?.configuration.targetIds).toEqual([]);

    const list = fake.calls.filter((c) => c.action === 'ListPolicies');
    expect(list.map((c) => c.params)).toEqual([
      { Filter: 'SERVICE_CONTROL_POLICY' },
      { Filter: 'SERVICE_CONTROL_POLICY', NextToken: 'policies-page-2' },
    ]);
    // AWS-managed policies cannot be tagged: no ListTagsForResource for FullAWSAccess.
    expect(
      fake.calls.filter((c) => c.action === 'ListTagsForResource').map((c) => c.params.ResourceId),
    ).toEqual(['p-a1b2c3d4', 'p-e5f6g7h8']);
  });

  it('says "in no organization" without a gap on AWSOrganizationsNotInUseException', async () => {
    fake = await startFakeAws(
      servicesAccount((call) =>
        call.service === 'organizations'
          ? jsonError('AWSOrganizationsNotInUseException', 'Your account is not a member of an organization.')
          : undefined,
      ),
    );
    const { ctx, gaps } = fakeContext(fake);
    const out = await organizationsCollector.collect(ctx);
    expect(gaps).toEqual([]);
    expect(out.map((r) => r.configuration)).toEqual([{ policiesRead: false, organization: null }]);
    expect(actions(fake)).toEqual(['DescribeOrganization']);
  });

  it('does not ask a member account for SCPs (they are read in the management account)', async () => {
    fake = await startFakeAws(
      servicesAccount((call) =>
        call.action === 'DescribeOrganization'
          ? {
              body: JSON.stringify({
                Organization: { Id: ORG_ID, FeatureSet: 'ALL', MasterAccountId: '999988887777' },
              }),
            }
          : undefined,
      ),
    );
    const { ctx, gaps } = fakeContext(fake);
    const out = await organizationsCollector.collect(ctx);
    expect(gaps).toEqual([]);
    expect(out.map((r) => r.configuration)).toEqual([
      {
        policiesRead: false,
        organization: { id: ORG_ID, featureSet: 'ALL', masterAccountId: '999988887777' },
      },
    ]);
    expect(actions(fake)).toEqual(['DescribeOrganization']);
  });

  it('records AccessDenied on ListPolicies as a gap and goes on', async () => {
    fake = await startFakeAws(
      servicesAccount((call) =>
        call.action === 'ListPolicies'
          ? jsonError('AccessDeniedException', 'You don\u2019t have permissions to access this resource.')
          : undefined,
      ),
    );
    const { ctx, gaps } = fakeContext(fake);
    const out = await organizationsCollector.collect(ctx);
    expect(gaps.map((g) => [g.service, g.region, g.reason])).toEqual([
      ['organizations', 'global', 'ListPolicies: AccessDeniedException'],
    ]);
    expect(out).toHaveLength(1);
    expect(out[0]?.configuration.policiesRead).toBe(false);
  });

  it('tries ListPolicies when DescribeOrganization is denied, and keeps the gap', async () => {
    fake = await startFakeAws(
      servicesAccount((call) =>
        call.action === 'DescribeOrganization' ? jsonError('AccessDeniedException', 'denied') : undefined,
      ),
    );
    const { ctx, gaps } = fakeContext(fake);
    const out = await organizationsCollector.collect(ctx);
    expect(gaps.map((g) => g.reason)).toEqual(['DescribeOrganization: AccessDeniedException']);
    expect(out[0]?.configuration).toEqual({ policiesRead: true });
    expect(out).toHaveLength(4);
  });

  it('keeps a policy whose DescribePolicy and ListTargetsForPolicy are denied, without content or targets', async () => {
    fake = await startFakeAws(
      servicesAccount((call) =>
        (call.action === 'DescribePolicy' || call.action === 'ListTargetsForPolicy') &&
        call.params.PolicyId === 'p-e5f6g7h8'
          ? jsonError('AccessDeniedException', 'denied')
          : undefined,
      ),
    );
    const { ctx, gaps } = fakeContext(fake);
    const out = await organizationsCollector.collect(ctx);
    expect(gaps.map((g) => g.reason)).toEqual([
      'DescribePolicy: AccessDeniedException',
      'ListTargetsForPolicy: AccessDeniedException',
    ]);
    const ebs = out.find((r) => r.id === SCP_EBS);
    expect(ebs?.configuration.content).toBeUndefined();
    expect(ebs?.configuration.targetIds).toBeUndefined();
    expect(ebs?.supplementary).toEqual({});
  });

  it('stops with CLOUD_API on an unexpected service error', async () => {
    fake = await startFakeAws(
      servicesAccount(() =>
        jsonError('ServiceException', 'AWS Organizations can\u2019t complete your request', 500),
      ),
    );
    const { ctx } = fakeContext(fake);
    const err = await organizationsCollector.collect(ctx).catch((e: unknown) => e);
    expect(isAppError(err) && err.code).toBe('CLOUD_API');
  });
});
