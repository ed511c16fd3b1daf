import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../params.js';
import { az, EMPTY, PHI, snap } from '../_shared/fixtures.test-helpers.js';
import { check } from './index.js';

const conn = (status: string) => ({
  id: `/pe/${status}`,
  properties: { privateLinkServiceConnectionState: { status } },
});
const run = (p: Record<string, unknown>, tags: Record<string, string> = PHI) =>
  check.evaluate(snap([az('microsoft.storage/storageaccounts', 'sa', p, { tags })]), DEFAULT_PARAMS);

describe(check.id, () => {
  it('passes with an approved connection', () =>
    expect(run({ privateEndpointConnections: [conn('Approved')] })[0]?.status).toBe('pass'));
  it('fails without one', () => {
    expect(run({})[0]?.status).toBe('fail');
    expect(run({ privateEndpointConnections: [conn('Pending')] })[0]?.message).toMatch(/approved/);
  });
  it('ignores accounts not tagged PHI; empty → nothing', () => {
    expect(run({}, {})).toEqual([]);
    expect(check.evaluate(EMPTY, DEFAULT_PARAMS)).toEqual([]);
  });
});
