import type { Route, RouteTable, Subnet } from '@aws-sdk/client-ec2';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { awsConfigShape } from '../../../../core/cloud.js';
import { configShape } from './compute-resource.js';
import { configPermissions, routesToInternet, subnetRouting } from './ec2-network.js';

const subnets: Subnet[] = [
  { SubnetId: 'subnet-a', VpcId: 'vpc-1' },
  { SubnetId: 'subnet-b', VpcId: 'vpc-1' },
  { SubnetId: 'subnet-c', VpcId: 'vpc-2' },
];
const local: Route = { DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local' };

describe('subnetRouting', () => {
  it('uses the explicit association, else the VPC main table', () => {
    const tables: RouteTable[] = [
      { RouteTableId: 'rtb-main', VpcId: 'vpc-1', Associations: [{ Main: true }], Routes: [local] },
      {
        RouteTableId: 'rtb-pub',
        VpcId: 'vpc-1',
        Associations: [{ Main: false, SubnetId: 'subnet-a' }],
        Routes: [local, { DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-1' }],
      },
    ];
    expect(Object.fromEntries(subnetRouting(subnets, tables))).toEqual({
      'subnet-a': { routeTableId: 'rtb-pub', public: true },
      'subnet-b': { routeTableId: 'rtb-main', public: false },
    });
  });

  it.each([
    [{ DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-1' }, true],
    [{ DestinationIpv6CidrBlock: '::/0', GatewayId: 'igw-1' }, true],
    [{ DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-1' }, false],
    [{ DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'vgw-1' }, false],
    [{ DestinationCidrBlock: '203.0.113.0/24', GatewayId: 'igw-1' }, false],
  ] as [Route, boolean][])('route %o → public %s', (route, expected) => {
    expect(routesToInternet({ Routes: [local, route] })).toBe(expected);
  });

  it('does not depend on the order of routes or tables (property)', () => {
    const gateway = fc.constantFrom('igw-1', 'nat-1', 'local', 'vgw-1', 'pcx-1');
    const dest = fc.constantFrom('0.0.0.0/0', '::/0', '10.0.0.0/16', '192.168.0.0/24');
    const route = fc.record({ gateway, dest }).map(({ gateway, dest }) => ({
      ...(dest.includes(':') ? { DestinationIpv6CidrBlock: dest } : { DestinationCidrBlock: dest }),
      ...(gateway.startsWith('nat-') ? { NatGatewayId: gateway } : { GatewayId: gateway }),
    }));
    const table = (id: string, assoc: RouteTable['Associations']) =>
      fc
        .array(route, { maxLength: 6 })
        .map((Routes): RouteTable => ({ RouteTableId: id, VpcId: 'vpc-1', Associations: assoc, Routes }));
    fc.assert(
      fc.property(
        table('rtb-main', [{ Main: true }]),
        table('rtb-a', [{ SubnetId: 'subnet-a' }]),
        fc.nat(),
        (main, explicit, seed) => {
          const before = subnetRouting(subnets, [main, explicit]);
          const shuffle = <T>(xs: T[]) =>
            xs
              .map((x, i) => ({ x, k: (i * 7919 + seed) % 101 }))
              .sort((a, b) => a.k - b.k)
              .map((e) => e.x);
          const reordered = [explicit, main].map((t) => ({ ...t, Routes: shuffle([...(t.Routes ?? [])]) }));
          expect(subnetRouting(subnets, reordered)).toEqual(before);
        },
      ),
    );
  });
});

describe('configPermissions', () => {
  it('spells rules as AWS Config does: CIDR strings and {cidrIp} objects', () => {
    expect(
      configPermissions(
        [
          {
            IpProtocol: 'tcp',
            FromPort: 22,
            ToPort: 22,
            IpRanges: [{ CidrIp: '0.0.0.0/0', Description: 'ssh' }],
          },
        ],
        configShape,
      ),
    ).toEqual([
      {
        ipProtocol: 'tcp',
        fromPort: 22,
        toPort: 22,
        ipRanges: ['0.0.0.0/0'],
        ipv4Ranges: [{ cidrIp: '0.0.0.0/0', description: 'ssh' }],
      },
    ]);
  });
});

describe('awsConfigShape', () => {
  it('is idempotent: shaping an already shaped value changes nothing (property)', () => {
    const key = fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,8}$/);
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.string(),
        fc.integer(),
        fc.boolean(),
        fc.date({ noInvalidDate: true }),
        fc.array(tie('node'), { maxLength: 3 }),
        fc.dictionary(key, tie('node'), { maxKeys: 4 }),
      ),
    })).node;
    fc.assert(
      fc.property(value, (v) => {
        const once = awsConfigShape(v);
        expect(awsConfigShape(once)).toEqual(once);
      }),
    );
  });
});
