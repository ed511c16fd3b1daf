import { describe, expect, it } from 'vitest';
import { doc, group, role, userInline } from '../_hardening/iam.test-helpers.js';
import { gap, P, snap, user } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

const ADMIN = doc({ Effect: 'Allow', Action: '*', Resource: '*' });

describe('iam-inline-policy-no-admin-access', () => {
  it('fails "*" on "*" inline in groups without members, users and roles', () => {
    const out = check.evaluate(
      snap([
        group('break-glass', { all: ADMIN }),
        user(
          'bob',
          {},
          {
            userPolicyList: userInline({ read: doc({ Effect: 'Allow', Action: 's3:Get*', Resource: '*' }) }),
          },
        ),
        role('ci', { all: JSON.stringify(ADMIN) }),
      ]),
      P,
    );
    expect(out.map((r) => [r.resourceId.split(':').pop(), r.status])).toEqual([
      ['user/bob', 'pass'],
      ['role/ci', 'fail'],
      ['group/break-glass', 'fail'],
    ]);
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error for an unparsable inline policy and for unlisted principals', () => {
    const out = check.evaluate(
      snap(
        [role('odd', { broken: 'not json' })],
        [gap('iam', 'GetAccountAuthorizationDetails: AccessDenied', 'global')],
      ),
      P,
    );
    expect(out.map((r) => r.status)).toEqual(['error', 'error']);
    expect(out[0]?.message).toContain('broken');
  });
});
