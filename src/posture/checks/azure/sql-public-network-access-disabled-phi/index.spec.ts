import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../params.js';
import { az, EMPTY, PHI, snap } from '../_shared/fixtures.test-helpers.js';
import { check } from './index.js';

const run = (p: Record<string, unknown>, tags: Record<string, string> = PHI) =>
  check.evaluate(snap([az('microsoft.sql/servers', 'sql', p, { tags })]), DEFAULT_PARAMS);

describe(check.id, () => {
  it('passes when disabled or behind a perimeter', () => {
    expect(run({ publicNetworkAccess: 'Disabled' })[0]?.status).toBe('pass');
    expect(run({ publicNetworkAccess: 'SecuredByPerimeter' })[0]?.status).toBe('pass');
  });
  it('fails when enabled', () => expect(run({ publicNetworkAccess: 'Enabled' })[0]?.status).toBe('fail'));
  it('is manual when not returned', () => expect(run({})[0]?.status).toBe('manual'));
  it('ignores servers not tagged PHI; empty → nothing', () => {
    expect(run({ publicNetworkAccess: 'Enabled' }, {})).toEqual([]);
    expect(check.evaluate(EMPTY, DEFAULT_PARAMS)).toEqual([]);
  });
});
