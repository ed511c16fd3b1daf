/**
 * A PHI-tagged instance does not sit in a public subnet (pattern #21, joined with the PHI tag):
 * one result per PHI instance. Publicity is the subnet's `supplementary.public` (a default route
 * to an internet gateway, ec2-network.ts); absent when the route tables could not be read.
 */
import type { PostureCheck } from '../../../check.js';
import { listingErrors, operationGap, resourcesOf, result } from '../../../check.js';
import { networkIndex } from '../_compute/network.js';
import { isPhi, str } from '../_compute/util.js';

const TYPE = 'AWS::EC2::Instance';

export const check: PostureCheck = {
  id: 'ec2-public-subnet-phi',
  provider: 'aws',
  title: 'PHI instances are not in public subnets',
  severity: 'high',
  resourceType: TYPE,
  citations: ['164.312(a)(1)', '164.312(e)(1)', '164.308(a)(1)(ii)(B)'],
  risk: 'An instance in a subnet routed to an internet gateway is one security-group or public-IP change away from direct internet exposure of the ePHI it processes.',
  remediation: {
    text: 'Move PHI workloads to private subnets (no 0.0.0.0/0 route to an internet gateway), put a load balancer or API gateway in the public subnets in front of them, and use a NAT gateway or VPC endpoints for outbound traffic.',
    cli: 'aws ec2 describe-route-tables --filters Name=association.subnet-id,Values=<subnet-id>\naws ec2 replace-route-table-association --association-id <assoc-id> --route-table-id <private-rtb>',
    terraform:
      'resource "aws_subnet" "phi_private" {\n  vpc_id                  = aws_vpc.main.id\n  cidr_block              = "10.0.2.0/24"\n  map_public_ip_on_launch = false\n}\n# associate with a route table whose default route goes to a NAT gateway, not an IGW',
    url: 'https://docs.aws.amazon.com/vpc/latest/userguide/configure-subnets.html',
  },
  evaluate(snapshot) {
    const net = networkIndex(snapshot);
    const out = resourcesOf(snapshot, TYPE)
      .filter(isPhi)
      .map((r) => {
        const subnetId = str(r.configuration.subnetId);
        const subnet = net.subnet(r);
        const pub = subnet?.supplementary.public;
        const evidence = {
          subnetId,
          public: pub,
          routeTableId: subnet?.supplementary.routeTableId,
          publicIpAddress: r.configuration.publicIpAddress,
        };
        if (pub === true)
          return result(check, r, 'fail', `The PHI instance is in public subnet ${subnetId}.`, evidence);
        if (pub === false)
          return result(check, r, 'pass', `The PHI instance is in private subnet ${subnetId}.`, evidence);
        const gap = operationGap(
          snapshot,
          'ec2',
          ['DescribeSubnets', 'DescribeRouteTables'],
          r.account,
          r.region,
        );
        if (gap)
          return result(check, r, 'error', `The subnet's routing could not be read: ${gap}.`, {
            ...evidence,
            gap,
          });
        return result(
          check,
          r,
          'manual',
          subnetId ? `The routing of subnet ${subnetId} is unknown.` : 'The instance has no subnet recorded.',
          evidence,
        );
      });
    return [...out, ...listingErrors(check, snapshot, 'ec2', ['DescribeInstances'], 'instance/*')];
  },
};
