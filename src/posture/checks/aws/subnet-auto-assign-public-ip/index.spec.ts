import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../params.js';
import { gap, res, snap, statuses } from '../_compute/fixtures.test-helpers.js';
import { check } from './index.js';

const subnet = (id: string, configuration: Record<string, unknown>) =>
  res('AWS::EC2::Subnet', `arn:aws:ec2:us-east-1:111122223333:subnet/${id}`, {
    configuration: { subnetId: id, vpcId: 'vpc-1', ...configuration },
  });

describe('subnet-auto-assign-public-ip', () => {
  it('fails auto-assigning subnets and passes the others', () => {
    const s = snap([
      subnet('subnet-1', { mapPublicIpOnLaunch: true }),
      subnet('subnet-2', { mapPublicIpOnLaunch: false }),
    ]);
    expect(Object.values(statuses(check.evaluate(s, DEFAULT_PARAMS)))).toEqual(['fail', 'pass']);
  });
  it('says nothing about an empty snapshot', () => {
    expect(check.evaluate(snap([]), DEFAULT_PARAMS)).toEqual([]);
  });
  it('reports error for an unrecorded setting and for unlisted subnets', () => {
    const out = check.evaluate(
      snap([subnet('subnet-3', {})], [gap('ec2', 'DescribeSubnets: UnauthorizedOperation')]),
      DEFAULT_PARAMS,
    );
    expect(out.map((r) => r.status)).toEqual(['error', 'error']);
    expect(out[1]?.resourceId).toBe('arn:aws:ec2:us-east-1:111122223333:subnet/*');
  });
});
