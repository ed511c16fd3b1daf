/**
 * Security-group rule evaluation over AWS Config's spelling of rules (ec2-network.ts
 * `configPermissions`): `ipProtocol`, `fromPort`, `toPort`, `ipRanges` (CIDR strings, or
 * `{cidrIp}` in the API's shape), `ipv4Ranges: [{cidrIp}]`, `ipv6Ranges: [{cidrIpv6}]`.
 *
 * Protocol `-1` means every protocol and every port (EC2 API Reference, IpPermission: "Use -1 to
 * specify all protocols … If you specify all ICMP/ICMPv6 types, you must specify all codes", and
 * for -1 the port range is ignored). Only TCP (6) and UDP (17) carry ports.
 */
import { list, num, rec, str } from './util.js';

/** One internet-open opening of a rule: the CIDR, protocol and port range that admit the world. */
export interface OpenRule {
  cidr: string;
  protocol: string;
  fromPort: number;
  toPort: number;
}

/**
 * Whether a CIDR admits every address: prefix length 0, IPv4 or IPv6 (`0.0.0.0/0`, `::/0`).
 * Anything narrower is not "the internet", however large.
 */
export function isInternetCidr(cidr: string): boolean {
  const m = /^\s*([0-9a-fA-F:.]+)\/(\d{1,3})\s*$/.exec(cidr);
  return m !== null && Number(m[2]) === 0;
}

function cidrsOf(rule: Record<string, unknown>): string[] {
  const out = new Set<string>();
  for (const r of list(rule.ipRanges)) {
    const c = str(r) ?? str(rec(r)?.cidrIp);
    if (c) out.add(c);
  }
  for (const r of list(rule.ipv4Ranges)) {
    const c = str(rec(r)?.cidrIp) ?? str(r);
    if (c) out.add(c);
  }
  for (const r of list(rule.ipv6Ranges)) {
    const c = str(rec(r)?.cidrIpv6) ?? str(r);
    if (c) out.add(c);
  }
  return [...out];
}

const PORTED = new Map([
  ['tcp', 'tcp'],
  ['6', 'tcp'],
  ['udp', 'udp'],
  ['17', 'udp'],
]);

/** The protocol name and port range a rule covers, or undefined when it carries no ports (ICMP…). */
export function ruleRange(
  rule: Record<string, unknown>,
): { protocol: string; from: number; to: number } | undefined {
  const p = String(rule.ipProtocol ?? '').toLowerCase();
  if (p === '-1' || p === 'all') return { protocol: 'all', from: 0, to: 65535 };
  const protocol = PORTED.get(p);
  if (!protocol) return undefined;
  const from = num(rule.fromPort);
  const to = num(rule.toPort);
  // TCP/UDP with -1 or no ports means all ports (the console's "All TCP" shows 0-65535).
  if (from === undefined || to === undefined || from < 0 || to < 0) return { protocol, from: 0, to: 65535 };
  return { protocol, from, to };
}

/** The internet-open openings of a group's ingress rules that include `port`. */
export function internetOpenings(ingress: unknown, port: number): OpenRule[] {
  const out: OpenRule[] = [];
  for (const raw of list(ingress)) {
    const rule = rec(raw);
    if (!rule) continue;
    const range = ruleRange(rule);
    if (!range || port < range.from || port > range.to) continue;
    for (const cidr of cidrsOf(rule)) {
      if (isInternetCidr(cidr))
        out.push({ cidr, protocol: range.protocol, fromPort: range.from, toPort: range.to });
    }
  }
  return out;
}

/** Every port of `ports` the ingress rules open to the internet, with the openings that do. */
export function openPorts(ingress: unknown, ports: readonly number[]): { port: number; rules: OpenRule[] }[] {
  return ports.flatMap((port) => {
    const rules = internetOpenings(ingress, port);
    return rules.length > 0 ? [{ port, rules }] : [];
  });
}
