/**
 * No EC2 instance has a public IPv4 address, on its primary or any other network interface
 * (AWS Config EC2_INSTANCE_NO_PUBLIC_IP; Prowler ec2_instance_public_ip). Unlike
 * ec2-public-subnet-phi this judges every instance, tagged PHI or not: anything reachable from
 * the internet is a foothold next to the ePHI in the same VPC. Public IPv6 addresses are not
 * judged (neither anchor does).
 */
import { listingErrors, type PostureCheck, result } from '../../../check.js';
import { instanceState, liveInstances } from '../_hardening/instances.js';

import { arr, obj } from '../_shared/util.js';

export const check: PostureCheck = {
  id: 'ec2-instance-no-public-ip',
  provider: 'aws',
  title: 'EC2 instances have no public IPv4 address',
  severity: 'high',
  resourceType: 'AWS::EC2::Instance',
  citations: ['164.312(a)(1)', '164.308(a)(3)(i)', '164.308(a)(1)(ii)(B)'],
  risk: 'An instance with a public address is reachable from the internet whenever a security group or host firewall slips, and becomes a foothold inside the network that holds ePHI.',
  remediation: {
    text: 'Move the workload to a private subnet behind a load balancer or NAT gateway; release Elastic IPs and turn off "Auto-assign public IP" for the subnet. Use Session Manager instead of public SSH/RDP.',
    cli: 'aws ec2 disassociate-address --association-id ASSOCIATION_ID && aws ec2 modify-subnet-attribute --subnet-id SUBNET_ID --no-map-public-ip-on-launch',
    terraform:
      'resource "aws_instance" "app" {\n  # …\n  subnet_id                   = aws_subnet.private.id\n  associate_public_ip_address = false\n}',
  },
  evaluate(snapshot) {
    const out = liveInstances(snapshot).map((r) => {
      const addresses = new Set<string>();
      if (typeof r.configuration.publicIpAddress === 'string') addresses.add(r.configuration.publicIpAddress);
      for (const eni of arr(r.configuration.networkInterfaces)) {
        const ip = obj(obj(eni)?.association)?.publicIp;
        if (typeof ip === 'string') addresses.add(ip);
      }
      const evidence = { publicIpAddresses: [...addresses].sort(), state: instanceState(r) ?? null };
      return addresses.size > 0
        ? result(check, r, 'fail', `Public IPv4 address ${[...addresses].join(', ')}`, evidence)
        : result(check, r, 'pass', 'No public IPv4 address', evidence);
    });
    return [...out, ...listingErrors(check, snapshot, 'ec2', ['DescribeInstances'], 'instance/*')];
  },
};
