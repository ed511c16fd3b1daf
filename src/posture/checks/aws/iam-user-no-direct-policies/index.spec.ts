import { describe, expect, it } from 'vitest';
import { doc, userInline } from '../_hardening/iam.test-helpers.js';
import { gap, P, snap, user } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

describe('iam-user-no-direct-policies', () => {
  it('fails users with inline or attached policies and passes group-only users', () => {
    const out = check.evaluate(
      snap([
        user(
          'alice',
          {},
          {
            attachedManagedPolicies: [
              { policyName: 'ReadOnlyAccess', policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
            ],
          },
        ),
        user(
          'bob',
          {},
          {
            userPolicyList: userInline({
              own: doc({ Effect: 'Allow', Action: 'iam:ChangePassword', Resource: '*' }),
            }),
          },
        ),
        user('carol', {}, { groupList: ['clinicians'] }),
      ]),
      P,
    );
    expect(out.map((r) => r.status)).toEqual(['fail', 'fail', 'pass']);
    expect(out[0]?.evidence).toMatchObject({
      attachedManagedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
    });
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error when the policy lists or the users could not be read', () => {
    const bare = { ...user('dave'), configuration: { userName: 'dave' } };
    const out = check.evaluate(
      snap([bare], [gap('iam', 'GetAccountAuthorizationDetails: AccessDenied', 'global')]),
      P,
    );
    expect(out.map((r) => r.status)).toEqual(['error', 'error']);
  });
});
