import { describe, expect, it } from 'vitest';
import { res } from '../_shared/snapshots.test-helpers.js';
import { adminAccess, blockedKmsActions, fullServiceAccess, marketplaceSubscribe } from './judges.js';

const doc = (...Statement: unknown[]) => ({ Version: '2012-10-17', Statement });
const owner = res('AWS::IAM::Policy', 'arn:aws:iam::111122223333:policy/p');

describe('judges', () => {
  it('blockedKmsActions names each blocked action and the statement granting it', () => {
    expect(
      blockedKmsActions(doc({ Sid: 'All', Effect: 'Allow', Action: 'kms:*', Resource: '*' }), owner),
    ).toEqual(['kms:Decrypt on all keys by statement All', 'kms:ReEncryptFrom on all keys by statement All']);
    expect(
      blockedKmsActions(
        doc({ Effect: 'Allow', Action: 'kms:ReEncrypt*', Resource: 'arn:aws:kms:*:111122223333:key/*' }),
        owner,
      ),
    ).toEqual(['kms:ReEncryptFrom on all keys by statement #0']);
    // Another account's keys are not "all keys" of this one.
    expect(
      blockedKmsActions(
        doc({ Effect: 'Allow', Action: 'kms:*', Resource: 'arn:aws:kms:*:999988887777:key/*' }),
        owner,
      ),
    ).toEqual([]);
    expect(blockedKmsActions('}{', owner)).toBeUndefined();
  });
  it('adminAccess and marketplaceSubscribe need Resource "*"', () => {
    expect(adminAccess(doc({ Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::*' }))).toEqual([]);
    expect(
      adminAccess(
        doc({
          Effect: 'Allow',
          Action: '*',
          Resource: '*',
          Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
        }),
      ),
    ).toEqual(['* on * by statement #0 (conditioned)']);
    expect(
      marketplaceSubscribe(doc({ Effect: 'Allow', Action: 'aws-marketplace:Subscribe', Resource: '*' })),
    ).toHaveLength(1);
  });
  it('fullServiceAccess tells service wildcards from prefix wildcards', () => {
    expect(
      fullServiceAccess(doc({ Effect: 'Allow', Action: ['ec2:*', 'S3:*', 'iam:Get*'], Resource: 'x' })),
    ).toEqual(['ec2:*, S3:* by statement #0']);
    expect(fullServiceAccess(doc({ Effect: 'Allow', Action: 'ec2:Describe*', Resource: '*' }))).toEqual([]);
    expect(fullServiceAccess(doc({ Effect: 'Allow', Action: 's3*:*', Resource: '*' }))).toEqual([
      's3:* by statement #0',
    ]);
    expect(fullServiceAccess(doc({ Effect: 'Allow', NotAction: '*', Resource: '*' }))).toEqual([]);
  });
});
