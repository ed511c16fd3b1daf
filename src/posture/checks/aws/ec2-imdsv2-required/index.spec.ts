import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../params.js';
import { gap, instance, snap, statuses } from '../_compute/fixtures.test-helpers.js';
import { check } from './index.js';

const arn = (id: string) => `arn:aws:ec2:us-east-1:111122223333:instance/${id}`;

describe('ec2-imdsv2-required', () => {
  it('passes required or disabled, fails optional', () => {
    const s = snap([
      instance('i-1', { metadataOptions: { httpTokens: 'required', httpEndpoint: 'enabled' } }),
      instance('i-2', { metadataOptions: { httpTokens: 'optional', httpEndpoint: 'enabled' } }),
      instance('i-3', { metadataOptions: { httpTokens: 'optional', httpEndpoint: 'disabled' } }),
    ]);
    expect(statuses(check.evaluate(s, DEFAULT_PARAMS))).toEqual({
      [arn('i-1')]: 'pass',
      [arn('i-2')]: 'fail',
      [arn('i-3')]: 'pass',
    });
  });
  it('says nothing about an empty snapshot', () => {
    expect(check.evaluate(snap([]), DEFAULT_PARAMS)).toEqual([]);
  });
  it('reports unlisted instances as an error with the reason', () => {
    const out = check.evaluate(
      snap([], [gap('ec2', 'DescribeInstances: UnauthorizedOperation')]),
      DEFAULT_PARAMS,
    );
    expect(out.map((r) => [r.resourceId, r.status, r.evidence])).toEqual([
      [arn('*'), 'error', { gap: 'DescribeInstances: UnauthorizedOperation' }],
    ]);
  });
});
