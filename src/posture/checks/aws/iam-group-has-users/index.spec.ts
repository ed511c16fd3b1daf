import { describe, expect, it } from 'vitest';
import { group } from '../_hardening/iam.test-helpers.js';
import { gap, P, snap, user } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

describe('iam-group-has-users', () => {
  it('passes groups with members and fails empty ones', () => {
    const out = check.evaluate(
      snap([
        group('clinicians'),
        group('legacy-admins'),
        user('alice', {}, { groupList: ['clinicians'] }),
        user('bob'),
      ]),
      P,
    );
    expect(out.map((r) => [r.resourceId.split('/').pop(), r.status])).toEqual([
      ['clinicians', 'pass'],
      ['legacy-admins', 'fail'],
    ]);
    expect(out[0]?.evidence).toEqual({ members: ['alice'] });
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error when memberships or groups could not be read', () => {
    const noGroups = { ...user('carol'), configuration: { userName: 'carol' } };
    const out = check.evaluate(
      snap([group('g'), noGroups], [gap('iam', 'GetAccountAuthorizationDetails: AccessDenied', 'global')]),
      P,
    );
    expect(out.map((r) => r.status)).toEqual(['error', 'error']);
  });
});
