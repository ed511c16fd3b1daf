import { describe, expect, it } from 'vitest';
import { gap, P, snap, user } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

describe('iam-console-user-mfa', () => {
  it('passes console users with MFA and users without a password', () => {
    const out = check.evaluate(
      snap([
        user('a', { password_enabled: true, mfa_active: true }),
        user('bob', { password_enabled: false, mfa_active: true }),
      ]),
      P,
    );
    expect(out.map((r) => r.status)).toEqual(['pass', 'pass']);
  });
  it('fails a console password without MFA', () => {
    expect(
      check.evaluate(snap([user('alice', { password_enabled: true, mfa_active: false })]), P),
    ).toMatchObject([{ status: 'fail' }]);
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error when the credential report could not be read', () => {
    const out = check.evaluate(
      snap([user('a')], [gap('iam', 'GetCredentialReport: AccessDenied', 'global')]),
      P,
    );
    expect(out).toMatchObject([{ status: 'error' }]);
    expect(out[0]?.message).toContain('AccessDenied');
  });
});
