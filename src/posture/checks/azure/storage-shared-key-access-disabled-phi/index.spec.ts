import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../params.js';
import { az, EMPTY, PHI, snap } from '../_shared/fixtures.test-helpers.js';
import { check } from './index.js';

const run = (p: Record<string, unknown>, tags: Record<string, string> = PHI) =>
  check.evaluate(snap([az('microsoft.storage/storageaccounts', 'sa', p, { tags })]), DEFAULT_PARAMS);

describe(check.id, () => {
  it('passes when disabled', () => expect(run({ allowSharedKeyAccess: false })[0]?.status).toBe('pass'));
  it('fails when allowed or unset (null = true)', () => {
    expect(run({ allowSharedKeyAccess: true })[0]?.status).toBe('fail');
    expect(run({})[0]).toMatchObject({ status: 'fail', evidence: { allowSharedKeyAccess: null } });
  });
  it('ignores accounts not tagged PHI; empty → nothing', () => {
    expect(run({}, {})).toEqual([]);
    expect(check.evaluate(EMPTY, DEFAULT_PARAMS)).toEqual([]);
  });
});
