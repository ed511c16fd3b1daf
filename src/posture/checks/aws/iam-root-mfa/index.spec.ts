import { describe, expect, it } from 'vitest';
import { gap, P, root, snap } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

describe('iam-root-mfa', () => {
  it('passes root with MFA', () => {
    expect(check.evaluate(snap([root({ accountMFAEnabled: true })]), P)).toMatchObject([{ status: 'pass' }]);
  });
  it('fails root without MFA (summary or credential report)', () => {
    expect(check.evaluate(snap([root({ accountMFAEnabled: false })]), P)).toMatchObject([{ status: 'fail' }]);
    expect(check.evaluate(snap([root({}, { credentialReport: { mfa_active: false } })]), P)).toMatchObject([
      { status: 'fail' },
    ]);
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error when neither source could be read', () => {
    const out = check.evaluate(
      snap([root({})], [gap('iam', 'GetAccountSummary: AccessDenied', 'global')]),
      P,
    );
    expect(out).toMatchObject([{ status: 'error' }]);
    expect(out[0]?.message).toContain('AccessDenied');
  });
});
