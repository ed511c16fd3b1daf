import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../params.js';
import { gap, instance, snap, statuses } from '../_compute/fixtures.test-helpers.js';
import { check } from './index.js';

const arn = (id: string) => `arn:aws:ec2:us-east-1:111122223333:instance/${id}`;
const running = { state: { code: 16, name: 'running' } };

describe('ec2-instance-profile-attached', () => {
  it('passes an instance with a profile, fails one without, skips terminated ones', () => {
    const s = snap([
      instance('i-1', {
        ...running,
        iamInstanceProfile: { arn: 'arn:aws:iam::111122223333:instance-profile/app', id: 'AIPA' },
      }),
      instance('i-2', running),
      instance('i-3', { state: { code: 48, name: 'terminated' } }),
    ]);
    expect(statuses(check.evaluate(s, DEFAULT_PARAMS))).toEqual({
      [arn('i-1')]: 'pass',
      [arn('i-2')]: 'fail',
    });
  });
  it('says nothing about an empty snapshot', () => {
    expect(check.evaluate(snap([]), DEFAULT_PARAMS)).toEqual([]);
  });
  it('reports unlisted instances as an error with the reason', () => {
    const out = check.evaluate(
      snap([], [gap('ec2', 'DescribeInstances: UnauthorizedOperation')]),
      DEFAULT_PARAMS,
    );
    expect(out.map((r) => [r.resourceId, r.status, r.evidence])).toEqual([
      [arn('*'), 'error', { gap: 'DescribeInstances: UnauthorizedOperation' }],
    ]);
  });
});
