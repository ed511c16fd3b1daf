import { describe, expect, it } from 'vitest';
import { onlyInsecureTransport, secureTransportDenies } from './secure-transport.js';

describe('secure transport', () => {
  it('accepts only a condition that is exactly aws:SecureTransport false', () => {
    expect(onlyInsecureTransport({ Bool: { 'aws:SecureTransport': 'false' } })).toBe(true);
    expect(onlyInsecureTransport({ Bool: { 'aws:securetransport': [false] } })).toBe(true);
    expect(onlyInsecureTransport({ Bool: { 'aws:SecureTransport': ['false', 'true'] } })).toBe(false);
    expect(onlyInsecureTransport({ StringEquals: { 'aws:SecureTransport': 'false' } })).toBe(false);
    expect(onlyInsecureTransport(undefined)).toBe(false);
  });
  it('finds the Deny covering the bucket and its objects, NotResource spellings included', () => {
    const deny = (over: Record<string, unknown>) =>
      JSON.stringify({
        Statement: [
          {
            Effect: 'Deny',
            Principal: '*',
            Action: 's3:*',
            Condition: { Bool: { 'aws:SecureTransport': false } },
            ...over,
          },
        ],
      });
    expect(
      secureTransportDenies(deny({ Resource: ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'] }), 'arn:aws:s3:::b'),
    ).toHaveLength(1);
    expect(
      secureTransportDenies(deny({ NotResource: 'arn:aws:s3:::other/*' }), 'arn:aws:s3:::b'),
    ).toHaveLength(1);
    expect(secureTransportDenies(deny({ Resource: 'arn:aws:s3:::b/phi/*' }), 'arn:aws:s3:::b')).toHaveLength(
      0,
    );
    expect(
      secureTransportDenies(
        deny({ Resource: '*', NotPrincipal: { AWS: 'arn:aws:iam::1:root' } }),
        'arn:aws:s3:::b',
      ),
    ).toHaveLength(0);
    expect(secureTransportDenies('{', 'arn:aws:s3:::b')).toBeUndefined();
  });
});
