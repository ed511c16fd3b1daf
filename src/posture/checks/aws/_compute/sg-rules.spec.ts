import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { internetOpenings, isInternetCidr, openPorts, ruleRange } from './sg-rules.js';

const rule = (
  ipProtocol: string,
  fromPort: number | undefined,
  toPort: number | undefined,
  v4: string[],
  v6: string[] = [],
) => ({
  ipProtocol,
  ...(fromPort !== undefined && { fromPort }),
  ...(toPort !== undefined && { toPort }),
  ipRanges: v4,
  ipv4Ranges: v4.map((cidrIp) => ({ cidrIp })),
  ipv6Ranges: v6.map((cidrIpv6) => ({ cidrIpv6 })),
});

describe('sg rules', () => {
  it('knows the internet CIDRs', () => {
    expect(['0.0.0.0/0', '::/0', '10.0.0.0/8', '0.0.0.0/1', '::/1', 'garbage'].map(isInternetCidr)).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });

  it('reads protocol -1, ranges and ICMP', () => {
    expect(ruleRange({ ipProtocol: '-1' })).toEqual({ protocol: 'all', from: 0, to: 65535 });
    expect(ruleRange({ ipProtocol: 'tcp', fromPort: 20, toPort: 25 })).toEqual({
      protocol: 'tcp',
      from: 20,
      to: 25,
    });
    expect(ruleRange({ ipProtocol: 'icmp', fromPort: -1, toPort: -1 })).toBeUndefined();
  });

  it('finds IPv4 and IPv6 openings, the fixture group included', () => {
    const ingress = [
      rule('tcp', 22, 22, ['0.0.0.0/0'], ['::/0']),
      rule('tcp', 3389, 3389, ['0.0.0.0/0']),
      rule('tcp', 443, 443, ['0.0.0.0/0']),
    ];
    expect(openPorts(ingress, [22, 3389, 5985]).map((p) => [p.port, p.rules.map((r) => r.cidr)])).toEqual([
      [22, ['0.0.0.0/0', '::/0']],
      [3389, ['0.0.0.0/0']],
    ]);
    expect(internetOpenings([rule('-1', undefined, undefined, ['0.0.0.0/0'])], 5986)).toHaveLength(1);
    expect(
      internetOpenings(
        [{ ipProtocol: 'tcp', fromPort: 22, toPort: 22, ipRanges: [{ cidrIp: '0.0.0.0/0' }] }],
        22,
      ),
    ).toHaveLength(1);
  });

  const octet = fc.integer({ min: 0, max: 255 });
  const narrowV4 = fc
    .tuple(octet, octet, octet, octet, fc.integer({ min: 1, max: 32 }))
    .map(([a, b, c, d, p]) => `${a}.${b}.${c}.${d}/${p}`);
  const narrowV6 = fc.integer({ min: 1, max: 128 }).map((p) => `2001:db8::/${p}`);

  it('property: a rule open only to a narrower CIDR than /0 never counts as internet-open', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('tcp', 'udp', '-1', '6', '17'),
        fc.integer({ min: 0, max: 65535 }),
        fc.integer({ min: 0, max: 65535 }),
        fc.array(narrowV4, { maxLength: 4 }),
        fc.array(narrowV6, { maxLength: 3 }),
        fc.integer({ min: 0, max: 65535 }),
        (proto, a, b, v4, v6, port) => {
          const r = rule(proto, Math.min(a, b), Math.max(a, b), v4, v6);
          expect(internetOpenings([r], port)).toEqual([]);
        },
      ),
    );
  });

  it('property: an internet-open port range containing an admin port counts', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(22, 3389, 5985, 5986),
        fc.integer({ min: 0, max: 65535 }),
        fc.integer({ min: 0, max: 65535 }),
        fc.constantFrom('0.0.0.0/0', '::/0'),
        fc.constantFrom('tcp', '6', '-1'),
        (port, a, b, cidr, proto) => {
          const from = Math.min(a, b, port);
          const to = Math.max(a, b, port);
          const r = cidr.includes(':') ? rule(proto, from, to, [], [cidr]) : rule(proto, from, to, [cidr]);
          const found = openPorts([r], [22, 3389, 5985, 5986]).map((p) => p.port);
          expect(found).toContain(port);
        },
      ),
    );
  });
});
