/**
 * No security group admits the internet (0.0.0.0/0 or ::/0) to an administrative port
 * (`params.adminPorts`, default SSH 22, RDP 3389, WinRM 5985/5986), port ranges and protocol -1
 * included. One result per group, whether or not it is attached.
 */
import type { PostureCheck } from '../../../check.js';
import { listingErrors, resourcesOf, result } from '../../../check.js';
import { openPorts } from '../_compute/sg-rules.js';
import { str } from '../_compute/util.js';

const TYPE = 'AWS::EC2::SecurityGroup';

export const check: PostureCheck = {
  id: 'ec2-sg-admin-ports-open',
  provider: 'aws',
  title: 'Security groups do not open administrative ports to the internet',
  severity: 'high',
  resourceType: TYPE,
  citations: ['164.312(a)(1)', '164.312(e)(1)', '164.308(a)(1)(ii)(B)', '164.308(a)(3)(i)'],
  risk: 'SSH, RDP and WinRM open to the whole internet invite brute force and exploitation of remote-access vulnerabilities, giving interactive access to hosts that process ePHI.',
  remediation: {
    text: 'EC2 console → Security Groups → select → Inbound rules → remove the 0.0.0.0/0 and ::/0 sources on administrative ports; use Systems Manager Session Manager (no inbound port) or a VPN/bastion CIDR instead.',
    cli: 'aws ec2 revoke-security-group-ingress --group-id <sg-id> --ip-permissions IpProtocol=tcp,FromPort=22,ToPort=22,IpRanges=[{CidrIp=0.0.0.0/0}]\naws ec2 revoke-security-group-ingress --group-id <sg-id> --ip-permissions IpProtocol=tcp,FromPort=22,ToPort=22,Ipv6Ranges=[{CidrIpv6=::/0}]',
    terraform:
      'resource "aws_vpc_security_group_ingress_rule" "ssh" {\n  security_group_id = aws_security_group.app.id\n  ip_protocol       = "tcp"\n  from_port         = 22\n  to_port           = 22\n  cidr_ipv4         = var.admin_vpn_cidr # never 0.0.0.0/0\n}',
    url: 'https://docs.aws.amazon.com/systems-manager/latest/userguide/session-manager.html',
  },
  params: ['adminPorts'],
  evaluate(snapshot, params) {
    const out = resourcesOf(snapshot, TYPE).map((r) => {
      const open = openPorts(r.configuration.ipPermissions, params.adminPorts);
      const evidence = { groupId: str(r.configuration.groupId), adminPorts: [...params.adminPorts], open };
      if (!Array.isArray(r.configuration.ipPermissions))
        return result(check, r, 'manual', "The group's inbound rules were not recorded.", evidence);
      return open.length > 0
        ? result(
            check,
            r,
            'fail',
            `Administrative ports open to the internet: ${open.map((o) => o.port).join(', ')}.`,
            evidence,
          )
        : result(check, r, 'pass', 'No administrative port is open to the internet.', evidence);
    });
    return [...out, ...listingErrors(check, snapshot, 'ec2', ['DescribeSecurityGroups'], 'security-group/*')];
  },
};
