import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../params.js';
import { gap, res, snap } from '../_compute/fixtures.test-helpers.js';
import { check } from './index.js';

const table = (id: string, routes?: unknown[]) =>
  res('AWS::EC2::RouteTable', `arn:aws:ec2:us-east-1:111122223333:route-table/${id}`, {
    configuration: {
      routeTableId: id,
      vpcId: 'vpc-1',
      ...(routes && { routes }),
      associations: [{ subnetId: 'subnet-1', main: false }],
    },
  });
const LOCAL = { destinationCidrBlock: '10.0.0.0/16', gatewayId: 'local' };

describe('route-table-no-igw-default-route', () => {
  it('fails IPv4 and IPv6 default routes to an internet gateway, passes NAT and narrower routes', () => {
    const out = check.evaluate(
      snap([
        table('rtb-1', [LOCAL, { destinationCidrBlock: '0.0.0.0/0', gatewayId: 'igw-1' }]),
        table('rtb-2', [LOCAL, { destinationIpv6CidrBlock: '::/0', gatewayId: 'igw-1' }]),
        table('rtb-3', [LOCAL, { destinationCidrBlock: '0.0.0.0/0', natGatewayId: 'nat-1' }]),
        table('rtb-4', [LOCAL, { destinationCidrBlock: '203.0.113.0/24', gatewayId: 'igw-1' }]),
        table('rtb-5', [{ destinationIpv6CidrBlock: '::/0', egressOnlyInternetGatewayId: 'eigw-1' }]),
      ]),
      DEFAULT_PARAMS,
    );
    expect(out.map((r) => r.status)).toEqual(['fail', 'fail', 'pass', 'pass', 'pass']);
    expect(out[0]?.evidence).toMatchObject({ associations: ['subnet-1'] });
  });
  it('says nothing about an empty snapshot', () => {
    expect(check.evaluate(snap([]), DEFAULT_PARAMS)).toEqual([]);
  });
  it('reports error when routes or route tables could not be read', () => {
    const out = check.evaluate(
      snap([table('rtb-9')], [gap('ec2', 'DescribeRouteTables: UnauthorizedOperation')]),
      DEFAULT_PARAMS,
    );
    expect(out.map((r) => r.status)).toEqual(['error', 'error']);
  });
});
