import { describe, expect, it } from 'vitest';
import { doc, managedPolicy } from '../_hardening/iam.test-helpers.js';
import { gap, P, snap } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

describe('iam-policy-no-marketplace-subscribe', () => {
  it('fails Subscribe on "*" (directly or through wildcards) and passes product-scoped grants', () => {
    const out = check.evaluate(
      snap([
        managedPolicy('direct', doc({ Effect: 'Allow', Action: 'aws-marketplace:Subscribe', Resource: '*' })),
        managedPolicy('wild', doc({ Effect: 'Allow', Action: 'aws-marketplace:*', Resource: '*' })),
        managedPolicy(
          'scoped',
          doc({
            Effect: 'Allow',
            Action: 'aws-marketplace:Subscribe',
            Resource: 'arn:aws:aws-marketplace::111122223333:product/prod-1',
          }),
        ),
        managedPolicy('view', doc({ Effect: 'Allow', Action: 'aws-marketplace:View*', Resource: '*' })),
      ]),
      P,
    );
    expect(out.map((r) => r.status)).toEqual(['fail', 'fail', 'pass', 'pass']);
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error when policies could not be listed', () => {
    const out = check.evaluate(
      snap([], [gap('iam', 'GetAccountAuthorizationDetails: AccessDenied', 'global')]),
      P,
    );
    expect(out).toMatchObject([{ status: 'error' }]);
  });
});
