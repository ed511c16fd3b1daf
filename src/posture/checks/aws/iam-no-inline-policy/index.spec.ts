import { describe, expect, it } from 'vitest';
import { doc, group, role, userInline } from '../_hardening/iam.test-helpers.js';
import { gap, P, snap, user } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

const ANY = doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' });

describe('iam-no-inline-policy', () => {
  it('fails principals with inline policies, passes the others, skips service-linked roles', () => {
    const out = check.evaluate(
      snap([
        user('alice', {}, { userPolicyList: userInline({ mine: ANY }) }),
        user('bob'),
        role('app', {}),
        group('ops', { extra: ANY }),
        role('AWSServiceRoleForECS', { svc: ANY }, '/aws-service-role/'),
      ]),
      P,
    );
    expect(out.map((r) => [r.resourceId.split(':').pop(), r.status])).toEqual([
      ['user/alice', 'fail'],
      ['user/bob', 'pass'],
      ['role/app', 'pass'],
      ['group/ops', 'fail'],
    ]);
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error when the inline list or the principals could not be read', () => {
    const out = check.evaluate(
      snap([role('r', null)], [gap('iam', 'GetAccountAuthorizationDetails: AccessDenied', 'global')]),
      P,
    );
    expect(out.map((r) => [r.status, r.resourceId])).toEqual([
      ['error', 'arn:aws:iam::111122223333:role/r'],
      ['error', 'arn:aws:iam::111122223333:*'],
    ]);
  });
});
