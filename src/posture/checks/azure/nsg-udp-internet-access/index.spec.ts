import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../params.js';
import { az, EMPTY, snap } from '../_shared/fixtures.test-helpers.js';
import { check } from './index.js';

const rule = (name: string, p: Record<string, unknown>) => ({
  name,
  properties: {
    access: 'Allow',
    direction: 'Inbound',
    sourcePortRange: '*',
    destinationAddressPrefix: '*',
    ...p,
  },
});
const run = (securityRules: unknown[]) =>
  check.evaluate(
    snap([az('microsoft.network/networksecuritygroups', 'nsg', { securityRules })]),
    DEFAULT_PARAMS,
  )[0];

describe(check.id, () => {
  it('passes when UDP is closed, TCP-only, narrow-sourced or denied first', () => {
    expect(
      run([
        rule('tcp', { protocol: 'Tcp', sourceAddressPrefix: '*', destinationPortRange: '*', priority: 100 }),
        rule('vpn', {
          protocol: 'Udp',
          sourceAddressPrefix: '203.0.113.0/24',
          destinationPortRange: '500',
          priority: 110,
        }),
        rule('deny', {
          protocol: '*',
          access: 'Deny',
          sourceAddressPrefix: 'Internet',
          destinationPortRange: '100-200',
          priority: 120,
        }),
        rule('snmp', {
          protocol: 'Udp',
          sourceAddressPrefix: '*',
          destinationPortRange: '161',
          priority: 130,
        }),
      ])?.status,
    ).toBe('pass');
  });
  it('fails on UDP or Any from the internet, naming the ports left open after earlier denies', () => {
    const r = run([
      rule('deny-dns', {
        protocol: 'Udp',
        access: 'Deny',
        sourceAddressPrefix: '*',
        destinationPortRange: '53',
        priority: 100,
      }),
      rule('any', {
        protocol: '*',
        sourceAddressPrefixes: ['0.0.0.0/0'],
        destinationPortRange: '50-60',
        priority: 110,
      }),
    ]);
    expect(r).toMatchObject({
      status: 'fail',
      evidence: { openUdp: [{ rule: 'any', ports: ['50-52', '54-60'] }] },
    });
  });
  it('empty → nothing', () => expect(check.evaluate(EMPTY, DEFAULT_PARAMS)).toEqual([]));
});
