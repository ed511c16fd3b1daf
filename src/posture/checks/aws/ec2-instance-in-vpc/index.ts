/**
 * EC2 instances run inside a VPC (AWS Config INSTANCES_IN_VPC): security groups, network ACLs,
 * flow logs and private subnets exist only there. EC2-Classic is retired, so a failure means a
 * record that predates the migration or an item without network placement.
 */
import { listingErrors, type PostureCheck, result } from '../../../check.js';
import { instanceState, liveInstances } from '../_hardening/instances.js';

export const check: PostureCheck = {
  id: 'ec2-instance-in-vpc',
  provider: 'aws',
  title: 'EC2 instances run in a VPC',
  severity: 'medium',
  resourceType: 'AWS::EC2::Instance',
  citations: ['164.312(a)(1)', '164.312(e)(1)'],
  risk: 'An instance outside a VPC cannot be isolated by private subnets, network ACLs or VPC endpoints, nor observed with flow logs, so network access to the ePHI it handles is uncontrolled.',
  remediation: {
    text: 'Relaunch the workload in a VPC: create an AMI of the instance, launch it into a private subnet of the target VPC with the right security groups, move its data and addresses, then terminate the old instance.',
    cli: 'aws ec2 create-image --instance-id INSTANCE_ID --name migrate-to-vpc && aws ec2 run-instances --image-id AMI_ID --subnet-id SUBNET_ID --security-group-ids SG_ID --instance-type TYPE',
    terraform:
      'resource "aws_instance" "app" {\n  # …\n  subnet_id              = aws_subnet.private.id\n  vpc_security_group_ids = [aws_security_group.app.id]\n}',
  },
  evaluate(snapshot) {
    const out = liveInstances(snapshot).map((r) => {
      const vpcId = r.configuration.vpcId;
      const evidence = { vpcId: typeof vpcId === 'string' ? vpcId : null, state: instanceState(r) ?? null };
      return typeof vpcId === 'string' && vpcId !== ''
        ? result(check, r, 'pass', `Runs in ${vpcId}`, evidence)
        : result(check, r, 'fail', 'Not placed in a VPC', evidence);
    });
    return [...out, ...listingErrors(check, snapshot, 'ec2', ['DescribeInstances'], 'instance/*')];
  },
};
