import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../params.js';
import { az, EMPTY, snap } from '../_shared/fixtures.test-helpers.js';
import { check } from './index.js';

const run = (p: Record<string, unknown>, params = DEFAULT_PARAMS) =>
  check.evaluate(snap([az('microsoft.sql/servers', 'sql', p)]), params)[0];

describe(check.id, () => {
  it('passes on 1.2 and 1.3', () => {
    expect(run({ minimalTlsVersion: '1.2' })?.status).toBe('pass');
    expect(run({ minimalTlsVersion: '1.3' })?.status).toBe('pass');
  });
  it('fails on 1.0, 1.1, None and unset', () => {
    for (const v of ['1.0', '1.1', 'None']) expect(run({ minimalTlsVersion: v })?.status).toBe('fail');
    expect(run({})).toMatchObject({ status: 'fail', evidence: { minimalTlsVersion: null } });
  });
  it('follows params.minTlsVersion; unknown values are manual', () => {
    expect(run({ minimalTlsVersion: '1.2' }, { ...DEFAULT_PARAMS, minTlsVersion: '1.3' })?.status).toBe(
      'fail',
    );
    expect(run({ minimalTlsVersion: '2.0' })?.status).toBe('manual');
  });
  it('empty → nothing', () => expect(check.evaluate(EMPTY, DEFAULT_PARAMS)).toEqual([]));
});
