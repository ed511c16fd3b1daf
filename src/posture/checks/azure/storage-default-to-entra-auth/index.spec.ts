import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../params.js';
import { az, EMPTY, snap } from '../_shared/fixtures.test-helpers.js';
import { check } from './index.js';

const run = (p: Record<string, unknown>) =>
  check.evaluate(snap([az('microsoft.storage/storageaccounts', 'sa', p)]), DEFAULT_PARAMS)[0];

describe(check.id, () => {
  it('passes when on', () => expect(run({ defaultToOAuthAuthentication: true })?.status).toBe('pass'));
  it('fails when off or unset', () => {
    expect(run({ defaultToOAuthAuthentication: false })?.status).toBe('fail');
    expect(run({})).toMatchObject({ status: 'fail', evidence: { defaultToOAuthAuthentication: null } });
  });
  it('empty → nothing', () => expect(check.evaluate(EMPTY, DEFAULT_PARAMS)).toEqual([]));
});
