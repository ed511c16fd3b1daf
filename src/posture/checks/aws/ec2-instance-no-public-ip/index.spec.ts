import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../params.js';
import { gap, instance, snap, statuses } from '../_compute/fixtures.test-helpers.js';
import { check } from './index.js';

const arn = (id: string) => `arn:aws:ec2:us-east-1:111122223333:instance/${id}`;

describe('ec2-instance-no-public-ip', () => {
  it('fails a public address on the primary or a secondary interface, tagged PHI or not', () => {
    const s = snap([
      instance('i-1', { privateIpAddress: '10.0.0.1' }),
      instance('i-2', { publicIpAddress: '54.0.0.2' }),
      instance('i-3', { networkInterfaces: [{ association: { publicIp: '54.0.0.3' } }] }),
    ]);
    const out = check.evaluate(s, DEFAULT_PARAMS);
    expect(statuses(out)).toEqual({ [arn('i-1')]: 'pass', [arn('i-2')]: 'fail', [arn('i-3')]: 'fail' });
    expect(out[2]?.evidence.publicIpAddresses).toEqual(['54.0.0.3']);
  });
  it('says nothing about an empty snapshot', () => {
    expect(check.evaluate(snap([]), DEFAULT_PARAMS)).toEqual([]);
  });
  it('reports unlisted instances as an error', () => {
    const out = check.evaluate(
      snap([], [gap('ec2', 'DescribeInstances: UnauthorizedOperation')]),
      DEFAULT_PARAMS,
    );
    expect(out).toMatchObject([{ status: 'error' }]);
  });
});
