/**
 * Every VPC has an active flow log: AWS Config `VPC_FLOW_LOGS_ENABLED` (any traffic type; its
 * optional trafficType parameter is not used) and Prowler `vpc_flow_logs_enabled`. Only flow logs
 * on the VPC itself count; subnet and network-interface flow logs cover part of it.
 *
 * The join (src/sources/cloud/aws/services/flow-logs.ts): `AWS::EC2::FlowLog` resources of the
 * VPC's account and region whose `resourceId` is the VPC's `vpcId`. Our collector reads flow logs
 * whenever it reads VPCs (both are the `ec2` service), so for its VPCs (`source: aws-sdk`) no flow
 * log means none, unless a `DescribeFlowLogs` gap says the call was denied (error). For VPCs from
 * another source (an AWS Config file whose recorder may skip flow logs) with no flow log in that
 * region at all, the absence is not evidence: error.
 *
 * Stricter than both anchors: a flow log whose `deliverLogsStatus` is FAILED (its role or
 * destination is broken, so nothing is written) does not count.
 */
import type { CloudResource, CloudSnapshot } from '../../../../core/cloud.js';
import { type CheckResult, type PostureCheck, resourcesOf, result } from '../../../check.js';
import { str } from '../../../read.js';

const FLOW_LOG = 'AWS::EC2::FlowLog';

function deniedReason(snapshot: CloudSnapshot, vpc: CloudResource): string | undefined {
  return snapshot.gaps.find(
    (g) =>
      g.service === 'ec2' &&
      g.account === vpc.account &&
      g.region === vpc.region &&
      g.reason.startsWith('DescribeFlowLogs:'),
  )?.reason;
}

export const check: PostureCheck = {
  id: 'vpc-flow-logs-enabled',
  provider: 'aws',
  title: 'VPC flow logs are enabled for every VPC',
  severity: 'medium',
  resourceType: 'AWS::EC2::VPC',
  citations: ['164.312(b)', '164.308(a)(1)(ii)(D)'],
  risk: 'Without flow logs there is no record of which hosts talked to which addresses: after a breach nobody can tell whether ePHI left the network, or where it went.',
  remediation: {
    text: 'VPC console → Your VPCs → VPC → Flow logs → Create flow log: filter All, destination CloudWatch Logs (retained 6 years for PHI VPCs) or S3, with an IAM role allowed to deliver.',
    cli: 'aws ec2 create-flow-logs --resource-type VPC --resource-ids VPC_ID --traffic-type ALL --log-destination-type cloud-watch-logs --log-group-name /vpc/flow-logs --deliver-logs-permission-arn ROLE_ARN',
    terraform:
      'resource "aws_flow_log" "vpc" {\n  vpc_id          = aws_vpc.main.id\n  traffic_type    = "ALL"\n  log_destination = aws_cloudwatch_log_group.flow.arn\n  iam_role_arn    = aws_iam_role.flow.arn\n}',
  },
  evaluate(snapshot) {
    const flowLogs = resourcesOf(snapshot, FLOW_LOG);
    return resourcesOf(snapshot, 'AWS::EC2::VPC').map((vpc): CheckResult => {
      const vpcId = str(vpc.configuration.vpcId) ?? vpc.name;
      const regional = flowLogs.filter((f) => f.account === vpc.account && f.region === vpc.region);
      const own = regional.filter((f) => f.configuration.resourceId === vpcId);
      const evidence = {
        vpcId,
        flowLogs: own.map((f) => ({
          flowLogId: f.configuration.flowLogId ?? f.name,
          flowLogStatus: f.configuration.flowLogStatus ?? null,
          deliverLogsStatus: f.configuration.deliverLogsStatus ?? null,
          trafficType: f.configuration.trafficType ?? null,
        })),
      };
      const active = own.filter((f) => f.configuration.flowLogStatus === 'ACTIVE');
      if (active.some((f) => f.configuration.deliverLogsStatus !== 'FAILED'))
        return result(check, vpc, 'pass', 'An active flow log records the VPC', evidence);
      if (active.length > 0)
        return result(
          check,
          vpc,
          'fail',
          'The flow log fails to deliver (deliverLogsStatus FAILED)',
          evidence,
        );
      const denied = deniedReason(snapshot, vpc);
      if (denied !== undefined)
        return result(check, vpc, 'error', `Flow logs could not be read (${denied})`, {
          ...evidence,
          missing: 'flow logs',
        });
      if (vpc.source !== 'aws-sdk' && regional.length === 0)
        return result(check, vpc, 'error', 'Flow logs of this region are not in the snapshot', {
          ...evidence,
          missing: 'flow logs',
        });
      return result(check, vpc, 'fail', 'No active flow log on the VPC', evidence);
    });
  },
};
