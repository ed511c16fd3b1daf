/**
 * Subnets do not give new instances a public IPv4 address automatically (AWS Config
 * SUBNET_AUTO_ASSIGN_PUBLIC_IP_DISABLED; Prowler vpc_subnet_no_public_ip_by_default, outside its
 * HIPAA mapping). Default subnets have it on; every instance launched there is public unless
 * someone remembers to say otherwise.
 */
import { listingErrors, type PostureCheck, resourcesOf, result } from '../../../check.js';

import { unreadable } from '../_shared/util.js';

export const check: PostureCheck = {
  id: 'subnet-auto-assign-public-ip',
  provider: 'aws',
  title: 'Subnets do not auto-assign public IPv4 addresses',
  severity: 'medium',
  resourceType: 'AWS::EC2::Subnet',
  citations: ['164.312(a)(1)', '164.312(e)(1)'],
  risk: 'Every instance launched into such a subnet gets an internet-routable address by default, so one launch without explicit settings exposes a host next to ePHI.',
  remediation: {
    text: 'VPC console → Subnets → select → Actions → Edit subnet settings → clear "Enable auto-assign public IPv4 address". Give public addresses only to load balancers or NAT gateways.',
    cli: 'aws ec2 modify-subnet-attribute --subnet-id SUBNET_ID --no-map-public-ip-on-launch',
    terraform: 'resource "aws_subnet" "app" {\n  # …\n  map_public_ip_on_launch = false\n}',
  },
  evaluate(snapshot) {
    const out = resourcesOf(snapshot, 'AWS::EC2::Subnet').map((s) => {
      const on = s.configuration.mapPublicIpOnLaunch;
      if (typeof on !== 'boolean') return unreadable(check, snapshot, s, 'ec2', 'mapPublicIpOnLaunch');
      const evidence = {
        mapPublicIpOnLaunch: on,
        defaultForAz: s.configuration.defaultForAz ?? null,
        vpcId: s.configuration.vpcId ?? null,
      };
      return on
        ? result(check, s, 'fail', 'New instances get a public IPv4 address automatically', evidence)
        : result(check, s, 'pass', 'Public IPv4 addresses are not auto-assigned', evidence);
    });
    return [...out, ...listingErrors(check, snapshot, 'ec2', ['DescribeSubnets'], 'subnet/*')];
  },
};
