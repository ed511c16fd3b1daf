import { describe, expect, it } from 'vitest';
import {
  hasRestrictingCondition,
  isPublicPrincipal,
  publicStatements,
  statements,
  wildcardStatements,
} from './policy.js';

describe('policy documents', () => {
  it('parses JSON text, URL-encoded text and objects; unparsable is undefined', () => {
    const d = { Statement: { Effect: 'Allow', Action: '*', Resource: '*' } };
    expect(statements(JSON.stringify(d))).toHaveLength(1);
    expect(statements(encodeURIComponent(JSON.stringify(d)))).toHaveLength(1);
    expect(statements(d)).toHaveLength(1);
    expect(statements('{nope')).toBeUndefined();
  });
  it('recognises public principals', () => {
    expect(isPublicPrincipal('*')).toBe(true);
    expect(isPublicPrincipal({ AWS: '*' })).toBe(true);
    expect(isPublicPrincipal({ AWS: ['arn:aws:iam::1:root', '*'] })).toBe(true);
    expect(isPublicPrincipal({ AWS: 'arn:aws:iam::1:root' })).toBe(false);
    expect(isPublicPrincipal({ Service: 'cloudtrail.amazonaws.com' })).toBe(false);
  });
  it('a narrowing condition makes a "*" statement non-public; an open CIDR does not', () => {
    expect(hasRestrictingCondition({ StringEquals: { 'aws:SourceVpce': 'vpce-1' } })).toBe(true);
    expect(hasRestrictingCondition({ StringEquals: { 'aws:PrincipalOrgID': 'o-1' } })).toBe(true);
    expect(hasRestrictingCondition({ IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } })).toBe(false);
    expect(hasRestrictingCondition({ Bool: { 'aws:SecureTransport': 'true' } })).toBe(false);
    const doc = {
      Statement: [
        {
          Effect: 'Allow',
          Principal: '*',
          Action: 's3:GetObject',
          Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
        },
        { Effect: 'Deny', Principal: '*', Action: 's3:*' },
      ],
    };
    expect(publicStatements(doc)).toEqual([]);
  });
  it('finds wildcard grants over every resource', () => {
    expect(
      wildcardStatements({ Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] }),
    ).toHaveLength(1);
    expect(
      wildcardStatements({ Statement: [{ Effect: 'Allow', Action: ['*'], Resource: ['*'] }] }),
    ).toHaveLength(1);
    expect(
      wildcardStatements({ Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::b/*' }] }),
    ).toHaveLength(0);
    expect(wildcardStatements({ Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] })).toHaveLength(
      0,
    );
  });
});
