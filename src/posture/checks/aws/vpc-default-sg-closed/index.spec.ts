import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../params.js';
import { gap, res, snap } from '../_compute/fixtures.test-helpers.js';
import { check } from './index.js';

const group = (id: string, groupName: string, ipPermissions?: unknown[], ipPermissionsEgress?: unknown[]) =>
  res('AWS::EC2::SecurityGroup', `arn:aws:ec2:us-east-1:111122223333:security-group/${id}`, {
    configuration: {
      groupId: id,
      groupName,
      vpcId: 'vpc-1',
      ...(ipPermissions && { ipPermissions }),
      ...(ipPermissionsEgress && { ipPermissionsEgress }),
    },
  });
const ALL_OUT = { ipProtocol: '-1', ipRanges: ['0.0.0.0/0'] };
const SELF_IN = { ipProtocol: '-1', userIdGroupPairs: [{ groupId: 'sg-1' }] };

describe('vpc-default-sg-closed', () => {
  it('passes an emptied default group, fails the stock one, ignores other groups', () => {
    const out = check.evaluate(
      snap([
        group('sg-1', 'default', [], []),
        group('sg-2', 'default', [SELF_IN], [ALL_OUT]),
        group('sg-3', 'web', [SELF_IN], []),
      ]),
      DEFAULT_PARAMS,
    );
    expect(out.map((r) => [r.resourceId.split('/').pop(), r.status])).toEqual([
      ['sg-1', 'pass'],
      ['sg-2', 'fail'],
    ]);
  });
  it('says nothing about an empty snapshot', () => {
    expect(check.evaluate(snap([]), DEFAULT_PARAMS)).toEqual([]);
  });
  it('reports error when rules or groups could not be read', () => {
    const out = check.evaluate(
      snap([group('sg-4', 'default')], [gap('ec2', 'DescribeSecurityGroups: UnauthorizedOperation')]),
      DEFAULT_PARAMS,
    );
    expect(out.map((r) => r.status)).toEqual(['error', 'error']);
  });
});
