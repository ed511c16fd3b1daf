import { describe, expect, it } from 'vitest';
import { gap, P, res, snap } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

const policy = (config: Record<string, unknown>, configured = true) =>
  res('AWS::IAM::PasswordPolicy', 'arn:aws:iam::111122223333:account-password-policy', {
    region: 'global',
    configuration: config,
    supplementary: { configured },
  });
const GOOD = {
  minimumPasswordLength: 14,
  requireSymbols: true,
  requireNumbers: true,
  requireUppercaseCharacters: true,
  requireLowercaseCharacters: true,
  maxPasswordAge: 90,
  passwordReusePrevention: 24,
};

describe('iam-password-policy', () => {
  it('passes a policy meeting every requirement', () => {
    expect(check.evaluate(snap([policy(GOOD)]), P)).toMatchObject([{ status: 'pass' }]);
  });
  it('fails the seeded weak policy and an absent one', () => {
    const weak = policy({
      ...GOOD,
      minimumPasswordLength: 8,
      maxPasswordAge: 365,
      passwordReusePrevention: undefined,
      requireSymbols: false,
    });
    const out = check.evaluate(snap([weak]), P);
    expect(out).toMatchObject([{ status: 'fail' }]);
    expect(out[0]?.message).toContain('max age 365 > 90');
    expect(check.evaluate(snap([policy({}, false)]), P)).toMatchObject([
      { status: 'fail', evidence: { configured: false } },
    ]);
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error when GetAccountPasswordPolicy was denied', () => {
    const out = check.evaluate(snap([], [gap('iam', 'GetAccountPasswordPolicy: AccessDenied', 'global')]), P);
    expect(out).toMatchObject([{ status: 'error', resourceId: '111122223333' }]);
    expect(out[0]?.message).toContain('AccessDenied');
  });
});
