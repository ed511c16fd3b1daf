import { describe, expect, it } from 'vitest';
import { enforcementsOf } from './guarantees.js';

const doc = (...Statement: unknown[]) => ({ Version: '2012-10-17', Statement });
const ids = (d: Record<string, unknown>) => enforcementsOf(d).map((e) => e.guarantee);

describe('enforcementsOf', () => {
  it('recognises the three encryption denies in their usual spellings', () => {
    expect(
      ids(
        doc(
          {
            Effect: 'Deny',
            Action: 's3:PutObject',
            Resource: '*',
            Condition: { Null: { 's3:x-amz-server-side-encryption': 'true' } },
          },
          {
            Effect: 'Deny',
            Action: ['ec2:CreateVolume'],
            Resource: '*',
            Condition: { Bool: { 'ec2:Encrypted': false } },
          },
          {
            Effect: 'Deny',
            Action: 'rds:Create*',
            Resource: '*',
            Condition: { Bool: { 'rds:StorageEncrypted': ['false'] } },
          },
        ),
      ),
    ).toEqual(['s3-upload-encryption', 'ebs-volume-encryption', 'rds-storage-encryption']);
  });

  it('counts a negated string operator (it also denies header-less uploads) but not its IfExists form', () => {
    const not = (op: string) =>
      doc({
        Effect: 'Deny',
        Action: 's3:*',
        Resource: '*',
        Condition: { [op]: { 's3:x-amz-server-side-encryption': 'aws:kms' } },
      });
    expect(ids(not('StringNotEquals'))).toEqual(['s3-upload-encryption']);
    expect(ids(not('StringNotEqualsIfExists'))).toEqual([]);
    expect(ids(not('StringEquals'))).toEqual([]);
  });

  it('ignores Allow statements, other actions, missing conditions and the wrong value', () => {
    expect(ids(doc({ Effect: 'Allow', Action: '*', Resource: '*' }))).toEqual([]);
    expect(
      ids(
        doc({
          Effect: 'Deny',
          Action: 's3:GetObject',
          Condition: { Null: { 's3:x-amz-server-side-encryption': 'true' } },
        }),
      ),
    ).toEqual([]);
    expect(ids(doc({ Effect: 'Deny', Action: 'ec2:CreateVolume', Resource: '*' }))).toEqual([]);
    expect(
      ids(
        doc({ Effect: 'Deny', Action: 'ec2:CreateVolume', Condition: { Bool: { 'ec2:Encrypted': 'true' } } }),
      ),
    ).toEqual([]);
  });

  it('matches wildcards and NotAction case-insensitively, and reports narrowing conditions', () => {
    const out = enforcementsOf({
      Statement: {
        Sid: 'NoPlainVolumes',
        Effect: 'Deny',
        NotAction: ['iam:*'],
        Resource: '*',
        Condition: {
          Bool: { 'EC2:ENCRYPTED': 'FALSE' },
          ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/break-glass' },
        },
      },
    });
    expect(out).toEqual([
      {
        guarantee: 'ebs-volume-encryption',
        sid: 'NoPlainVolumes',
        alsoRequires: ['ArnNotLike:aws:principalarn'],
      },
    ]);
  });
});
