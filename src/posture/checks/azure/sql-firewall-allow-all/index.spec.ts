import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../params.js';
import { az, EMPTY, snap } from '../_shared/fixtures.test-helpers.js';
import { check } from './index.js';

const fw = (name: string, startIpAddress: string, endIpAddress: string) => ({
  name,
  properties: { startIpAddress, endIpAddress },
});
const run = (firewallRules: unknown[] | undefined, configuration: Record<string, unknown> = {}) =>
  check.evaluate(
    snap([
      az('microsoft.sql/servers', 'sql-ehr', configuration, {
        supplementary: firewallRules ? { firewallRules } : {},
      }),
    ]),
    DEFAULT_PARAMS,
  )[0];

describe(check.id, () => {
  it('passes with narrow rules, none, or public access disabled', () => {
    expect(run([fw('clinic', '203.0.113.0', '203.0.113.255')])?.status).toBe('pass');
    expect(run([])?.status).toBe('pass');
    expect(run(undefined, { publicNetworkAccess: 'Disabled' })?.status).toBe('pass');
  });
  it('fails on the any-address rule and on "Allow Azure services"', () => {
    expect(run([fw('open', '0.0.0.0', '255.255.255.255')])?.message).toMatch(/every address/);
    expect(run([fw('AllowAllWindowsAzureIps', '0.0.0.0', '0.0.0.0')])?.message).toMatch(/any tenant/);
  });
  it('is an error when the rules were not read', () =>
    expect(run(undefined, { publicNetworkAccess: 'Enabled' })?.status).toBe('error'));
  it('empty → nothing', () => expect(check.evaluate(EMPTY, DEFAULT_PARAMS)).toEqual([]));
});
