import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../params.js';
import { gap, res, snap, statuses } from '../_compute/fixtures.test-helpers.js';
import { check } from './index.js';

const sg = (id: string, ipPermissions: unknown[]) =>
  res('AWS::EC2::SecurityGroup', `arn:aws:ec2:us-east-1:111122223333:security-group/${id}`, {
    configuration: { groupId: id, ipPermissions },
  });

describe('ec2-sg-admin-ports-open', () => {
  it('fails the fixture group (22 and 3389 world-open), a -1 rule and a range; passes narrow CIDRs', () => {
    const s = snap([
      sg('sg-open', [
        {
          ipProtocol: 'tcp',
          fromPort: 22,
          toPort: 22,
          ipRanges: ['0.0.0.0/0'],
          ipv6Ranges: [{ cidrIpv6: '::/0' }],
        },
        { ipProtocol: 'tcp', fromPort: 3389, toPort: 3389, ipRanges: ['0.0.0.0/0'] },
        { ipProtocol: 'tcp', fromPort: 443, toPort: 443, ipRanges: ['0.0.0.0/0'] },
      ]),
      sg('sg-all', [{ ipProtocol: '-1', ipRanges: ['0.0.0.0/0'] }]),
      sg('sg-range', [
        { ipProtocol: 'tcp', fromPort: 5900, toPort: 6000, ipv6Ranges: [{ cidrIpv6: '::/0' }] },
      ]),
      sg('sg-ok', [{ ipProtocol: 'tcp', fromPort: 22, toPort: 22, ipRanges: ['10.0.0.0/8'] }]),
    ]);
    const out = check.evaluate(s, DEFAULT_PARAMS);
    expect(statuses(out)).toEqual({
      'arn:aws:ec2:us-east-1:111122223333:security-group/sg-open': 'fail',
      'arn:aws:ec2:us-east-1:111122223333:security-group/sg-all': 'fail',
      'arn:aws:ec2:us-east-1:111122223333:security-group/sg-range': 'fail',
      'arn:aws:ec2:us-east-1:111122223333:security-group/sg-ok': 'pass',
    });
    expect(out[0]?.message).toBe('Administrative ports open to the internet: 22, 3389.');
  });
  it('says nothing about an empty snapshot', () => {
    expect(check.evaluate(snap([]), DEFAULT_PARAMS)).toEqual([]);
  });
  it('reports unlisted groups as an error', () => {
    const out = check.evaluate(
      snap([], [gap('ec2', 'DescribeSecurityGroups: UnauthorizedOperation')]),
      DEFAULT_PARAMS,
    );
    expect(out.map((r) => [r.resourceId, r.status])).toEqual([
      ['arn:aws:ec2:us-east-1:111122223333:security-group/*', 'error'],
    ]);
  });
});
