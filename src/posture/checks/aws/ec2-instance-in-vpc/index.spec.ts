import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../params.js';
import { gap, instance, snap, statuses } from '../_compute/fixtures.test-helpers.js';
import { check } from './index.js';

const arn = (id: string) => `arn:aws:ec2:us-east-1:111122223333:instance/${id}`;

describe('ec2-instance-in-vpc', () => {
  it('passes an instance in a VPC and fails one without', () => {
    const s = snap([instance('i-1', { vpcId: 'vpc-1', subnetId: 'subnet-1' }), instance('i-2', {})]);
    expect(statuses(check.evaluate(s, DEFAULT_PARAMS))).toEqual({
      [arn('i-1')]: 'pass',
      [arn('i-2')]: 'fail',
    });
  });
  it('says nothing about an empty snapshot', () => {
    expect(check.evaluate(snap([]), DEFAULT_PARAMS)).toEqual([]);
  });
  it('reports unlisted instances as an error', () => {
    const out = check.evaluate(
      snap([], [gap('ec2', 'DescribeInstances: UnauthorizedOperation')]),
      DEFAULT_PARAMS,
    );
    expect(out).toMatchObject([{ status: 'error', resourceId: arn('*') }]);
  });
});
