import { describe, expect, it } from 'vitest';
import { gap, P, snap, user } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

describe('iam-user-mfa-enabled', () => {
  it('fails users without MFA, console password or not', () => {
    const out = check.evaluate(
      snap([
        user('alice', { password_enabled: true, mfa_active: true }),
        user('svc', { password_enabled: false, mfa_active: false }),
      ]),
      P,
    );
    expect(out.map((r) => r.status)).toEqual(['pass', 'fail']);
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error when the credential report could not be read', () => {
    const out = check.evaluate(
      snap([user('alice'), user('bob', {})], [gap('iam', 'GetCredentialReport: AccessDenied', 'global')]),
      P,
    );
    expect(out.map((r) => r.status)).toEqual(['error', 'error']);
    expect(out[0]?.message).toContain('GetCredentialReport: AccessDenied');
  });
});
