import { describe, expect, it } from 'vitest';
import { gap, P, root, snap } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

describe('iam-root-hardware-mfa', () => {
  it('passes hardware MFA, fails virtual MFA and no MFA', () => {
    expect(check.evaluate(snap([root({ accountMFAEnabled: true }, { virtualMfa: false })]), P)).toMatchObject(
      [{ status: 'pass' }],
    );
    expect(check.evaluate(snap([root({ accountMFAEnabled: true }, { virtualMfa: true })]), P)).toMatchObject([
      { status: 'fail', message: 'Root MFA is a virtual device' },
    ]);
    expect(check.evaluate(snap([root({ accountMFAEnabled: false })]), P)).toMatchObject([{ status: 'fail' }]);
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error when the MFA device list or summary could not be read', () => {
    const out = check.evaluate(
      snap(
        [root({ accountMFAEnabled: true })],
        [gap('iam', 'ListVirtualMFADevices: AccessDenied', 'global')],
      ),
      P,
    );
    expect(out).toMatchObject([{ status: 'error' }]);
    expect(out[0]?.message).toContain('ListVirtualMFADevices: AccessDenied');
    expect(check.evaluate(snap([root({})]), P)).toMatchObject([{ status: 'error' }]);
  });
});
