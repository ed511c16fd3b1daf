import { describe, expect, it } from 'vitest';
import { doc, managedPolicy } from '../_hardening/iam.test-helpers.js';
import { gap, P, snap } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

describe('iam-policy-no-admin-access', () => {
  it('fails "*" on "*" in customer and attached AWS-managed policies, honours an unconditional Deny', () => {
    const out = check.evaluate(
      snap([
        managedPolicy('AdministratorAccess', doc({ Effect: 'Allow', Action: '*', Resource: '*' }), {
          aws: true,
        }),
        managedPolicy('star-colon-star', doc({ Effect: 'Allow', Action: ['*:*'], Resource: ['*'] })),
        managedPolicy(
          'read-all',
          doc({ Effect: 'Allow', Action: ['s3:Get*', 'ec2:Describe*'], Resource: '*' }),
        ),
        managedPolicy(
          'denied',
          doc(
            { Effect: 'Allow', Action: '*', Resource: '*' },
            { Effect: 'Deny', Action: '*', Resource: '*' },
          ),
        ),
      ]),
      P,
    );
    expect(out.map((r) => [r.resourceId.split('/').pop(), r.status])).toEqual([
      ['AdministratorAccess', 'fail'],
      ['star-colon-star', 'fail'],
      ['read-all', 'pass'],
      ['denied', 'pass'],
    ]);
    expect(out[0]?.evidence).toMatchObject({ awsManaged: true });
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error when policies could not be listed', () => {
    const out = check.evaluate(
      snap([], [gap('iam', 'GetAccountAuthorizationDetails: AccessDenied', 'global')]),
      P,
    );
    expect(out).toMatchObject([{ status: 'error', resourceId: 'arn:aws:iam::111122223333:policy/*' }]);
  });
});
