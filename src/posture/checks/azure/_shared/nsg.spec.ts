import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inboundRules, isOpenSource, openingRule, openPorts, portSpecIncludes, readRule } from './nsg.js';

const rule = (name: string, p: Record<string, unknown>) => ({
  name,
  properties: {
    protocol: 'Tcp',
    access: 'Allow',
    direction: 'Inbound',
    sourcePortRange: '*',
    destinationAddressPrefix: '*',
    ...p,
  },
});

describe('portSpecIncludes', () => {
  it.each([
    ['*', 22, true],
    ['22', 22, true],
    ['3389', 22, false],
    ['20-25', 22, true],
    ['23-25', 22, false],
    ['1-65535', 3389, true],
    ['abc', 22, false],
  ])('%s includes %d → %s', (spec, port, want) => {
    expect(portSpecIncludes(spec, port)).toBe(want);
  });
});

describe('openingRule', () => {
  it('opens on *, Internet and 0.0.0.0/0, with singular and plural fields', () => {
    const rules = inboundRules({
      securityRules: [
        rule('a', { sourceAddressPrefix: '*', destinationPortRange: '3389', priority: 100 }),
        rule('b', { sourceAddressPrefix: 'Internet', destinationPortRange: '22', priority: 110 }),
        rule('c', {
          sourceAddressPrefixes: ['10.0.0.0/8', '0.0.0.0/0'],
          destinationPortRanges: ['80', '443'],
          priority: 120,
        }),
      ],
    });
    expect(openingRule(rules, 3389)?.name).toBe('a');
    expect(openingRule(rules, 22)?.name).toBe('b');
    expect(openingRule(rules, 80)?.name).toBe('c');
    expect(openingRule(rules, 5985)).toBeUndefined();
  });

  it('a Deny from Internet with a lower priority number closes the port', () => {
    const nsg = {
      securityRules: [
        rule('allow', { sourceAddressPrefix: '*', destinationPortRange: '*', priority: 200 }),
        rule('deny', {
          sourceAddressPrefix: 'Internet',
          destinationPortRange: '22',
          access: 'Deny',
          priority: 100,
        }),
      ],
    };
    expect(openPorts(nsg, [22, 3389]).map((o) => o.port)).toEqual([3389]);
  });

  it('ignores outbound, UDP-only and narrow-source rules', () => {
    const nsg = {
      securityRules: [
        rule('out', {
          sourceAddressPrefix: '*',
          destinationPortRange: '22',
          direction: 'Outbound',
          priority: 100,
        }),
        rule('udp', { sourceAddressPrefix: '*', destinationPortRange: '22', protocol: 'Udp', priority: 110 }),
        rule('vpn', { sourceAddressPrefix: '203.0.113.0/24', destinationPortRange: '22', priority: 120 }),
      ],
    };
    expect(openPorts(nsg, [22])).toEqual([]);
  });

  it('reads flattened rules too', () => {
    expect(readRule({ name: 'x', access: 'Allow', direction: 'Inbound', priority: 1 }).access).toBe('allow');
  });
});

describe('property: a narrower source never counts as open', () => {
  const cidr = fc
    .tuple(
      fc.integer({ min: 0, max: 255 }),
      fc.integer({ min: 0, max: 255 }),
      fc.integer({ min: 0, max: 255 }),
      fc.integer({ min: 0, max: 255 }),
      fc.integer({ min: 1, max: 32 }),
    )
    .map(([a, b, c, d, len]) => `${a}.${b}.${c}.${d}/${len}`);
  const tags = fc.constantFrom('VirtualNetwork', 'AzureLoadBalancer', 'AzureCloud', 'Storage', '10.0.0.1');
  const source = fc.oneof(cidr, tags);
  const spec = fc.oneof(fc.constant('*'), fc.integer({ min: 1, max: 65535 }).map(String));

  it('no allow rule with such sources opens any port', () => {
    fc.assert(
      fc.property(
        fc.array(source, { minLength: 1, maxLength: 4 }),
        spec,
        fc.integer({ min: 1, max: 65535 }),
        (sources, ports, port) => {
          expect(sources.some(isOpenSource)).toBe(false);
          const nsg = {
            securityRules: [
              rule('r', { sourceAddressPrefixes: sources, destinationPortRange: ports, priority: 100 }),
            ],
          };
          expect(openPorts(nsg, [port])).toEqual([]);
        },
      ),
    );
  });
});
