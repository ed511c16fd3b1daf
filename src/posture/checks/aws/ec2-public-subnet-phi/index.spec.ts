import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../params.js';
import { gap, instance, res, snap, statuses } from '../_compute/fixtures.test-helpers.js';
import { check } from './index.js';

const arn = (id: string) => `arn:aws:ec2:us-east-1:111122223333:instance/${id}`;
const subnet = (id: string, pub?: boolean) =>
  res('AWS::EC2::Subnet', `arn:aws:ec2:us-east-1:111122223333:subnet/${id}`, {
    configuration: { subnetId: id },
    supplementary: pub === undefined ? {} : { public: pub, routeTableId: 'rtb-1' },
  });
const PHI = { PHI: 'true' };

describe('ec2-public-subnet-phi', () => {
  it('fails a PHI instance in a public subnet, passes a private one, ignores non-PHI', () => {
    const s = snap([
      subnet('subnet-pub', true),
      subnet('subnet-priv', false),
      instance('i-1', { subnetId: 'subnet-pub', publicIpAddress: '54.194.252.215' }, PHI),
      instance('i-2', { subnetId: 'subnet-priv' }, PHI),
      instance('i-3', { subnetId: 'subnet-pub' }, { PHI: 'false' }),
    ]);
    expect(statuses(check.evaluate(s, DEFAULT_PARAMS))).toEqual({
      [arn('i-1')]: 'fail',
      [arn('i-2')]: 'pass',
    });
  });
  it('says nothing about an empty snapshot', () => {
    expect(check.evaluate(snap([]), DEFAULT_PARAMS)).toEqual([]);
  });
  it('is an error when route tables could not be read', () => {
    const s = snap(
      [subnet('subnet-x'), instance('i-1', { subnetId: 'subnet-x' }, PHI)],
      [gap('ec2', 'DescribeRouteTables: UnauthorizedOperation')],
    );
    expect(check.evaluate(s, DEFAULT_PARAMS).map((r) => [r.status, r.evidence.gap])).toEqual([
      ['error', 'DescribeRouteTables: UnauthorizedOperation'],
    ]);
  });
});
