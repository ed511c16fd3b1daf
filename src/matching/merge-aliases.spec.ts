import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Advisory } from '../core/advisory.js';
import { npm } from '../versioning/npm/index.js';
import type { Match } from './match.js';
import { AliasGroups, mergeMatches } from './merge-aliases.js';

function adv(id: string, aliases: string[] = [], extra: Partial<Advisory> = {}): Advisory {
  return {
    id,
    modified: '2024-01-01T00:00:00Z',
    aliases,
    related: [],
    upstream: [],
    severity: [],
    affected: [],
    references: [],
    ...extra,
  };
}
const component = { purl: 'pkg:npm/x@1.0.0', ecosystem: 'npm', name: 'x', version: '1.0.0' };
const affected = { ecosystem: 'npm', name: 'x', ranges: [], versions: [], severity: [] };
const m = (a: Advisory, fixed: string | null): Match<typeof component> => ({
  component,
  advisory: a,
  affected,
  fixed,
});

describe('alias merging', () => {
  it('merges records that alias each other, transitively, into one finding', () => {
    const ghsa = adv('GHSA-aaaa-bbbb-cccc', ['CVE-2024-1']);
    const pysec = adv('PYSEC-2024-9', ['CVE-2024-1']);
    const other = adv('GHSA-zzzz-zzzz-zzzz', ['CVE-2024-2']);
    const g = new AliasGroups();
    for (const a of [ghsa, pysec, other]) g.add(a);
    const merged = mergeMatches([m(pysec, '1.2.0'), m(ghsa, '1.1.0'), m(other, null)], g, () => npm);
    expect(merged).toHaveLength(2);
    const first = merged.find((x) => x.advisory.id === 'GHSA-aaaa-bbbb-cccc')!;
    expect(first.aliases).toEqual(['CVE-2024-1', 'PYSEC-2024-9']);
    // Below 1.2.0 PYSEC still calls the version affected: the merged fix is the highest.
    expect(first.fixed).toBe('1.2.0');
    expect(first.members.map((a) => a.id)).toEqual(['GHSA-aaaa-bbbb-cccc', 'PYSEC-2024-9']);
  });

  it('never follows upstream or related', () => {
    const debian = adv('DSA-1', [], { upstream: ['CVE-2024-5'], related: ['CVE-2024-5'] });
    const cve = adv('CVE-2024-5');
    const g = new AliasGroups();
    g.add(debian);
    g.add(cve);
    expect(mergeMatches([m(debian, null), m(cve, null)], g, () => npm)).toHaveLength(2);
  });

  it('gives the same groups whatever the order advisories are added in', () => {
    const ids = fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F');
    fc.assert(
      fc.property(fc.array(fc.tuple(ids, fc.array(ids, { maxLength: 2 })), { maxLength: 8 }), (recs) => {
        const g1 = new AliasGroups();
        const g2 = new AliasGroups();
        for (const [id, al] of recs) g1.add({ id, aliases: al });
        for (const [id, al] of [...recs].reverse()) g2.add({ id, aliases: al });
        for (const [id] of recs)
          for (const [other] of recs) {
            expect(g1.find(id) === g1.find(other)).toBe(g2.find(id) === g2.find(other));
          }
      }),
    );
  });
});
