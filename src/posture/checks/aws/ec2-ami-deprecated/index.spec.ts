import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../params.js';
import { gap, instance, snap, statuses } from '../_compute/fixtures.test-helpers.js';
import { check } from './index.js';

const arn = (id: string) => `arn:aws:ec2:us-east-1:111122223333:instance/${id}`;
const withImage = (id: string, deprecationTime?: string) =>
  instance(
    id,
    { imageId: `ami-${id}` },
    {},
    { image: { imageId: `ami-${id}`, ...(deprecationTime && { deprecationTime }) } },
  );

describe('ec2-ami-deprecated', () => {
  it('passes future or absent deprecation and fails a past one', () => {
    const s = snap([
      withImage('a', '2028-01-01T00:00:00.000Z'),
      withImage('b'),
      withImage('c', '2024-04-20T13:21:44.000Z'),
    ]);
    expect(statuses(check.evaluate(s, DEFAULT_PARAMS))).toEqual({
      [arn('a')]: 'pass',
      [arn('b')]: 'pass',
      [arn('c')]: 'fail',
    });
  });
  it('says nothing about an empty snapshot', () => {
    expect(check.evaluate(snap([]), DEFAULT_PARAMS)).toEqual([]);
  });
  it('reports a denied DescribeImages as an error', () => {
    const i = instance(
      'i-1',
      { imageId: 'ami-1' },
      {},
      { imageUnavailable: 'DescribeImages was not permitted (see the collection gaps)' },
    );
    const out = check.evaluate(
      snap([i], [gap('ec2', 'DescribeImages: UnauthorizedOperation')]),
      DEFAULT_PARAMS,
    );
    expect(out.map((r) => [r.status, r.evidence.reason])).toEqual([
      ['error', 'DescribeImages: UnauthorizedOperation'],
    ]);
  });
});
