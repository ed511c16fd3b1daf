import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../params.js';
import { az, EMPTY, snap } from '../_shared/fixtures.test-helpers.js';
import { check } from './index.js';

const db = (name: string, supplementary: Record<string, unknown>) =>
  az('microsoft.sql/servers/databases', name, { status: 'Online' }, { supplementary });

describe(check.id, () => {
  it('passes when TDE is Enabled', () => {
    expect(
      check.evaluate(
        snap([db('ehrdb', { transparentDataEncryption: { state: 'Enabled' } })]),
        DEFAULT_PARAMS,
      )[0]?.status,
    ).toBe('pass');
  });
  it('fails when Disabled', () => {
    expect(
      check.evaluate(
        snap([db('ehrdb', { transparentDataEncryption: { state: 'Disabled' } })]),
        DEFAULT_PARAMS,
      )[0],
    ).toMatchObject({
      status: 'fail',
      evidence: { 'transparentDataEncryption.state': 'Disabled' },
    });
  });
  it('is an error when TDE was not read, and skips master', () => {
    const results = check.evaluate(snap([db('ehrdb', {}), db('master', {})]), DEFAULT_PARAMS);
    expect(results).toHaveLength(1);
    expect(results[0]?.status).toBe('error');
    expect(results[0]?.evidence.reason).toMatch(/not read/);
  });
  it('empty → nothing', () => expect(check.evaluate(EMPTY, DEFAULT_PARAMS)).toEqual([]));
});
