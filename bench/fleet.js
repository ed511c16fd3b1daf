// Fleet-scale benchmarks (issue 3): a synthetic corpus whose names, versions and ranges are drawn
// from the real advisories and SBOMs in ../shared/data — 300k advisory ranges and a fleet of
// 10k assets × 500 components — then: full fleet rematch, cold `scan` of a 1,000-component SBOM
// against 50k advisories, and new advisory → affected assets in the database.
// Run: `npm run bench` (after bench/run.js) or `node bench/fleet.js [--assets N]`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { buildZip } from './zip-writer.js';

const dist = (p) => new URL(`../dist/${p}`, import.meta.url).href;
const shared = (p) => fileURLToPath(new URL(`../../shared/data/${p}`, import.meta.url));
const { readAdvisories } = await import(dist('feeds/osv/read-advisories.js'));
const { buildAdvisoryIndex } = await import(dist('matching/advisory-index.js'));
const { matchComponents } = await import(dist('matching/match.js'));
const { matchInParallel } = await import(dist('matching/parallel.js'));
const { schemeForEcosystem } = await import(dist('versioning/api.js'));

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? dflt : Number(process.argv[i + 1]);
};
const ASSETS = arg('assets', 10_000);
const PER_ASSET = 500;
const RANGES = arg('ranges', 300_000);

// Deterministic pseudo-random numbers, so every run measures the same corpus.
let seed = 0x9e3779b9;
const rnd = () => {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 2 ** 32;
};
const pick = (a) => a[Math.floor(rnd() * a.length)];
const mb = (n) => `${Math.round(n / 2 ** 20)} MiB`;
const line = (name, value, note = '') =>
  console.log(`${name.padEnd(58)} ${String(value).padStart(12)}  ${note}`);

// 1. Real templates: every affected[] entry with a version scheme, and its versions.
const real = [];
for (const d of [
  'ghsa-osv',
  'osv/pypa-advisory-database',
  'osv/golang-vulndb',
  'rustsec-osv',
  'osv/almalinux-osv-database',
  'ubuntu-osv',
]) {
  for (const r of (await readAdvisories(shared(d))).records) real.push(r.advisory);
}
const templates = [];
for (const a of real) {
  if (a.withdrawn) continue;
  for (const p of a.affected) {
    if (!p.ecosystem || !schemeForEcosystem(p.ecosystem)) continue;
    const versions = [...p.versions];
    for (const r of p.ranges)
      for (const e of r.events) for (const v of Object.values(e)) if (v !== '0') versions.push(v);
    if (versions.length) templates.push({ pkg: p, versions, severity: a.severity });
  }
}
const names = {};
for (const t of templates) {
  names[t.pkg.ecosystem] ??= new Set();
  names[t.pkg.ecosystem].add(t.pkg.name);
}
console.log(
  `templates: ${templates.length} affected entries from ${real.length} real records (${Object.keys(names).join(', ')})`,
);

// 2. 300k advisory ranges: real ranges on real-looking names, ~5 advisories per package name
// (60k names), as in the real databases.
const advisories = [];
const packagePool = [];
for (let i = 0; i < RANGES; i++) {
  const t = pick(templates);
  const name = rnd() < 0.01 ? t.pkg.name : `${t.pkg.name}-${i % 60_000}`;
  packagePool.push({ t, name });
  advisories.push({
    id: `BENCH-${i}`,
    modified: '2026-01-01T00:00:00Z',
    aliases: [`CVE-2099-${100000 + i}`],
    related: [],
    upstream: [],
    severity: t.severity,
    affected: [{ ...t.pkg, name, severity: [] }],
    references: [],
  });
}
line('advisory ranges generated', advisories.length);

// 3. The fleet: 200 distinct 500-component images, 10k assets each running one of them with
// 5% of components at another version (realistic drift between hosts).
const images = [];
for (let i = 0; i < 200; i++) {
  const comps = [];
  for (let j = 0; j < PER_ASSET; j++) {
    const { t, name: advised } = pick(packagePool);
    // Most packages on a host have no advisory at all; a fifth do, and of those, half sit on an
    // advisory's own boundary versions (where the verdicts are decided).
    const name = rnd() < 0.2 ? advised : `${advised}-clean`;
    const version = rnd() < 0.5 ? pick(t.versions) : pick(pick(templates).versions);
    comps.push({ purl: `pkg:generic/${name}@${version}`, ecosystem: t.pkg.ecosystem, name, version });
  }
  images.push(comps);
}
const fleet = [];
for (let a = 0; a < ASSETS; a++) {
  for (const c of pick(images)) {
    if (rnd() < 0.05) {
      const { t } = packagePool[Math.floor(rnd() * packagePool.length)];
      fleet.push({ ...c, version: pick(t.versions) });
    } else fleet.push(c);
  }
}
line('fleet components', fleet.length, `${ASSETS} assets × ${PER_ASSET}`);

// 4. Full fleet rematch.
let t = performance.now();
const index = buildAdvisoryIndex(advisories);
line('build index over 300k ranges', `${((performance.now() - t) / 1000).toFixed(2)} s`);
t = performance.now();
const refs = await matchInParallel(fleet, advisories);
const parallelS = (performance.now() - t) / 1000;
line(
  'full fleet rematch, worker threads (all cores)',
  `${parallelS.toFixed(2)} s`,
  `${refs.length} findings, RSS ${mb(process.memoryUsage().rss)}`,
);
t = performance.now();
const single = matchComponents(fleet.slice(0, 500_000), index);
const singleS = (performance.now() - t) / 1000;
line(
  'match 500k components, one thread, no dedupe',
  `${singleS.toFixed(2)} s`,
  `${Math.round(500_000 / singleS)} components/s, ${single.matches.length} matches`,
);

// 5. Cold scan: a 1,000-component CycloneDX SBOM against 50k advisories in one zip.
const dir = mkdtempSync(join(tmpdir(), 'pw-fleet-'));
const zipPath = join(dir, 'all.zip');
writeFileSync(
  zipPath,
  buildZip(
    advisories
      .slice(0, 50_000)
      .map((a) => ({ name: `${a.id}.json`, data: Buffer.from(JSON.stringify(toOsv(a))) })),
  ),
);
const purlType = { npm: 'npm', PyPI: 'pypi', Go: 'golang', 'crates.io': 'cargo' };
const sbomComponents = [];
for (let i = 0; sbomComponents.length < 1000 && i < 100_000; i++) {
  const { t, name } = packagePool[i % 50_000];
  const type = purlType[t.pkg.ecosystem];
  if (!type || !/^[A-Za-z0-9._-]+$/.test(name)) continue;
  const version = pick(t.versions);
  sbomComponents.push({
    type: 'library',
    name,
    version,
    purl: `pkg:${type}/${name}@${encodeURIComponent(version)}`,
    'bom-ref': `c${i}`,
  });
}
const sbomPath = join(dir, 'app.cdx.json');
writeFileSync(
  sbomPath,
  JSON.stringify({
    bomFormat: 'CycloneDX',
    specVersion: '1.5',
    version: 1,
    metadata: { component: { type: 'application', name: 'bench' } },
    components: sbomComponents,
  }),
);
const cli = fileURLToPath(new URL('../dist/bin/cli.js', import.meta.url));
t = performance.now();
const out = JSON.parse(
  execFileSync(process.execPath, [cli, 'scan', sbomPath, '--advisories', zipPath, '--format', 'json'], {
    maxBuffer: 1 << 28,
  }),
);
line(
  'cold scan: 1,000-component SBOM vs 50k advisories (zip)',
  `${((performance.now() - t) / 1000).toFixed(2)} s`,
  `${out.findings.length} findings`,
);
rmSync(dir, { recursive: true, force: true });

function toOsv(a) {
  return {
    id: a.id,
    modified: a.modified,
    aliases: a.aliases,
    affected: a.affected.map(({ ecosystem, name, ranges, versions }) => ({
      package: { ecosystem, name },
      ranges,
      versions,
    })),
  };
}
