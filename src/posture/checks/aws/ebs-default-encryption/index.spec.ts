import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../params.js';
import { gap, res, snap, statuses } from '../_compute/fixtures.test-helpers.js';
import { check } from './index.js';

const ID = 'arn:aws:ec2:us-east-1:111122223333:ebs-encryption-by-default';
const setting = (on: unknown) =>
  res('AWS::EC2::EBSEncryptionByDefault', ID, {
    configuration: { ebsEncryptionByDefault: on, sseType: 'sse-ebs' },
  });

describe('ebs-default-encryption', () => {
  it('passes when on, fails when off', () => {
    expect(statuses(check.evaluate(snap([setting(true)]), DEFAULT_PARAMS))).toEqual({ [ID]: 'pass' });
    const [r] = check.evaluate(snap([setting(false)]), DEFAULT_PARAMS);
    expect(r).toMatchObject({
      status: 'fail',
      evidence: { ebsEncryptionByDefault: false, sseType: 'sse-ebs' },
    });
  });
  it('says nothing about an empty snapshot', () => {
    expect(check.evaluate(snap([]), DEFAULT_PARAMS)).toEqual([]);
  });
  it('reports an unreadable setting as an error with the reason', () => {
    const out = check.evaluate(
      snap([], [gap('ec2', 'GetEbsEncryptionByDefault: UnauthorizedOperation')]),
      DEFAULT_PARAMS,
    );
    expect(out.map((r) => [r.resourceId, r.status, r.message])).toEqual([
      [ID, 'error', 'Could not be evaluated: GetEbsEncryptionByDefault: UnauthorizedOperation.'],
    ]);
  });
});
