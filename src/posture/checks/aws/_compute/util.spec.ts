import { describe, expect, it } from 'vitest';
import { listingErrors, operationGap } from '../../../check.js';
import { gap, instance, res, snap } from './fixtures.test-helpers.js';
import { indexBy, isPhi, num, snapshotTime } from './util.js';

describe('compute util', () => {
  it('finds the gap of one operation only', () => {
    const s = snap(
      [],
      [gap('ec2', 'DescribeVolumes: UnauthorizedOperation'), gap('ec2', 'DescribeImages: AccessDenied')],
    );
    expect(operationGap(s, 'ec2', ['DescribeImages'], '111122223333', 'us-east-1')).toBe(
      'DescribeImages: AccessDenied',
    );
    expect(operationGap(s, 'ec2', ['DescribeInstances'], '111122223333', 'us-east-1')).toBeUndefined();
  });

  it('turns a listing gap into one error result', () => {
    const s = snap(
      [],
      [gap('ec2', 'DescribeInstances: AccessDenied'), gap('ec2', 'DescribeInstances: AccessDenied')],
    );
    const out = listingErrors(
      { id: 'x', resourceType: 'AWS::EC2::Instance' },
      s,
      'ec2',
      ['DescribeInstances'],
      'instance/*',
    );
    expect(out.map((r) => [r.resourceId, r.status])).toEqual([
      ['arn:aws:ec2:us-east-1:111122223333:instance/*', 'error'],
    ]);
  });

  it('indexes, classifies and reads numbers', () => {
    const i = instance('i-1', {}, { PHI: 'true' });
    expect(indexBy(snap([i, res('AWS::EC2::Volume', 'v')]), 'AWS::EC2::Instance', 'instanceId').size).toBe(1);
    expect(isPhi(i)).toBe(true);
    expect([num('900'), num(3), num('x'), num(undefined)]).toEqual([900, 3, undefined, undefined]);
    expect(snapshotTime({ ...snap([]), collectedAt: 'nope' })).toBeUndefined();
  });
});
