/**
 * No route table sends a default route (0.0.0.0/0 or ::/0) to an internet gateway (AWS Config
 * NO_UNRESTRICTED_ROUTE_TO_IGW, run in the HIPAA pack without its exemption list). Judged per
 * route table, whatever it serves: ec2-public-subnet-phi reads the same route but only for subnets
 * hosting PHI instances. Public subnets that must exist (load balancers, NAT gateways) fail here
 * too; that is the pack's position, to be answered by a documented exception (mute).
 */
import { listingErrors, type PostureCheck, resourcesOf, result } from '../../../check.js';

import { arr, obj, unreadable } from '../_shared/util.js';

const DEFAULT = new Set(['0.0.0.0/0', '::/0']);

export const check: PostureCheck = {
  id: 'route-table-no-igw-default-route',
  provider: 'aws',
  title: 'Route tables have no default route to an internet gateway',
  severity: 'medium',
  resourceType: 'AWS::EC2::RouteTable',
  citations: ['164.312(a)(1)', '164.312(e)(1)'],
  risk: 'Every subnet using such a table is public: a public address or a loosened security group is all it takes for its hosts, and the ePHI they reach, to be exposed to the internet.',
  remediation: {
    text: "Keep internet routes only in the route tables of subnets meant to be public (load balancers, NAT gateways); send private subnets' default route to a NAT gateway and use VPC endpoints for AWS services. Record the remaining public tables as exceptions.",
    cli: 'aws ec2 replace-route --route-table-id RTB_ID --destination-cidr-block 0.0.0.0/0 --nat-gateway-id NAT_ID',
    terraform:
      'resource "aws_route" "private_default" {\n  route_table_id         = aws_route_table.private.id\n  destination_cidr_block = "0.0.0.0/0"\n  nat_gateway_id         = aws_nat_gateway.main.id\n}',
  },
  evaluate(snapshot) {
    const out = resourcesOf(snapshot, 'AWS::EC2::RouteTable').map((t) => {
      if (!Array.isArray(t.configuration.routes)) return unreadable(check, snapshot, t, 'ec2', 'routes');
      const open = arr(t.configuration.routes).flatMap((raw) => {
        const r = obj(raw);
        const gw = r?.gatewayId;
        const dest = r?.destinationCidrBlock ?? r?.destinationIpv6CidrBlock;
        return typeof gw === 'string' &&
          gw.startsWith('igw-') &&
          typeof dest === 'string' &&
          DEFAULT.has(dest)
          ? [{ destination: dest, gatewayId: gw }]
          : [];
      });
      const associations = arr(t.configuration.associations).map((a) => {
        const o = obj(a);
        return o?.main === true ? 'main' : (o?.subnetId ?? null);
      });
      const evidence = { vpcId: t.configuration.vpcId ?? null, internetRoutes: open, associations };
      return open.length > 0
        ? result(
            check,
            t,
            'fail',
            `Default route to ${open.map((o) => `${o.gatewayId} (${o.destination})`).join(', ')}`,
            evidence,
          )
        : result(check, t, 'pass', 'No default route to an internet gateway', evidence);
    });
    return [...out, ...listingErrors(check, snapshot, 'ec2', ['DescribeRouteTables'], 'route-table/*')];
  },
};
