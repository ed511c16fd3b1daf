import { describe, expect, it } from 'vitest';
import { doc, managedPolicy } from '../_hardening/iam.test-helpers.js';
import { P, snap } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

const allow = (Action: unknown, Resource: unknown = 'arn:aws:s3:::phi/*') => ({
  Effect: 'Allow',
  Action,
  Resource,
});

describe('iam-policy-no-full-service-access', () => {
  it('fails service wildcards and NotAction grants, passes prefix wildcards and Deny', () => {
    const out = check.evaluate(
      snap([
        managedPolicy('s3-star', doc(allow(['s3:GetObject', 's3:*']))),
        managedPolicy('star', doc(allow('*'))),
        managedPolicy('not-action', doc({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' })),
        managedPolicy('describe', doc(allow(['ec2:Describe*', 's3:Get*']))),
        managedPolicy('deny', doc({ Effect: 'Deny', Action: 's3:*', Resource: '*' })),
        managedPolicy('AmazonS3FullAccess', doc(allow('s3:*', '*')), { aws: true }),
      ]),
      P,
    );
    expect(out.map((r) => [r.resourceId.split('/').pop(), r.status])).toEqual([
      ['s3-star', 'fail'],
      ['star', 'fail'],
      ['not-action', 'fail'],
      ['describe', 'pass'],
      ['deny', 'pass'],
    ]);
    expect(out[0]?.message).toContain('s3:*');
    expect(out[2]?.message).toContain('every service');
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error for a policy without a default version', () => {
    expect(check.evaluate(snap([managedPolicy('x', undefined)]), P)).toMatchObject([{ status: 'error' }]);
  });
});
