import { describe, expect, it } from 'vitest';
import { listingErrors, operationGap } from './check.js';
import { gap, snap } from './checks/aws/_compute/fixtures.test-helpers.js';

const check = { id: 'x', resourceType: 'AWS::EC2::Instance' };

describe('listingErrors', () => {
  it('reports one error per account and region whose listing failed, other operations ignored', () => {
    const s = snap(
      [],
      [
        gap('ec2', 'DescribeInstances: UnauthorizedOperation'),
        gap('ec2', 'DescribeInstances: Throttling'),
        gap('ec2', 'DescribeVolumes: UnauthorizedOperation'),
        gap('ssm', 'DescribeInstances: odd'),
      ],
    );
    const out = listingErrors(
      check,
      s,
      'ec2',
      ['DescribeInstances'],
      (a, r) => `arn:aws:ec2:${r}:${a}:instance/*`,
    );
    expect(out.map((r) => [r.resourceId, r.status, r.message])).toEqual([
      [
        'arn:aws:ec2:us-east-1:111122223333:instance/*',
        'error',
        'Could not be evaluated: DescribeInstances: UnauthorizedOperation.',
      ],
    ]);
    expect(operationGap(s, 'ec2', ['DescribeVolumes'], '111122223333', 'us-east-1')).toBe(
      'DescribeVolumes: UnauthorizedOperation',
    );
    expect(operationGap(s, 'ec2', ['DescribeVolumes'], '111122223333', 'eu-west-1')).toBeUndefined();
  });
});

describe('a service left out of the collection', () => {
  it('is unread for every operation and listing', () => {
    const s = snap([], [{ ...gap('s3', 'not collected (--service left it out)'), skipped: true }]);
    expect(operationGap(s, 's3', ['GetBucketPolicy'], s.accounts[0]!, 'us-east-1')).toContain(
      'not collected',
    );
    expect(listingErrors(check, s, 's3', ['ListBuckets'], (a) => `arn:aws:s3:::${a}/*`)).toHaveLength(1);
  });
});
