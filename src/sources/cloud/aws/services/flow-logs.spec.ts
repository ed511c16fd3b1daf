/** Wire-level tests of the VPC flow logs collector (EC2 query protocol, `NextToken` pagination). */
import { afterEach, describe, expect, it } from 'vitest';
import { ec2Error, type FakeAws, startFakeAws } from '../fake-aws.test-helpers.js';
import {
  ACCOUNT,
  FLOW_LOG_VPC,
  fakeContext,
  servicesAccount,
  VPC,
} from './fake-services-account.test-helpers.js';
import { flowLogsCollector } from './flow-logs.js';

let fake: FakeAws | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('flowLogsCollector', () => {
  it('collects every flow log over pages, each naming the resource it watches', async () => {
    fake = await startFakeAws(servicesAccount());
    const { ctx, gaps } = fakeContext(fake, { region: 'us-east-1' });
    const out = await flowLogsCollector.collect(ctx);
    expect(gaps).toEqual([]);
    expect(out.map((r) => [r.type, r.id, r.configuration.resourceId])).toEqual([
      ['AWS::EC2::FlowLog', `arn:aws:ec2:us-east-1:${ACCOUNT}:vpc-flow-log/${FLOW_LOG_VPC}`, VPC],
      [
        'AWS::EC2::FlowLog',
        `arn:aws:ec2:us-east-1:${ACCOUNT}:vpc-flow-log/fl-0a1b2c3d4e5f60072`,
        'eni-0a1b2c3d4e5f60081',
      ],
    ]);
    expect(out[0]?.tags).toEqual({ Name: FLOW_LOG_VPC });
    expect(out[0]?.configuration).toMatchObject({
      flowLogId: FLOW_LOG_VPC,
      flowLogStatus: 'ACTIVE',
      deliverLogsStatus: 'SUCCESS',
      trafficType: 'ALL',
      logDestinationType: 'cloud-watch-logs',
      logGroupName: '/vpc/flow-logs',
      maxAggregationInterval: 600,
      creationTime: '2024-03-01T09:00:00.000Z',
    });
    expect(out[0]?.configuration.tags).toBeUndefined();
    const calls = fake.calls.filter((c) => c.action === 'DescribeFlowLogs');
    expect(calls.map((c) => [c.service, c.params.MaxResults, c.params.NextToken])).toEqual([
      ['ec2', '1000', undefined],
      ['ec2', '1000', 'flow-logs-page-2'],
    ]);
  });

  it('records a gap named after DescribeFlowLogs when it is denied', async () => {
    fake = await startFakeAws(
      servicesAccount(() =>
        ec2Error('UnauthorizedOperation', 'You are not authorized to perform this operation.', 403),
      ),
    );
    const { ctx, gaps } = fakeContext(fake, { region: 'eu-west-1' });
    expect(await flowLogsCollector.collect(ctx)).toEqual([]);
    expect(gaps.map((g) => [g.service, g.region, g.reason])).toEqual([
      ['ec2', 'eu-west-1', 'DescribeFlowLogs: UnauthorizedOperation'],
    ]);
  });
});
