/**
 * The default security group of every VPC has no inbound and no outbound rules (AWS Config
 * VPC_DEFAULT_SECURITY_GROUP_CLOSED). Anything launched without an explicit group lands in it, and
 * its stock rule lets every member talk to every other.
 */
import { listingErrors, type PostureCheck, resourcesOf, result } from '../../../check.js';

import { unreadable } from '../_shared/util.js';

export const check: PostureCheck = {
  id: 'vpc-default-sg-closed',
  provider: 'aws',
  title: 'Default security groups allow no traffic',
  severity: 'medium',
  resourceType: 'AWS::EC2::SecurityGroup',
  citations: ['164.312(a)(1)', '164.312(e)(1)'],
  risk: 'Resources placed in the default group by omission can reach each other (and, if rules were added, the internet) without anyone having decided so, which defeats segmentation around ePHI.',
  remediation: {
    text: 'VPC console → Security groups → the group named "default" of each VPC → delete all inbound and outbound rules; move resources that use it to purpose-made groups first.',
    cli: 'aws ec2 revoke-security-group-ingress --group-id SG_ID --ip-permissions "$(aws ec2 describe-security-groups --group-ids SG_ID --query SecurityGroups[0].IpPermissions)"\naws ec2 revoke-security-group-egress --group-id SG_ID --ip-permissions "$(aws ec2 describe-security-groups --group-ids SG_ID --query SecurityGroups[0].IpPermissionsEgress)"',
    terraform:
      '# Adopting the default group with no rule blocks removes its rules.\nresource "aws_default_security_group" "default" {\n  vpc_id = aws_vpc.main.id\n}',
  },
  evaluate(snapshot) {
    const out = resourcesOf(snapshot, 'AWS::EC2::SecurityGroup')
      .filter((g) => g.configuration.groupName === 'default')
      .map((g) => {
        const inbound = g.configuration.ipPermissions;
        const outbound = g.configuration.ipPermissionsEgress;
        if (!Array.isArray(inbound) || !Array.isArray(outbound))
          return unreadable(check, snapshot, g, 'ec2', 'the group rules');
        const evidence = {
          vpcId: g.configuration.vpcId ?? null,
          inboundRules: inbound.length,
          outboundRules: outbound.length,
        };
        return inbound.length + outbound.length === 0
          ? result(check, g, 'pass', 'The default group has no rules', evidence)
          : result(
              check,
              g,
              'fail',
              `The default group has ${inbound.length} inbound and ${outbound.length} outbound rules`,
              evidence,
            );
      });
    return [...out, ...listingErrors(check, snapshot, 'ec2', ['DescribeSecurityGroups'], 'security-group/*')];
  },
};
