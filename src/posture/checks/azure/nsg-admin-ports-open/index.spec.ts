import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../params.js';
import { az, EMPTY, snap } from '../_shared/fixtures.test-helpers.js';
import { check } from './index.js';

const rule = (name: string, port: string, source: string, priority: number, access = 'Allow') => ({
  name,
  properties: {
    protocol: 'Tcp',
    sourcePortRange: '*',
    destinationPortRange: port,
    sourceAddressPrefix: source,
    destinationAddressPrefix: '*',
    access,
    priority,
    direction: 'Inbound',
  },
});
const run = (...securityRules: unknown[]) =>
  check.evaluate(
    snap([az('microsoft.network/networksecuritygroups', 'nsg', { securityRules })]),
    DEFAULT_PARAMS,
  )[0];

describe(check.id, () => {
  it('passes when admin ports are only open to a narrow range', () => {
    expect(run(rule('ssh-vpn', '22', '10.8.0.0/16', 100), rule('https', '443', '*', 110))?.status).toBe(
      'pass',
    );
  });
  it('fails on 3389 from *, 22 from Internet, and ranges covering them', () => {
    const r = run(
      rule('rdp', '3389', '*', 100),
      rule('ssh', '22', 'Internet', 110),
      rule('winrm', '5980-5990', '0.0.0.0/0', 120),
    );
    expect(r?.status).toBe('fail');
    expect(((r?.evidence.openPorts ?? []) as { port: number }[]).map((o) => o.port)).toEqual([
      22, 3389, 5985, 5986,
    ]);
  });
  it('fails on a destination port of *', () => expect(run(rule('all', '*', '*', 100))?.status).toBe('fail'));
  it('passes when an earlier Deny from Internet shadows the Allow', () => {
    expect(run(rule('deny', '*', 'Internet', 100, 'Deny'), rule('rdp', '3389', '*', 200))?.status).toBe(
      'pass',
    );
  });
  it('empty → nothing', () => expect(check.evaluate(EMPTY, DEFAULT_PARAMS)).toEqual([]));
});
