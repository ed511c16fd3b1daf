import { describe, expect, it } from 'vitest';
import { gap, P, root, snap } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

describe('iam-root-no-access-keys', () => {
  it('passes root without keys', () => {
    expect(check.evaluate(snap([root({ accountAccessKeysPresent: false })]), P)).toMatchObject([
      { status: 'pass' },
    ]);
  });
  it('fails root with a key (summary or credential report)', () => {
    expect(check.evaluate(snap([root({ accountAccessKeysPresent: true })]), P)).toMatchObject([
      { status: 'fail' },
    ]);
    const out = check.evaluate(
      snap([root({}, { credentialReport: { access_key_1_active: true, access_key_2_active: false } })]),
      P,
    );
    expect(out).toMatchObject([{ status: 'fail' }]);
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
