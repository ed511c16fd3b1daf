import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../params.js';
import { az, EMPTY, PHI, snap } from '../_shared/fixtures.test-helpers.js';
import { check } from './index.js';

const run = (p: Record<string, unknown>, tags: Record<string, string> = PHI) =>
  check.evaluate(snap([az('microsoft.storage/storageaccounts', 'sa', p, { tags })]), DEFAULT_PARAMS);

describe(check.id, () => {
  it('passes with default action Deny or public access disabled', () => {
    expect(run({ networkAcls: { defaultAction: 'Deny' } })[0]?.status).toBe('pass');
    expect(run({ networkAcls: { defaultAction: 'Allow' }, publicNetworkAccess: 'Disabled' })[0]?.status).toBe(
      'pass',
    );
  });
  it('fails with default action Allow on PHI accounts', () => {
    expect(run({ networkAcls: { defaultAction: 'Allow', bypass: 'AzureServices' } })[0]).toMatchObject({
      status: 'fail',
      evidence: { 'networkAcls.defaultAction': 'Allow' },
    });
  });
  it('is manual when networkAcls is absent', () => expect(run({})[0]?.status).toBe('manual'));
  it('ignores non-PHI accounts and empty snapshots', () => {
    expect(run({ networkAcls: { defaultAction: 'Allow' } }, {})).toEqual([]);
    expect(check.evaluate(EMPTY, DEFAULT_PARAMS)).toEqual([]);
  });
});
