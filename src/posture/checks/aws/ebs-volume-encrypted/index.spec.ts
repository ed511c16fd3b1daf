import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../params.js';
import { gap, instance, res, snap, statuses } from '../_compute/fixtures.test-helpers.js';
import { check } from './index.js';

const vol = (id: string, encrypted: unknown, instanceId = 'i-1') =>
  res('AWS::EC2::Volume', `arn:aws:ec2:us-east-1:111122223333:volume/${id}`, {
    configuration: { volumeId: id, encrypted, attachments: [{ instanceId, device: '/dev/xvda' }] },
  });
const phiHost = instance('i-1', { rootDeviceName: '/dev/xvda' }, { PHI: 'true' });

describe('ebs-volume-encrypted', () => {
  it('passes an encrypted volume and fails an unencrypted PHI root volume with raised severity', () => {
    const out = check.evaluate(snap([phiHost, vol('vol-a', true), vol('vol-b', false)]), DEFAULT_PARAMS);
    expect(statuses(out)).toEqual({
      'arn:aws:ec2:us-east-1:111122223333:volume/vol-a': 'pass',
      'arn:aws:ec2:us-east-1:111122223333:volume/vol-b': 'fail',
    });
    expect(out[1]).toMatchObject({
      message: 'The root volume attached to a PHI instance is not encrypted.',
      evidence: { rootVolume: true, phi: true, effectiveSeverity: 'critical', attachedTo: ['i-1'] },
    });
  });
  it('says nothing about an empty snapshot', () => {
    expect(check.evaluate(snap([]), DEFAULT_PARAMS)).toEqual([]);
  });
  it('reports unlisted volumes as an error, and PHI as unknown when instances were not read', () => {
    const out = check.evaluate(
      snap(
        [vol('vol-b', false)],
        [
          gap('ec2', 'DescribeVolumes: UnauthorizedOperation'),
          gap('ec2', 'DescribeInstances: UnauthorizedOperation'),
        ],
      ),
      DEFAULT_PARAMS,
    );
    expect(out.map((r) => r.status)).toEqual(['fail', 'error']);
    expect(out[0]?.evidence).toMatchObject({
      phi: 'unknown',
      instanceGap: 'DescribeInstances: UnauthorizedOperation',
    });
    expect(out[1]?.message).toBe('Could not be evaluated: DescribeVolumes: UnauthorizedOperation.');
  });
});
