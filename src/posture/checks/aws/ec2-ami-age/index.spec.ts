import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../params.js';
import { gap, instance, snap, statuses } from '../_compute/fixtures.test-helpers.js';
import { check } from './index.js';

const arn = (id: string) => `arn:aws:ec2:us-east-1:111122223333:instance/${id}`;
const withImage = (id: string, creationDate: string) =>
  instance(id, { imageId: `ami-${id}` }, {}, { image: { imageId: `ami-${id}`, name: 'x', creationDate } });

describe('ec2-ami-age', () => {
  it('passes a recent AMI and fails one older than the maximum (as of collectedAt)', () => {
    const out = check.evaluate(
      snap([withImage('new', '2026-03-01T00:00:00.000Z'), withImage('old', '2022-04-20T13:21:44.000Z')]),
      DEFAULT_PARAMS,
    );
    expect(statuses(out)).toEqual({ [arn('new')]: 'pass', [arn('old')]: 'fail' });
    expect(out[1]?.message).toBe('The AMI is 1502 days old (maximum 180).');
  });
  it('says nothing about an empty snapshot', () => {
    expect(check.evaluate(snap([]), DEFAULT_PARAMS)).toEqual([]);
  });
  it('is manual when the image is gone and an error when DescribeImages was denied', () => {
    const gone = instance(
      'i-1',
      { imageId: 'ami-1' },
      {},
      { imageUnavailable: 'DescribeImages did not return the image' },
    );
    expect(check.evaluate(snap([gone]), DEFAULT_PARAMS)[0]).toMatchObject({
      status: 'manual',
      evidence: { reason: 'DescribeImages did not return the image' },
    });
    const denied = check.evaluate(
      snap([gone], [gap('ec2', 'DescribeImages: UnauthorizedOperation')]),
      DEFAULT_PARAMS,
    )[0];
    expect(denied).toMatchObject({
      status: 'error',
      message: "The AMI's age is unknown: DescribeImages: UnauthorizedOperation",
    });
  });
});
