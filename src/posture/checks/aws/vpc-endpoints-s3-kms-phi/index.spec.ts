import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../params.js';
import { gap, instance, res, snap, statuses } from '../_compute/fixtures.test-helpers.js';
import { check } from './index.js';

const vpcArn = (id: string) => `arn:aws:ec2:us-east-1:111122223333:vpc/${id}`;
const endpoint = (id: string, vpcId: string, service: string, type: string) =>
  res('AWS::EC2::VPCEndpoint', `arn:aws:ec2:us-east-1:111122223333:vpc-endpoint/${id}`, {
    configuration: {
      vpcEndpointId: id,
      vpcId,
      serviceName: `com.amazonaws.us-east-1.${service}`,
      vpcEndpointType: type,
      state: 'available',
    },
  });
const PHI = { PHI: 'true' };

describe('vpc-endpoints-s3-kms-phi', () => {
  it('passes a PHI VPC with both endpoints, fails one with only S3 (the fixture account), ignores non-PHI VPCs', () => {
    const s = snap([
      res('AWS::EC2::VPC', vpcArn('vpc-a'), { configuration: { vpcId: 'vpc-a' } }),
      instance('i-1', { vpcId: 'vpc-a' }, PHI),
      instance('i-2', { vpcId: 'vpc-b' }, PHI),
      instance('i-3', { vpcId: 'vpc-c' }),
      endpoint('vpce-1', 'vpc-a', 's3', 'Gateway'),
      endpoint('vpce-2', 'vpc-a', 'kms', 'Interface'),
      endpoint('vpce-3', 'vpc-b', 's3', 'Gateway'),
    ]);
    const out = check.evaluate(s, DEFAULT_PARAMS);
    expect(statuses(out)).toEqual({ [vpcArn('vpc-a')]: 'pass', [vpcArn('vpc-b')]: 'fail' });
    expect(out[1]?.message).toBe('The VPC hosts PHI instances without: KMS interface endpoint.');
  });
  it('says nothing about an empty snapshot', () => {
    expect(check.evaluate(snap([]), DEFAULT_PARAMS)).toEqual([]);
  });
  it('is an error when endpoints could not be read', () => {
    const out = check.evaluate(
      snap(
        [instance('i-1', { vpcId: 'vpc-a' }, PHI)],
        [gap('ec2', 'DescribeVpcEndpoints: UnauthorizedOperation')],
      ),
      DEFAULT_PARAMS,
    );
    expect(out.map((r) => [r.resourceId, r.status])).toEqual([[vpcArn('vpc-a'), 'error']]);
  });
});
