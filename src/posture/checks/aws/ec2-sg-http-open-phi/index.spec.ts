import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../params.js';
import { gap, instance, res, snap, statuses } from '../_compute/fixtures.test-helpers.js';
import { check } from './index.js';

const arn = (id: string) => `arn:aws:ec2:us-east-1:111122223333:instance/${id}`;
const sg = (id: string, ports: number[]) =>
  res('AWS::EC2::SecurityGroup', `arn:aws:ec2:us-east-1:111122223333:security-group/${id}`, {
    configuration: {
      groupId: id,
      ipPermissions: ports.map((p) => ({
        ipProtocol: 'tcp',
        fromPort: p,
        toPort: p,
        ipRanges: ['0.0.0.0/0'],
      })),
    },
  });
const host = (id: string, group: string, ip?: string) =>
  instance(id, { securityGroups: [{ groupId: group }], ...(ip && { publicIpAddress: ip }) }, { PHI: 'true' });

describe('ec2-sg-http-open-phi', () => {
  it('fails a public PHI instance with port 80 open, passes 443-only and private ones', () => {
    const s = snap([
      sg('sg-web', [80, 443]),
      sg('sg-tls', [443]),
      host('i-1', 'sg-web', '54.0.0.1'),
      host('i-2', 'sg-tls', '54.0.0.2'),
      host('i-3', 'sg-web'),
    ]);
    const out = check.evaluate(s, DEFAULT_PARAMS);
    expect(statuses(out)).toEqual({ [arn('i-1')]: 'fail', [arn('i-2')]: 'pass', [arn('i-3')]: 'pass' });
    expect(out[0]?.message).toContain('cannot show a redirect');
  });
  it('says nothing about an empty snapshot', () => {
    expect(check.evaluate(snap([]), DEFAULT_PARAMS)).toEqual([]);
  });
  it('is an error when the security groups could not be read', () => {
    const out = check.evaluate(
      snap(
        [host('i-1', 'sg-web', '54.0.0.1')],
        [gap('ec2', 'DescribeSecurityGroups: UnauthorizedOperation')],
      ),
      DEFAULT_PARAMS,
    );
    expect(out.map((r) => [r.status, r.evidence.gap])).toEqual([
      ['error', 'DescribeSecurityGroups: UnauthorizedOperation'],
    ]);
  });
});
