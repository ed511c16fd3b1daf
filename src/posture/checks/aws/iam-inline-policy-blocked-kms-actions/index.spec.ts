import { describe, expect, it } from 'vitest';
import { doc, group, role, userInline } from '../_hardening/iam.test-helpers.js';
import { gap, P, snap, user } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

const KMS_ALL = doc({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' });
const SCOPED = doc({
  Effect: 'Allow',
  Action: 'kms:Decrypt',
  Resource: 'arn:aws:kms:us-east-1:111122223333:key/abc',
});

describe('iam-inline-policy-blocked-kms-actions', () => {
  it('fails users, roles and groups whose inline policies decrypt with every key', () => {
    const out = check.evaluate(
      snap([
        user('alice', {}, { userPolicyList: userInline({ decrypt: KMS_ALL }) }),
        role('app', { scoped: SCOPED }),
        group('ops', { everything: doc({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }) }),
        role('AWSServiceRoleForSupport', { decrypt: KMS_ALL }, '/aws-service-role/'),
      ]),
      P,
    );
    expect(out.map((r) => [r.resourceId.split(':').pop(), r.status])).toEqual([
      ['user/alice', 'fail'],
      ['role/app', 'pass'],
      ['group/ops', 'fail'],
    ]);
    expect(out[0]?.message).toContain('decrypt: kms:Decrypt on all keys');
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error when the inline list or the principals could not be read', () => {
    const out = check.evaluate(
      snap([role('app', null)], [gap('iam', 'GetAccountAuthorizationDetails: AccessDenied', 'global')]),
      P,
    );
    expect(out.map((r) => r.status)).toEqual(['error', 'error']);
  });
});
