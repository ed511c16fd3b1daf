import { describe, expect, it } from 'vitest';
import { ACCOUNT, gap, P, res, snap } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

const vpc = (id: string, source = 'aws-sdk') =>
  res('AWS::EC2::VPC', `arn:aws:ec2:us-east-1:${ACCOUNT}:vpc/${id}`, {
    name: id,
    configuration: { vpcId: id },
    source,
  });
const flowLog = (id: string, resourceId: string, config: Record<string, unknown> = {}) =>
  res('AWS::EC2::FlowLog', `arn:aws:ec2:us-east-1:${ACCOUNT}:vpc-flow-log/${id}`, {
    name: id,
    configuration: {
      flowLogId: id,
      resourceId,
      flowLogStatus: 'ACTIVE',
      deliverLogsStatus: 'SUCCESS',
      trafficType: 'ALL',
      ...config,
    },
  });

describe('vpc-flow-logs-enabled', () => {
  it('passes a VPC with an active, delivering flow log', () => {
    const out = check.evaluate(snap([vpc('vpc-1'), flowLog('fl-1', 'vpc-1')]), P);
    expect(out).toMatchObject([
      { status: 'pass', evidence: { vpcId: 'vpc-1', flowLogs: [{ flowLogId: 'fl-1', trafficType: 'ALL' }] } },
    ]);
  });
  it('fails a VPC with no flow log (a subnet one does not count) and one whose delivery fails', () => {
    const out = check.evaluate(
      snap([
        vpc('vpc-1'),
        flowLog('fl-1', 'subnet-1'),
        vpc('vpc-2'),
        flowLog('fl-2', 'vpc-2', { deliverLogsStatus: 'FAILED' }),
      ]),
      P,
    );
    expect(out.map((r) => [r.resourceId.split('/')[1], r.status])).toEqual([
      ['vpc-1', 'fail'],
      ['vpc-2', 'fail'],
    ]);
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error when DescribeFlowLogs was denied, or another source carried no flow logs', () => {
    const denied = check.evaluate(
      snap(
        [vpc('vpc-1')],
        [
          gap('ec2', 'DescribeImages: UnauthorizedOperation'),
          gap('ec2', 'DescribeFlowLogs: UnauthorizedOperation'),
        ],
      ),
      P,
    );
    expect(denied).toMatchObject([
      { status: 'error', message: 'Flow logs could not be read (DescribeFlowLogs: UnauthorizedOperation)' },
    ]);
    expect(check.evaluate(snap([vpc('vpc-1', 'aws-config-snapshot')]), P)).toMatchObject([
      { status: 'error' },
    ]);
  });
});
