import { describe, expect, it } from 'vitest';
import { doc, managedPolicy } from '../_hardening/iam.test-helpers.js';
import { gap, P, snap } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

const allow = (Action: unknown, Resource: unknown = '*') => ({ Effect: 'Allow', Action, Resource });

describe('iam-customer-policy-blocked-kms-actions', () => {
  it('fails Decrypt or ReEncryptFrom on all keys through any wildcard, passes scoped grants', () => {
    const out = check.evaluate(
      snap([
        managedPolicy('kms-star', doc(allow('kms:*'))),
        managedPolicy('re-star', doc(allow('kms:Re*', 'arn:aws:kms:*:111122223333:key/*'))),
        managedPolicy('admin', doc(allow('*'))),
        managedPolicy('one-key', doc(allow('kms:Decrypt', 'arn:aws:kms:us-east-1:111122223333:key/abc'))),
        managedPolicy('describe', doc(allow(['kms:Describe*', 'kms:List*', 'kms:Encrypt']))),
        managedPolicy('AdministratorAccess', doc(allow('*')), { aws: true }),
      ]),
      P,
    );
    expect(out.map((r) => [r.resourceId.split('/').pop(), r.status])).toEqual([
      ['kms-star', 'fail'],
      ['re-star', 'fail'],
      ['admin', 'fail'],
      ['one-key', 'pass'],
      ['describe', 'pass'],
    ]);
    expect(out[1]?.message).toContain('kms:ReEncryptFrom on all keys');
    expect(out[1]?.message).not.toContain('kms:Decrypt');
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error for a missing default version, an unparsable document and unlisted policies', () => {
    const out = check.evaluate(
      snap(
        [managedPolicy('noversion', undefined), managedPolicy('garbled', '%%%not-a-policy')],
        [gap('iam', 'GetAccountAuthorizationDetails: AccessDenied', 'global')],
      ),
      P,
    );
    expect(out.map((r) => [r.resourceId, r.status])).toEqual([
      ['arn:aws:iam::111122223333:policy/noversion', 'error'],
      ['arn:aws:iam::111122223333:policy/garbled', 'error'],
      ['arn:aws:iam::111122223333:policy/*', 'error'],
    ]);
  });
});
