// Posture benchmark (issue 6): every registered check over a large AWS estate. The estate is the
// demo's AWS Config snapshots (demo/cloud, synthetic but shaped like real accounts) cloned into
// many accounts, so each check sees realistic configuration; then the same scan stored in PGlite.
// Run: `npm run bench`, or `node bench/posture.js` after `npm run build`.
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { gunzipSync } from 'node:zlib';

const dist = (p) => new URL(`../dist/${p}`, import.meta.url).href;
const { readConfigSnapshot } = await import(dist('sources/cloud/aws-config/read-config-snapshot.js'));
const { POSTURE_CHECKS } = await import(dist('posture/registry.js'));
const { DEFAULT_PARAMS } = await import(dist('posture/params.js'));
const { runChecks } = await import(dist('posture/run.js'));
const { openPglite } = await import(dist('store/pglite.js'));
const { migrate } = await import(dist('store/migrate.js'));
const { importCloudSnapshot } = await import(dist('services/import-cloud.js'));
const { runPostureScan } = await import(dist('services/posture-scan.js'));

const line = (name, value, note = '') =>
  console.log(`${name.padEnd(58)} ${String(value).padStart(12)}  ${note}`);
const cpu = cpus();
console.log(
  `machine: ${cpu[0]?.model ?? 'unknown cpu'} × ${cpu.length}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, node ${process.version}\n`,
);

const dir = new URL('../demo/cloud/', import.meta.url);
const base = readdirSync(dir)
  .filter((f) => f.endsWith('.json.gz'))
  .flatMap((f) => {
    const parsed = JSON.parse(gunzipSync(readFileSync(new URL(f, dir))).toString('utf8'));
    return readConfigSnapshot(parsed, f).snapshot.resources;
  });
const collectedAt = '2026-11-20T00:00:00.000Z';

// `copies` accounts per demo account: ids and ARNs rewritten so every resource is distinct.
function estate(copies) {
  const resources = [];
  const accounts = new Set();
  for (let i = 0; i < copies; i++) {
    for (const r of base) {
      const account = String(100000000000 + i * 1000 + Number(r.account.slice(-3)));
      accounts.add(account);
      const swap = (v) => (typeof v === 'string' ? v.replaceAll(r.account, account) : v);
      resources.push({
        ...r,
        account,
        id: swap(r.id),
        configuration: JSON.parse(JSON.stringify(r.configuration).replaceAll(r.account, account)),
        supplementary: JSON.parse(JSON.stringify(r.supplementary).replaceAll(r.account, account)),
      });
    }
  }
  return {
    provider: 'aws',
    collectedAt,
    accounts: [...accounts].sort(),
    regions: ['us-east-1', 'us-west-2'],
    resources,
    gaps: [],
  };
}

const checks = POSTURE_CHECKS.filter((c) => c.provider === 'aws');
for (const copies of [10, 100, 1000]) {
  const snap = estate(copies);
  const t = performance.now();
  const run = runChecks(POSTURE_CHECKS, snap, DEFAULT_PARAMS);
  const ms = performance.now() - t;
  line(
    `evaluate ${checks.length} AWS checks: ${snap.accounts.length} accounts, ${snap.resources.length} resources`,
    `${(ms / 1000).toFixed(2)} s`,
    `${run.results.length} results (${Math.round(run.results.length / (ms / 1000))}/s); ${run.counts.fail} fail, ${run.counts.error} error`,
  );
}

const db = await openPglite(undefined);
await migrate(db);
const snap = estate(10);
await importCloudSnapshot(
  db,
  snap,
  () => [],
  { adapter: 'bench', adapterVersion: '1', source: 'bench', live: false },
  { actor: 'bench', at: new Date(collectedAt) },
);
for (const label of ['first scan (everything new)', 'second scan (drift: none)']) {
  const t = performance.now();
  const r = await runPostureScan(db, 'aws', { actor: 'bench' });
  line(
    `PGlite: ${label}, ${snap.resources.length} resources`,
    `${((performance.now() - t) / 1000).toFixed(2)} s`,
    `${r.results.length} results stored, ${r.drift.new.length} new`,
  );
}
await db.close();
