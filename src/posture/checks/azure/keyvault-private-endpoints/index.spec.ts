import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../params.js';
import { az, EMPTY, snap } from '../_shared/fixtures.test-helpers.js';
import { check } from './index.js';

const conn = (status: string) => ({
  id: `/pe/${status}`,
  properties: { privateLinkServiceConnectionState: { status } },
});
const run = (p: Record<string, unknown>) =>
  check.evaluate(snap([az('microsoft.keyvault/vaults', 'kv', p)]), DEFAULT_PARAMS)[0];

describe(check.id, () => {
  it('passes with an approved connection', () =>
    expect(run({ privateEndpointConnections: [conn('Pending'), conn('Approved')] })).toMatchObject({
      status: 'pass',
      evidence: { approved: ['/pe/Approved'] },
    }));
  it('fails without one, or with only pending / rejected ones', () => {
    expect(run({})?.status).toBe('fail');
    expect(run({ privateEndpointConnections: [conn('Rejected')] })?.message).toMatch(/approved/);
  });
  it('empty → nothing', () => expect(check.evaluate(EMPTY, DEFAULT_PARAMS)).toEqual([]));
});
