import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../params.js';
import { az, EMPTY, snap } from '../_shared/fixtures.test-helpers.js';
import { check } from './index.js';

const run = (p: Record<string, unknown>) =>
  check.evaluate(snap([az('microsoft.keyvault/vaults', 'kv', p)]), DEFAULT_PARAMS)[0];

describe(check.id, () => {
  it('passes with RBAC authorization', () =>
    expect(run({ enableRbacAuthorization: true })?.status).toBe('pass'));
  it('fails with access policies, set or by default', () => {
    expect(run({ enableRbacAuthorization: false })?.status).toBe('fail');
    expect(run({})).toMatchObject({ status: 'fail', evidence: { enableRbacAuthorization: null } });
  });
  it('empty → nothing', () => expect(check.evaluate(EMPTY, DEFAULT_PARAMS)).toEqual([]));
});
