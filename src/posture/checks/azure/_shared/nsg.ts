/**
 * NSG rule evaluation (Network 2024-05-01 `SecurityRule`): which inbound ports an NSG leaves open
 * to the internet. Rules apply in priority order, lowest number first, and the first rule that
 * matches a flow decides it (docs "Network security groups: security rules"). A rule applies to
 * internet traffic only when its source is any address: `*`, `Any`, the `Internet` service tag,
 * `0.0.0.0/0` or `::/0`. A narrower prefix is not counted as open: whether a /1 is "the
 * internet" is a judgement, not a fact the snapshot shows.
 */
import { list, type Obj, obj, str } from './arm.js';

/** Sources that mean every internet address. */
const OPEN_SOURCES = new Set(['*', 'any', 'internet', '0.0.0.0/0', '::/0']);

/** One rule as the checks need it, whichever way ARM nested it. */
export interface NsgRule {
  name: string;
  access: string;
  direction: string;
  protocol: string;
  priority: number;
  sources: string[];
  ports: string[];
}

/** Whether a source prefix (or service tag) stands for every internet address. */
export function isOpenSource(prefix: string): boolean {
  return OPEN_SOURCES.has(prefix.trim().toLowerCase());
}

/** Whether a destination port spec (`*`, `22`, `20-25`) includes `port`; malformed specs do not. */
export function portSpecIncludes(spec: string, port: number): boolean {
  const s = spec.trim();
  if (s === '*') return true;
  const range = /^(\d+)\s*-\s*(\d+)$/.exec(s);
  if (range) return Number(range[1]) <= port && port <= Number(range[2]);
  return /^\d+$/.test(s) && Number(s) === port;
}

/** Singular and plural forms of a rule field (`sourceAddressPrefix` + `sourceAddressPrefixes`). */
function both(p: Obj, one: string, many: string): string[] {
  const out: string[] = [];
  const single = str(p[one]);
  if (single !== undefined) out.push(single);
  for (const v of list(p[many])) if (typeof v === 'string' && v !== '') out.push(v);
  return out;
}

/** A rule from ARM (`{ name, properties: {...} }` or flattened). */
export function readRule(raw: unknown): NsgRule {
  const o = obj(raw);
  const p = Object.keys(obj(o.properties)).length > 0 ? obj(o.properties) : o;
  return {
    name: str(o.name) ?? '?',
    access: (str(p.access) ?? '').toLowerCase(),
    direction: (str(p.direction) ?? '').toLowerCase(),
    protocol: (str(p.protocol) ?? '').toLowerCase(),
    priority: typeof p.priority === 'number' ? p.priority : Number.MAX_SAFE_INTEGER,
    sources: both(p, 'sourceAddressPrefix', 'sourceAddressPrefixes'),
    ports: both(p, 'destinationPortRange', 'destinationPortRanges'),
  };
}

/** Inbound rules of an NSG's `properties` (custom and default), in priority order. */
export function inboundRules(nsgProperties: Obj): NsgRule[] {
  return [...list(nsgProperties.securityRules), ...list(nsgProperties.defaultSecurityRules)]
    .map(readRule)
    .filter((r) => r.direction === 'inbound')
    .sort((a, b) => a.priority - b.priority);
}

/** TCP flows (SSH, RDP, HTTP, WinRM) are matched by `Tcp` and `*` rules. */
function matchesTcp(rule: NsgRule): boolean {
  return rule.protocol === 'tcp' || rule.protocol === '*';
}

/**
 * The rule that lets internet traffic reach `port` over TCP, or undefined: the first rule by
 * priority that applies to internet sources and covers the port decides (an earlier Deny from
 * `*` / Internet closes it).
 */
export function openingRule(rules: readonly NsgRule[], port: number): NsgRule | undefined {
  for (const r of rules) {
    if (!matchesTcp(r)) continue;
    if (!r.ports.some((p) => portSpecIncludes(p, port))) continue;
    if (!r.sources.some(isOpenSource)) continue;
    return r.access === 'allow' ? r : undefined;
  }
  return undefined;
}

/** Each of `ports` an NSG opens to the internet, with the rule that opens it (evidence). */
export function openPorts(
  nsgProperties: Obj,
  ports: readonly number[],
): { port: number; rule: string; priority: number; sources: string[]; ranges: string[] }[] {
  const rules = inboundRules(nsgProperties);
  const out = [];
  for (const port of ports) {
    const r = openingRule(rules, port);
    if (r) out.push({ port, rule: r.name, priority: r.priority, sources: r.sources, ranges: r.ports });
  }
  return out;
}

/** A closed port interval. */
type Interval = [number, number];

/** A port spec as an interval (`*` = 0-65535); malformed specs as none. */
function interval(spec: string): Interval | undefined {
  const s = spec.trim();
  if (s === '*') return [0, 65535];
  const range = /^(\d+)\s*-\s*(\d+)$/.exec(s);
  if (range) return [Number(range[1]), Number(range[2])];
  return /^\d+$/.test(s) ? [Number(s), Number(s)] : undefined;
}

/** `a` minus every interval of `taken`. */
function subtract(a: Interval, taken: readonly Interval[]): Interval[] {
  let rest: Interval[] = [a];
  for (const [lo, hi] of taken) {
    rest = rest.flatMap(([from, to]): Interval[] => {
      if (hi < from || lo > to) return [[from, to]];
      const out: Interval[] = [];
      if (from < lo) out.push([from, lo - 1]);
      if (hi < to) out.push([hi + 1, to]);
      return out;
    });
  }
  return rest;
}

const spec = ([lo, hi]: Interval) =>
  lo === 0 && hi === 65535 ? '*' : lo === hi ? String(lo) : `${lo}-${hi}`;

/**
 * The UDP ports an NSG leaves open to the internet, by the rule that opens them (Prowler
 * `network_udp_internet_access_restricted`): rules matching UDP (`Udp` or `*`) from any address
 * are taken in priority order, each deciding the ports no earlier such rule decided; what an
 * `Allow` decides is open, what a `Deny` decides is closed.
 */
export function openUdpPorts(nsgProperties: Obj): { rule: string; priority: number; ports: string[] }[] {
  const decided: Interval[] = [];
  const out = [];
  for (const r of inboundRules(nsgProperties)) {
    if (!(r.protocol === 'udp' || r.protocol === '*') || !r.sources.some(isOpenSource)) continue;
    const mine = r.ports.flatMap((p): Interval[] => {
      const i = interval(p);
      return i ? [i] : [];
    });
    const fresh = mine.flatMap((i) => subtract(i, decided));
    decided.push(...mine);
    if (r.access === 'allow' && fresh.length > 0)
      out.push({ rule: r.name, priority: r.priority, ports: fresh.map(spec) });
  }
  return out;
}
