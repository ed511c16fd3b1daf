// Worker threads load compiled JavaScript, so this test drives the build in dist/ (npm test builds first).
import { describe, expect, it } from 'vitest';
import { sharedData } from './cli.test-helpers.js';

const dist = (p: string) => new URL(`../dist/${p}`, import.meta.url).href;

describe('matchInParallel', () => {
  it('finds exactly what the single-threaded matcher finds, on real SBOMs and advisories', async () => {
    const { matchInParallel } = await import(dist('matching/parallel.js'));
    const { matchComponents } = await import(dist('matching/match.js'));
    const { buildAdvisoryIndex } = await import(dist('matching/advisory-index.js'));
    const { readAdvisories } = await import(dist('feeds/osv/read-advisories.js'));
    const { readInventoryFile } = await import(dist('sources/read-inventory.js'));
    const advisories = [
      ...(await readAdvisories(sharedData('ghsa-osv'))).records,
      ...(await readAdvisories(sharedData('osv/golang-vulndb'))).records,
    ].map((r: { advisory: unknown }) => r.advisory);
    const components: object[] = [];
    for (const f of [
      'SBOM__juice-shop__v11.1.2__bom.json',
      'SBOM__proton-bridge__proton-bridge-v1.8.0.bom.json',
    ]) {
      components.push(
        ...(await readInventoryFile(sharedData(`sbom/cyclonedx-bom-examples/${f}`))).components,
      );
    }
    const fleet = Array.from({ length: 6 }, () => components).flat();
    const refs = await matchInParallel(fleet, advisories, 2);
    const single = matchComponents(
      fleet.map((c: object, i: number) => ({ ...c, i })),
      buildAdvisoryIndex(advisories),
    );
    const key = (r: { component: number; advisory: string; fixed: string | null }) =>
      `${r.component} ${r.advisory} ${r.fixed}`;
    const expected = single.matches.map(
      (m: { component: { i: number }; advisory: { id: string }; fixed: string | null }) =>
        key({ component: m.component.i, advisory: m.advisory.id, fixed: m.fixed }),
    );
    expect(refs.map(key).sort()).toEqual(expected.sort());
    expect(refs.length).toBeGreaterThan(50);
  });
});

describe('matchAll', () => {
  it('rebuilds the same matches, with their affected entries, from the worker threads', async () => {
    const { matchAll } = await import(dist('matching/parallel.js'));
    const { readAdvisories } = await import(dist('feeds/osv/read-advisories.js'));
    const { readInventoryFile } = await import(dist('sources/read-inventory.js'));
    const advisories = (await readAdvisories(sharedData('ghsa-osv'))).records.map(
      (r: { advisory: unknown }) => r.advisory,
    );
    const { components } = await readInventoryFile(
      sharedData('sbom/cyclonedx-bom-examples/SBOM__juice-shop__v11.1.2__bom.json'),
    );
    type M = {
      component: { purl: string };
      advisory: { id: string };
      affected: { name: string };
      fixed: string | null;
    };
    const view = (r: { matches: M[] }) =>
      r.matches.map((m) => `${m.component.purl} ${m.advisory.id} ${m.affected.name} ${m.fixed}`).sort();
    const one = await matchAll(components, advisories, 1);
    const many = await matchAll(components, advisories, 2, 0);
    expect(view(many)).toEqual(view(one));
    expect(one.matches.length).toBe(14);
  });
});
