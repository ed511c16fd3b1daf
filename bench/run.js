// PatchWarden benchmarks: `npm run bench`. Prints figures and the machine they ran on.
// Not part of `npm test`. Uses the built code in dist/ and the real data in ../shared/data.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, type as osType, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const dist = (p) => new URL(`../dist/${p}`, import.meta.url).href;
const shared = (p) => fileURLToPath(new URL(`../../shared/data/${p}`, import.meta.url));

const { readAdvisories } = await import(dist('feeds/osv/read-advisories.js'));
const { buildAdvisoryIndex } = await import(dist('matching/advisory-index.js'));
const { matchComponents } = await import(dist('matching/match.js'));
const { readInventoryFile } = await import(dist('sources/read-inventory.js'));
const { compareVersions } = await import(dist('versioning/api.js'));
const { openPglite } = await import(dist('store/pglite.js'));
const { migrate } = await import(dist('store/migrate.js'));
const { importSbom } = await import(dist('services/import-sbom.js'));
const { importAdvisories } = await import(dist('services/import-advisories.js'));
const { appendAudit } = await import(dist('store/repositories/audit.js'));
const { verifyAuditLog } = await import(dist('evidence/verify-audit.js'));

const results = [];
function record(name, value, unit, note = '') {
  results.push({ name, value, unit, note });
  console.log(`${name.padEnd(52)} ${String(value).padStart(12)} ${unit.padEnd(14)} ${note}`);
}
async function time(fn) {
  const t = performance.now();
  const r = await fn();
  return { ms: performance.now() - t, r };
}

const cpu = cpus();
console.log(
  `machine: ${cpu[0]?.model ?? 'unknown cpu'} × ${cpu.length}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, ${osType()} ${release()}, node ${process.version}`,
);
console.log(`date: ${new Date().toISOString()}\n`);

// 1. Version comparison throughput, on the osv-scalibr fixture pairs.
for (const [eco, file] of [
  ['PyPI', 'google-osv-scalibr/pypi-versions-generated.txt'],
  ['npm', 'google-osv-scalibr/semver-versions.txt'],
]) {
  const pairs = readFileSync(shared(`version-fixtures/${file}`), 'utf8')
    .split('\n')
    .map((l) => /^(\S+) [<=>] (\S+)$/.exec(l.trim()))
    .filter(Boolean)
    .map((m) => [m[1], m[2]]);
  let n = 0;
  const { ms } = await time(() => {
    for (let rep = 0; rep < 20; rep++) {
      for (const [a, b] of pairs) {
        try {
          compareVersions(eco, a, b);
        } catch {}
        n++;
      }
    }
  });
  record(
    `version compare ${eco} (parse both + compare)`,
    Math.round(n / (ms / 1000)),
    'pairs/s',
    `${n} pairs`,
  );
}

// 2. Advisory reading and index build: every OSV record in the shared data.
const dirs = [
  'ghsa-osv',
  'osv/pypa-advisory-database',
  'osv/golang-vulndb',
  'rustsec-osv',
  'osv/almalinux-osv-database',
];
const all = [];
const readT = await time(async () => {
  for (const d of dirs) all.push(...(await readAdvisories(shared(d))).records.map((r) => r.advisory));
});
record(
  'read + validate OSV records (JSON and YAML)',
  Math.round(all.length / (readT.ms / 1000)),
  'records/s',
  `${all.length} records`,
);
const idxT = await time(() => buildAdvisoryIndex(all));
record('build advisory index', idxT.ms.toFixed(1), 'ms', `${idxT.r.size} advisories`);
const index = idxT.r;

// 3. Matching: the real SBOMs, then a synthetic fleet of 1,000 assets made of them.
const sboms = [
  'SBOM__juice-shop__v11.1.2__bom.json',
  'SBOM__protonmail-webclient-v4-0912dff__bom.json',
  'SBOM__proton-bridge__proton-bridge-v1.8.0.bom.json',
  'SBOM__cern-lhc-vdm-editor-e564943__bom.json',
];
const inventories = [];
const parseT = await time(async () => {
  for (const f of sboms)
    inventories.push(await readInventoryFile(shared(`sbom/cyclonedx-bom-examples/${f}`)));
});
const comps = inventories.reduce((n, i) => n + i.components.length, 0);
record(
  'read + schema-validate CycloneDX SBOMs',
  Math.round(comps / (parseT.ms / 1000)),
  'components/s',
  `${comps} components in ${sboms.length} SBOMs`,
);
const fleet = [];
for (let i = 0; i < 250; i++) for (const inv of inventories) fleet.push(inv.components);
let found = 0;
const matchT = await time(() => {
  for (const c of fleet) found += matchComponents(c, index).matches.length;
});
const fleetComponents = fleet.reduce((n, c) => n + c.length, 0);
record(
  'match a 1,000-asset fleet (single thread)',
  (matchT.ms / 1000).toFixed(2),
  's',
  `${fleetComponents} components, ${found} findings, ${Math.round(fleetComponents / (matchT.ms / 1000))} components/s`,
);

// 4. The CLI's scan, end to end (process start, parse, validate, read advisories, match).
const cli = fileURLToPath(new URL('../dist/bin/cli.js', import.meta.url));
const scanT = await time(() =>
  execFileSync(process.execPath, [
    cli,
    'scan',
    shared('sbom/cyclonedx-bom-examples/SBOM__juice-shop__v11.1.2__bom.json'),
    '--advisories',
    shared('ghsa-osv'),
    '--format',
    'json',
  ]),
);
record('patchwarden scan juice-shop vs GHSA (process)', scanT.ms.toFixed(0), 'ms', '840 components');
const vcT = await time(() =>
  execFileSync(process.execPath, [cli, 'version', 'compare', 'npm', '1.0.0', '1.0.1']),
);
record('patchwarden version compare (process start)', vcT.ms.toFixed(0), 'ms');

// 5. Store: imports into embedded PostgreSQL, and audit verification.
const home = mkdtempSync(join(tmpdir(), 'pw-bench-'));
const initT = await time(async () => {
  const db = await openPglite(join(home, 'db'));
  await migrate(db);
  return db;
});
record('PGlite first open (initdb) + migrations', initT.ms.toFixed(0), 'ms');
const db = initT.r;
const advT = await time(() => importAdvisories(db, shared('ghsa-osv'), { actor: 'bench' }));
record('import advisories (GHSA, 48 records)', advT.ms.toFixed(0), 'ms');
const sbomT = await time(async () => {
  for (let i = 0; i < 20; i++) {
    await importSbom(db, shared('sbom/cyclonedx-bom-examples/SBOM__juice-shop__v11.1.2__bom.json'), {
      actor: 'bench',
      asset: { externalId: `bench:${i}`, name: `host-${i}`, tags: { PHI: i % 2 ? 'true' : 'false' } },
    });
  }
});
record(
  'import SBOM into PGlite (840 components + findings)',
  (sbomT.ms / 20).toFixed(0),
  'ms/SBOM',
  '20 imports',
);
const auditT = await time(async () => {
  for (let b = 0; b < 20; b++) {
    await db.transaction((tx) =>
      appendAudit(
        tx,
        ...Array.from({ length: 500 }, (_, i) => ({
          actor: 'bench',
          action: 'bench.event',
          entityType: 'bench',
          entityId: String(i),
          data: { i, b },
        })),
      ),
    );
  }
});
record('append audit events (batches of 500)', Math.round(10000 / (auditT.ms / 1000)), 'events/s');
const verT = await time(() => verifyAuditLog(db));
record(
  'audit verify',
  Math.round(verT.r.events / (verT.ms / 1000)),
  'events/s',
  `${verT.r.events} events, ok=${verT.r.ok}`,
);
await db.close();
rmSync(home, { recursive: true, force: true });
