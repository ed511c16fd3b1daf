import { describe, expect, it } from 'vitest';
import type { CloudResource } from '../../../../core/cloud.js';
import { ACCOUNT, gap, P, res, snap } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

const MEMBER = '999988887777';
const membership = (config: Record<string, unknown>, account = ACCOUNT) =>
  res('AWS::Organizations::AccountMembership', `arn:aws:organizations::${account}:account-membership`, {
    account,
    region: 'global',
    configuration: config,
  });
const org = (management = ACCOUNT) => ({ id: 'o-a1b2c3d4e5', masterAccountId: management });
// `targetIds` null: ListTargetsForPolicy was denied.
const scp = (name: string, statements: unknown[], targetIds: string[] | null = ['r-a1b2']) =>
  res(
    'AWS::Organizations::Policy',
    `arn:aws:organizations::${ACCOUNT}:policy/o-a1b2c3d4e5/service_control_policy/p-${name}`,
    {
      name,
      region: 'global',
      configuration: {
        name,
        type: 'SERVICE_CONTROL_POLICY',
        content: { Version: '2012-10-17', Statement: statements },
        ...(targetIds !== null && { targetIds }),
      },
      supplementary:
        targetIds === null ? {} : { targets: targetIds.map((t) => ({ targetId: t, name: t, type: 'ROOT' })) },
    },
  );
const S3 = {
  Effect: 'Deny',
  Action: 's3:PutObject',
  Resource: '*',
  Condition: { Null: { 's3:x-amz-server-side-encryption': 'true' } },
};
const EBS = {
  Effect: 'Deny',
  Action: 'ec2:CreateVolume',
  Resource: '*',
  Condition: { Bool: { 'ec2:Encrypted': 'false' } },
};
const RDS = {
  Effect: 'Deny',
  Action: 'rds:CreateDBInstance',
  Resource: '*',
  Condition: { Bool: { 'rds:StorageEncrypted': 'false' } },
};
const managed = (...policies: CloudResource[]) => [
  membership({ policiesRead: true, organization: org() }),
  ...policies,
];

describe('scp-encryption-enforced', () => {
  it('passes when attached SCPs give all three guarantees, naming where they are attached', () => {
    const out = check.evaluate(
      snap(managed(scp('writes', [S3, RDS]), scp('ebs', [EBS], ['ou-a1b2-clinical']))),
      P,
    );
    expect(out).toMatchObject([
      {
        status: 'pass',
        resourceId: ACCOUNT,
        evidence: {
          organizationId: 'o-a1b2c3d4e5',
          guarantees: {
            'ebs-volume-encryption': {
              enforced: true,
              enforcedBy: [{ policy: 'ebs', targets: [{ targetId: 'ou-a1b2-clinical', type: 'ROOT' }] }],
            },
          },
        },
      },
    ]);
  });

  it('fails naming the guarantees no attached SCP gives (an unattached draft does not count)', () => {
    const out = check.evaluate(snap(managed(scp('writes', [S3, RDS]), scp('ebs', [EBS], []))), P);
    expect(out).toMatchObject([
      {
        status: 'fail',
        message: 'No attached SCP enforces: ebs-volume-encryption',
        evidence: {
          guarantees: { 'ebs-volume-encryption': { enforced: false, unattachedPolicies: ['ebs'] } },
        },
      },
    ]);
  });

  it('has no results on an empty snapshot, or when Organizations was not collected', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
    expect(check.evaluate(snap([res('AWS::KMS::Key', 'k')]), P)).toEqual([]);
  });

  it('is manual, never pass or fail, when SCPs could not be read', () => {
    const denied = check.evaluate(
      snap(
        [membership({ policiesRead: false, organization: org() })],
        [gap('organizations', 'ListPolicies: AccessDeniedException', 'global')],
      ),
      P,
    );
    expect(denied).toMatchObject([
      { status: 'manual', message: 'SCPs could not be read (ListPolicies: AccessDeniedException)' },
    ]);
    const noOrg = check.evaluate(snap([membership({ policiesRead: false, organization: null })]), P);
    expect(noOrg).toMatchObject([{ status: 'manual' }]);
    const partly = check.evaluate(snap(managed(scp('writes', [S3, RDS]), scp('secret', [], null))), P);
    expect(partly).toMatchObject([{ status: 'manual', evidence: { unreadablePolicies: ['secret'] } }]);
  });

  it('judges a member account at its management account, or says it cannot', () => {
    const member = membership({ policiesRead: false, organization: org(ACCOUNT) }, MEMBER);
    const both = { ...snap([...managed(scp('all', [S3, EBS, RDS])), member]), accounts: [ACCOUNT, MEMBER] };
    expect(check.evaluate(both, P).map((r) => [r.account, r.status])).toEqual([[ACCOUNT, 'pass']]);
    const alone = { ...snap([member]), accounts: [MEMBER] };
    expect(check.evaluate(alone, P)).toMatchObject([
      {
        account: MEMBER,
        status: 'manual',
        message: expect.stringContaining(`management account ${ACCOUNT}`),
      },
    ]);
  });
});
