// New advisory → affected assets, on a 10k-asset × 500-component fleet in the embedded database:
// the (ecosystem, package) index lookup that `import advisories` runs for each changed package.
// The fleet is generated inside PostgreSQL (generate_series), names drawn from real package names.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const dist = (p) => new URL(`../dist/${p}`, import.meta.url).href;
const shared = (p) => fileURLToPath(new URL(`../../shared/data/${p}`, import.meta.url));
const { readAdvisories } = await import(dist('feeds/osv/read-advisories.js'));
const { openPglite } = await import(dist('store/pglite.js'));
const { openPg } = await import(dist('store/pg.js'));
const { migrate } = await import(dist('store/migrate.js'));
const { assetsWithPackages } = await import(dist('store/repositories/components.js'));

const ASSETS = Number(process.env.BENCH_ASSETS ?? 10_000);
const PER = 500;
const names = new Set();
for (const d of ['ghsa-osv/npm', 'osv/pypa-advisory-database', 'osv/golang-vulndb']) {
  for (const r of (await readAdvisories(shared(d))).records)
    for (const a of r.advisory.affected) if (a.name) names.add(a.name);
}
const pool = [...names];
const home = mkdtempSync(join(tmpdir(), 'pw-newadv-'));
const url = process.env.BENCH_DATABASE_URL;
const db = url ? await openPg(url) : await openPglite(join(home, 'db'));
await migrate(db);
console.log(
  `driver ${db.driver}; fleet ${ASSETS} assets × ${PER} components; ${pool.length} real package names`,
);

let t = performance.now();
await db.exec(`INSERT INTO assets (external_id, name, kind, first_seen, last_seen)
  SELECT 'bench:' || g, 'host-' || g, 'host', now(), now() FROM generate_series(1, ${ASSETS}) g`);
await db.query(
  `INSERT INTO components (asset_id, purl, ecosystem, name, version, found_by, first_seen, last_seen)
   SELECT a.id, 'pkg:npm/p' || (a.id * 7919 + c) % 60000 || '@1.0.' || c % 20, 'npm',
          ($1::text[])[1 + ((a.id * 7919 + c) % 60000) % array_length($1::text[], 1)] || '-' || ((a.id * 7919 + c) % 60000) / array_length($1::text[], 1),
          '1.0.' || c % 20, 'bench', now(), now()
   FROM assets a CROSS JOIN generate_series(1, ${PER}) c`,
  [pool],
);
await db.exec('ANALYZE components');
const { rows } = await db.query('SELECT count(*)::int AS n FROM components');
console.log(`generated ${rows[0].n} component rows in ${((performance.now() - t) / 1000).toFixed(1)} s`);

// A new advisory names one package (sometimes a few): which assets run it?
const lat = [];
let hits = 0;
for (let i = 0; i < 500; i++) {
  const k = 1 + (i % 5 === 0 ? 3 : 0);
  const pkgs = Array.from({ length: k }, (_, j) => {
    const n = (i * 104729 + j * 31) % 60000;
    return { ecosystem: 'npm', name: `${pool[n % pool.length]}-${Math.floor(n / pool.length)}` };
  });
  t = performance.now();
  hits += (await assetsWithPackages(db, pkgs)).length;
  lat.push(performance.now() - t);
}
lat.sort((a, b) => a - b);
const q = (p) => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))].toFixed(2);
console.log(
  `new advisory → affected assets: p50 ${q(0.5)} ms, p99 ${q(0.99)} ms, max ${q(1)} ms (500 lookups, ${hits} asset hits)`,
);
await db.close();
rmSync(home, { recursive: true, force: true });
