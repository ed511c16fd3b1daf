import { describe, expect, it } from 'vitest';
import { bucket, gap, P, snap } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

const policy = (...Statement: unknown[]) => ({
  policyText: JSON.stringify({ Version: '2012-10-17', Statement }),
});
const deny = (over: Record<string, unknown> = {}) => ({
  Sid: 'TLS',
  Effect: 'Deny',
  Principal: '*',
  Action: 's3:*',
  Resource: ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'],
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  ...over,
});
const verdict = (p: unknown) => check.evaluate(snap([bucket('b', { BucketPolicy: p })]), P)[0]?.status;

describe('s3-bucket-ssl-requests-only', () => {
  it('passes the documented Deny and its equivalent spellings', () => {
    expect(verdict(policy(deny()))).toBe('pass');
    expect(verdict(policy(deny({ Principal: { AWS: '*' }, Action: '*', Resource: 'arn:aws:s3:::b*' })))).toBe(
      'pass',
    );
    expect(verdict(policy(deny({ Condition: { BoolIfExists: { 'AWS:SecureTransport': false } } })))).toBe(
      'pass',
    );
  });
  it('fails without a policy, and with a Deny that leaves HTTP open somewhere', () => {
    expect(verdict(null)).toBe('fail');
    for (const partial of [
      deny({ Action: 's3:GetObject' }),
      deny({ Resource: 'arn:aws:s3:::b/*' }),
      deny({ Principal: { AWS: 'arn:aws:iam::111122223333:root' } }),
      deny({
        Condition: {
          Bool: { 'aws:SecureTransport': 'false' },
          StringEquals: { 'aws:PrincipalAccount': '1' },
        },
      }),
      deny({ Condition: { Bool: { 'aws:SecureTransport': 'true' } } }),
      deny({ Effect: 'Allow' }),
      deny({ Condition: { NumericLessThan: { 's3:TlsVersion': '1.2' } } }),
    ]) {
      expect(verdict(policy(partial)), JSON.stringify(partial)).toBe('fail');
    }
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error when the policy could not be read or parsed', () => {
    const out = check.evaluate(
      snap(
        [bucket('b', { BucketPolicy: undefined }), bucket('c', { BucketPolicy: { policyText: '{oops' } })],
        [gap('s3', 'GetBucketPolicy: AccessDenied', 'global')],
      ),
      P,
    );
    expect(out.map((r) => r.status)).toEqual(['error', 'error']);
    expect(out[0]?.message).toContain('GetBucketPolicy: AccessDenied');
  });
});
