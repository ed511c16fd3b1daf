import { describe, expect, it } from 'vitest';
import { anyValueProbes } from './glob.js';
import { grantsAll, statementApplies } from './grants.js';

const doc = (...Statement: unknown[]) => ({ Version: '2012-10-17', Statement });
const KEYS = anyValueProbes('arn:aws:kms:{}:111122223333:key/{}');
const decryptAll = (d: unknown) => grantsAll(d, ['kms:Decrypt'], KEYS);

describe('statementApplies', () => {
  it('honours Action/NotAction and Resource/NotResource with wildcards', () => {
    const key = 'arn:aws:kms:us-east-1:111122223333:key/abc';
    expect(statementApplies({ Action: 'kms:*', Resource: '*' }, 'kms:Decrypt', key)).toBe(true);
    expect(statementApplies({ NotAction: 's3:*', Resource: '*' }, 'kms:Decrypt', key)).toBe(true);
    expect(statementApplies({ NotAction: 'kms:*', Resource: '*' }, 'kms:Decrypt', key)).toBe(false);
    expect(
      statementApplies({ Action: 'kms:Decrypt', NotResource: 'arn:aws:s3:::*' }, 'kms:Decrypt', key),
    ).toBe(true);
    expect(
      statementApplies({ Action: 'kms:Decrypt', NotResource: 'arn:aws:kms:*' }, 'kms:Decrypt', key),
    ).toBe(false);
    expect(statementApplies({ Action: 'kms:Decrypt' }, 'kms:Decrypt', key)).toBe(false);
  });
});

describe('grantsAll', () => {
  it('finds Decrypt on every key through "*", "kms:*", key wildcards and NotAction', () => {
    for (const s of [
      { Effect: 'Allow', Action: '*', Resource: '*' },
      { Effect: 'Allow', Action: ['kms:Encrypt', 'kms:*'], Resource: 'arn:aws:kms:*:*:key/*' },
      { Effect: 'Allow', Action: 'kms:De*', Resource: ['arn:aws:kms:*:111122223333:*'] },
      { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' },
    ]) {
      expect(decryptAll(doc(s))?.granted, JSON.stringify(s)).toBe(true);
    }
  });
  it('does not find it for one key, one region, other actions, or under an unconditional Deny', () => {
    for (const d of [
      doc({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: 'arn:aws:kms:us-east-1:111122223333:key/abc' }),
      doc({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: 'arn:aws:kms:us-east-1:111122223333:key/*' }),
      doc({ Effect: 'Allow', Action: ['kms:Describe*', 'kms:List*'], Resource: '*' }),
      doc(
        { Effect: 'Allow', Action: 'kms:*', Resource: '*' },
        { Effect: 'Deny', Action: 'kms:Decrypt', Resource: '*' },
      ),
    ]) {
      expect(decryptAll(d)?.granted, JSON.stringify(d)).toBe(false);
    }
  });
  it('counts a conditioned Allow (conditions are not evaluated) but not a conditioned Deny', () => {
    const cond = { StringEquals: { 'kms:ViaService': 's3.us-east-1.amazonaws.com' } };
    const out = decryptAll(
      doc(
        { Sid: 'ViaS3', Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*', Condition: cond },
        {
          Effect: 'Deny',
          Action: 'kms:*',
          Resource: '*',
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
      ),
    );
    expect(out).toMatchObject({
      granted: true,
      grants: [{ sid: 'ViaS3', index: 0, conditional: true }],
      deniedBy: [],
    });
  });
  it('reads JSON text and URL-encoded documents, and says undefined for garbage', () => {
    const text = JSON.stringify(doc({ Effect: 'Allow', Action: 'kms:*', Resource: '*' }));
    expect(decryptAll(text)?.granted).toBe(true);
    expect(decryptAll(encodeURIComponent(text))?.granted).toBe(true);
    expect(decryptAll('not json')).toBeUndefined();
  });
});
