/**
 * Alias merging: advisories that name each other in `aliases` describe one vulnerability
 * (GHSA-x, PYSEC-y and CVE-z), so a component gets one finding for them, not three. Groups are
 * the connected components of the alias graph (union–find). `upstream` and `related` are never
 * followed: an upstream CVE fixed in one distro's package is a different finding from the
 * distro's own advisory (osv-scanner#1007, grype#1495 in MATCHING-NOTES.md).
 */
import type { Advisory, AffectedPackage } from '../core/advisory.js';
import type { VersionScheme } from '../versioning/types.js';
import { highestFix, type Match, type MatchableComponent } from './match.js';

/** Union–find over advisory ids and their aliases. */
export class AliasGroups {
  private readonly parent = new Map<string, string>();

  /** Add an advisory: its id and every alias join one group. */
  add(advisory: Pick<Advisory, 'id' | 'aliases'>): void {
    for (const alias of advisory.aliases) this.union(advisory.id, alias);
    this.find(advisory.id);
  }

  /** The group's root id (stable for the lifetime of this structure). */
  find(id: string): string {
    let root = id;
    for (let p = this.parent.get(root); p !== undefined && p !== root; p = this.parent.get(root)) root = p;
    if (!this.parent.has(id)) this.parent.set(id, id);
    // Path compression keeps lookups near-constant on large feeds.
    for (let cur = id; cur !== root; ) {
      const next = this.parent.get(cur)!;
      this.parent.set(cur, root);
      cur = next;
    }
    return root;
  }

  private union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    // The smaller id becomes the root, so the result does not depend on input order.
    if (ra !== rb) ra < rb ? this.parent.set(rb, ra) : this.parent.set(ra, rb);
  }
}

export interface MergedMatch<C extends MatchableComponent> {
  component: C;
  /** The representative advisory of the group (see `representative`). */
  advisory: Advisory;
  affected: AffectedPackage;
  /** Every id of the group except the representative's, sorted: ids and aliases of all members. */
  aliases: string[];
  /** The matched advisories of the group, representative first. */
  members: Advisory[];
  /** The highest fixed version any member names: below it, some member still says affected. */
  fixed: string | null;
  /** Some member's verdict assumed the advisory's epoch (missing-epoch `auto`). */
  epochAssumed?: true;
}

// Prefer a database's own record over a bare CVE, then the smallest id, for a stable choice.
function representative(members: Advisory[]): Advisory {
  return [...members].sort((a, b) => {
    const ca = a.id.startsWith('CVE-') ? 1 : 0;
    const cb = b.id.startsWith('CVE-') ? 1 : 0;
    return ca - cb || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  })[0]!;
}

/**
 * Merge one component's matches by alias group. `schemeOf` orders the fixed versions; `groups`
 * must contain every matched advisory.
 */
export function mergeMatches<C extends MatchableComponent>(
  matches: readonly Match<C>[],
  groups: AliasGroups,
  schemeOf: (m: Match<C>) => VersionScheme | undefined,
): MergedMatch<C>[] {
  // Keyed by the component object itself: the same purl on two assets is two components.
  const byComponent = new Map<C, Map<string, Match<C>[]>>();
  for (const m of matches) {
    let groupsOf = byComponent.get(m.component);
    if (!groupsOf) {
      groupsOf = new Map();
      byComponent.set(m.component, groupsOf);
    }
    const root = groups.find(m.advisory.id);
    const list = groupsOf.get(root);
    if (list) list.push(m);
    else groupsOf.set(root, [m]);
  }
  const out: MergedMatch<C>[] = [];
  for (const list of [...byComponent.values()].flatMap((g) => [...g.values()])) {
    const rep = representative(list.map((m) => m.advisory));
    const repMatch = list.find((m) => m.advisory === rep)!;
    const ids = new Set<string>();
    for (const m of list) for (const id of [m.advisory.id, ...m.advisory.aliases]) ids.add(id);
    ids.delete(rep.id);
    out.push({
      component: repMatch.component,
      advisory: rep,
      affected: repMatch.affected,
      aliases: [...ids].sort(),
      members: [rep, ...list.map((m) => m.advisory).filter((a) => a !== rep)],
      ...(list.some((m) => m.epochAssumed) ? { epochAssumed: true as const } : {}),
      fixed: highestFix(
        list.map((m) => m.fixed),
        schemeOf(repMatch),
      ),
    });
  }
  return out;
}
