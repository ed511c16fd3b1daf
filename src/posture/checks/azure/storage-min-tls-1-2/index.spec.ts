import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../params.js';
import { az, EMPTY, snap } from '../_shared/fixtures.test-helpers.js';
import { check } from './index.js';

const run = (p: Record<string, unknown>, params = DEFAULT_PARAMS) =>
  check.evaluate(snap([az('microsoft.storage/storageaccounts', 'sa', p)]), params)[0];

describe(check.id, () => {
  it('passes on TLS1_2 and TLS1_3', () => {
    expect(run({ minimumTlsVersion: 'TLS1_2' })?.status).toBe('pass');
    expect(run({ minimumTlsVersion: 'TLS1_3' })?.status).toBe('pass');
  });
  it('fails on TLS1_0, TLS1_1 and unset (ARM default TLS 1.0)', () => {
    expect(run({ minimumTlsVersion: 'TLS1_0' })?.status).toBe('fail');
    expect(run({ minimumTlsVersion: 'TLS1_1' })?.status).toBe('fail');
    expect(run({})).toMatchObject({ status: 'fail', evidence: { minimumTlsVersion: null } });
  });
  it('follows params.minTlsVersion', () => {
    expect(run({ minimumTlsVersion: 'TLS1_2' }, { ...DEFAULT_PARAMS, minTlsVersion: '1.3' })?.status).toBe(
      'fail',
    );
  });
  it('unknown values are manual', () => expect(run({ minimumTlsVersion: 'TLS9' })?.status).toBe('manual'));
  it('empty → nothing', () => expect(check.evaluate(EMPTY, DEFAULT_PARAMS)).toEqual([]));
});
