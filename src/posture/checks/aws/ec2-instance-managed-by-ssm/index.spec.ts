import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../params.js';
import { gap, instance, res, snap, statuses } from '../_compute/fixtures.test-helpers.js';
import { check } from './index.js';

const arn = (id: string) => `arn:aws:ec2:us-east-1:111122223333:instance/${id}`;
const running = { state: { code: 16, name: 'running' } };
const node = (id: string, pingStatus: string) =>
  res(
    'AWS::SSM::ManagedInstanceInventory',
    `arn:aws:ssm:us-east-1:111122223333:managed-instance-inventory/${id}`,
    {
      name: id,
      supplementary: { instanceInformation: { instanceId: id, pingStatus } },
    },
  );

describe('ec2-instance-managed-by-ssm', () => {
  it('passes online managed nodes, fails unmanaged and disconnected ones, skips stopped instances', () => {
    const s = snap([
      instance('i-1', running),
      node('i-1', 'Online'),
      instance('i-2', running),
      instance('i-3', running),
      node('i-3', 'ConnectionLost'),
      instance('i-4', { state: { code: 80, name: 'stopped' } }),
    ]);
    expect(statuses(check.evaluate(s, DEFAULT_PARAMS))).toEqual({
      [arn('i-1')]: 'pass',
      [arn('i-2')]: 'fail',
      [arn('i-3')]: 'fail',
    });
  });
  it('says nothing about an empty snapshot', () => {
    expect(check.evaluate(snap([]), DEFAULT_PARAMS)).toEqual([]);
  });
  it('reports error when managed nodes could not be listed', () => {
    const out = check.evaluate(
      snap([instance('i-1', running)], [gap('ssm', 'DescribeInstanceInformation: AccessDeniedException')]),
      DEFAULT_PARAMS,
    );
    expect(out).toMatchObject([{ status: 'error', resourceId: arn('i-1') }]);
    expect(out[0]?.message).toContain('AccessDeniedException');
  });
});
