import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../params.js';
import { az, EMPTY, snap } from '../_shared/fixtures.test-helpers.js';
import { check } from './index.js';

const run = (p: Record<string, unknown>) =>
  check.evaluate(snap([az('microsoft.storage/storageaccounts', 'sa', p)]), DEFAULT_PARAMS)[0];

describe(check.id, () => {
  it('passes with HTTPS only', () => expect(run({ supportsHttpsTrafficOnly: true })?.status).toBe('pass'));
  it('fails when HTTP is accepted', () => {
    const r = run({ supportsHttpsTrafficOnly: false });
    expect(r?.status).toBe('fail');
    expect(r?.evidence.supportsHttpsTrafficOnly).toBe(false);
  });
  it('is manual when absent', () => expect(run({})?.status).toBe('manual'));
  it('empty → nothing', () => expect(check.evaluate(EMPTY, DEFAULT_PARAMS)).toEqual([]));
});
