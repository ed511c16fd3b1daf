/**
 * VPC flow logs collector (regional, service `ec2`): `AWS::EC2::FlowLog` per flow log from
 * DescribeFlowLogs, `configuration` the camel-cased FlowLog (`flowLogId`, `resourceId` — the VPC,
 * subnet or network interface it watches —, `flowLogStatus`, `deliverLogsStatus`, `trafficType`,
 * `logDestinationType`, `logDestination`, `logGroupName`), tags from its `tagSet`.
 *
 * Flow logs are attached to VPCs by id, not nested in them: a check joins the `AWS::EC2::VPC`
 * resources of the ec2 collector (`configuration.vpcId`) with the flow logs of the same account
 * and region whose `configuration.resourceId` is that VPC id. Both collectors answer to the
 * service name `ec2`, so a collection that has the VPCs has run this one too: in such a snapshot
 * a VPC without a flow log has none, unless a gap `DescribeFlowLogs: …` says the call was denied.
 * DescribeFlowLogs pages with `NextToken`, MaxResults up to 1000 (EC2 API Reference).
 */
import { EC2Client, paginateDescribeFlowLogs } from '@aws-sdk/client-ec2';
import { tagRecord } from '../../../../core/cloud.js';
import type { AwsServiceCollector } from '../context.js';
import { allPages, cloudResource, configShape, regionalArn } from './compute-resource.js';

/** The gap operation name a check looks for (`DescribeFlowLogs: AccessDenied`…). */
export const FLOW_LOGS_OPERATION = 'DescribeFlowLogs';

/** Collects the region's flow logs (VPC, subnet and network-interface ones alike). */
export const flowLogsCollector: AwsServiceCollector = {
  service: 'ec2',
  scope: 'regional',
  async collect(ctx) {
    const ec2 = new EC2Client(ctx.client);
    try {
      const logs = await ctx.guarded('ec2', FLOW_LOGS_OPERATION, () =>
        allPages(paginateDescribeFlowLogs({ client: ec2, pageSize: 1000 }, {}), (p) => p.FlowLogs),
      );
      return (logs ?? []).flatMap((f) => {
        if (!f.FlowLogId) return [];
        return [
          cloudResource(ctx, {
            type: 'AWS::EC2::FlowLog',
            // EC2 ARN resource type for flow logs: `vpc-flow-log/<id>` (Service Authorization Reference).
            id: regionalArn(ctx, 'ec2', `vpc-flow-log/${f.FlowLogId}`),
            name: f.FlowLogId,
            tags: tagRecord(f.Tags),
            configuration: configShape({ ...f, Tags: undefined }),
          }),
        ];
      });
    } finally {
      ec2.destroy();
    }
  },
};
