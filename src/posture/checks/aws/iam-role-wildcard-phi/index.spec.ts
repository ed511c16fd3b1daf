import { describe, expect, it } from 'vitest';
import { ACCOUNT, P, res, snap, user } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

const S3_STAR = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] };
const NARROW = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::phi/*' }],
};
const role = (name: string, docs: unknown[], attached: string[] = []) =>
  res('AWS::IAM::Role', `arn:aws:iam::${ACCOUNT}:role/${name}`, {
    name,
    region: 'global',
    tags: { PHI: 'true' },
    configuration: {
      roleName: name,
      rolePolicyList: docs.map((d, i) => ({ policyName: `p${i}`, policyDocument: d })),
      attachedManagedPolicies: attached.map((policyArn) => ({ policyArn })),
    },
  });
const managed = (arn: string, doc: unknown) =>
  res('AWS::IAM::Policy', arn, {
    region: 'global',
    configuration: { policyVersionList: [{ document: doc, isDefaultVersion: true }] },
  });
const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';

describe('iam-role-wildcard-phi', () => {
  it('passes narrow grants', () => {
    expect(check.evaluate(snap([role('r', [NARROW])]), P)).toMatchObject([{ status: 'pass' }]);
  });
  it('fails the seeded s3:* inline policy, and a user inheriting admin through a group', () => {
    const group = res('AWS::IAM::Group', `arn:aws:iam::${ACCOUNT}:group/admins`, {
      name: 'admins',
      region: 'global',
      configuration: { groupPolicyList: [], attachedManagedPolicies: [{ policyArn: ADMIN }] },
    });
    const out = check.evaluate(
      snap([
        role('ehr-app-role', [S3_STAR]),
        user('u', {}, { groupList: ['admins'] }),
        group,
        managed(ADMIN, { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }),
      ]),
      P,
    );
    expect(out.map((r) => r.status)).toEqual(['fail', 'fail']);
    expect(out[0]?.message).toContain('principal tagged PHI');
    expect(out[1]?.message).toContain('group admins');
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error when an attached policy is not in the snapshot', () => {
    expect(check.evaluate(snap([role('r', [NARROW], [ADMIN])]), P)).toMatchObject([{ status: 'error' }]);
  });
});
