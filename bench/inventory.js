// Inventory benchmarks (issue 4): an AWS Config snapshot of a large estate (N EC2 instances, each
// with its SSM application inventory of 300 rpm packages) read and mapped to assets, then the
// cloud import of a smaller one into the embedded database (snapshot rows, assets, components,
// audit, findings refresh in one transaction); and a CycloneDX XML SBOM read with XSD validation.
// Run: `npm run bench`, or `node bench/inventory.js [--instances N]`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const dist = (p) => new URL(`../dist/${p}`, import.meta.url).href;
const { readConfigSnapshot } = await import(dist('sources/cloud/aws-config/read-config-snapshot.js'));
const { awsSnapshotAssets } = await import(dist('sources/cloud/aws/snapshot-assets.js'));
const { importCloudSnapshot } = await import(dist('services/import-cloud.js'));
const { openPglite } = await import(dist('store/pglite.js'));
const { migrate } = await import(dist('store/migrate.js'));
const { extractInventory } = await import(dist('sources/read-inventory.js'));

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? dflt : Number(process.argv[i + 1]);
};
const line = (name, value, note = '') =>
  console.log(`${name.padEnd(58)} ${String(value).padStart(12)}  ${note}`);
const ACCOUNT = '111122223333';
const PACKAGES = 300;

/** A Config snapshot file's parsed content: per instance an EC2 item and an SSM inventory item. */
function configSnapshot(instances) {
  const items = [];
  for (let i = 0; i < instances; i++) {
    const id = `i-${(0x10000000 + i).toString(16).padStart(17, '0')}`;
    items.push({
      configurationItemVersion: '1.3',
      configurationItemCaptureTime: '2026-11-01T00:00:00.000Z',
      configurationItemStatus: 'OK',
      awsAccountId: ACCOUNT,
      resourceType: 'AWS::EC2::Instance',
      resourceId: id,
      ARN: `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/${id}`,
      awsRegion: 'us-east-1',
      tags: { Name: `host-${i}`, PHI: i % 3 === 0 ? 'true' : 'false', Environment: 'prod' },
      configuration: {
        instanceId: id,
        imageId: 'ami-0abcdef1234567890',
        subnetId: 'subnet-0a1b2c3d4e5f60012',
        privateIpAddress: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
        state: { name: 'running' },
        metadataOptions: { httpTokens: 'required' },
        tags: [{ key: 'Name', value: `host-${i}` }],
      },
      supplementaryConfiguration: {},
    });
    const apps = {};
    for (let p = 0; p < PACKAGES; p++) {
      apps[`pkg${p}`] = {
        Name: `pkg${p}`,
        Version: `1.${p % 17}.${i % 5}`,
        Release: '1.amzn2023',
        Architecture: 'x86_64',
      };
    }
    items.push({
      configurationItemVersion: '1.3',
      configurationItemCaptureTime: '2026-11-01T00:00:00.000Z',
      configurationItemStatus: 'OK',
      awsAccountId: ACCOUNT,
      resourceType: 'AWS::SSM::ManagedInstanceInventory',
      resourceId: id,
      ARN: `arn:aws:ssm:us-east-1:${ACCOUNT}:managed-instance-inventory/${id}`,
      awsRegion: 'us-east-1',
      tags: {},
      configuration: {
        'AWS:InstanceInformation': {
          SchemaVersion: '1.0',
          Content: {
            [id]: {
              InstanceId: id,
              PlatformName: 'Amazon Linux',
              PlatformType: 'Linux',
              PlatformVersion: '2023',
            },
          },
        },
        'AWS:Application': { SchemaVersion: '1.1', Content: apps },
      },
      supplementaryConfiguration: {},
    });
  }
  return { fileVersion: '1.0', configSnapshotId: 'bench', configurationItems: items };
}

const N = arg('instances', 10_000);
let t = performance.now();
const big = configSnapshot(N);
const text = JSON.stringify(big);
line(
  `generate Config snapshot (${N} instances × ${PACKAGES} packages)`,
  `${(text.length / 2 ** 20).toFixed(0)} MiB`,
);
t = performance.now();
const parsed = JSON.parse(text);
const { snapshot } = readConfigSnapshot(parsed, 'bench.json');
const tRead = performance.now() - t;
line(
  '  JSON.parse + readConfigSnapshot',
  `${(tRead / 1000).toFixed(2)} s`,
  `${Math.round(snapshot.resources.length / (tRead / 1000))} items/s`,
);
t = performance.now();
const assets = awsSnapshotAssets(snapshot);
const tMap = performance.now() - t;
const comps = assets.reduce((n, a) => n + a.components.length, 0);
line(
  '  snapshot → assets (EC2+SSM merge, rpm purls)',
  `${(tMap / 1000).toFixed(2)} s`,
  `${assets.length} hosts, ${comps} components, ${Math.round(comps / (tMap / 1000))} components/s`,
);

const M = arg('import-instances', 1_000);
const home = mkdtempSync(join(tmpdir(), 'pw-bench-inv-'));
try {
  const db = await openPglite(join(home, 'db'));
  await migrate(db);
  const small = readConfigSnapshot(configSnapshot(M), 'bench-small.json').snapshot;
  const origin = { adapter: 'cloud/aws-config-snapshot', adapterVersion: '1', source: 'bench', live: false };
  t = performance.now();
  const r = await importCloudSnapshot(db, small, awsSnapshotAssets, origin, { actor: 'bench' });
  const tImport = performance.now() - t;
  line(
    `import cloud snapshot into PGlite (${M} hosts × ${PACKAGES})`,
    `${(tImport / 1000).toFixed(2)} s`,
    `${r.assets} assets, ${Math.round((M * PACKAGES) / (tImport / 1000))} components/s`,
  );
  t = performance.now();
  const again = await importCloudSnapshot(db, small, awsSnapshotAssets, origin, { actor: 'bench' });
  line('  same snapshot again (unchanged)', `${((performance.now() - t) / 1000).toFixed(2)} s`, again.status);
  await db.close();
} finally {
  rmSync(home, { recursive: true, force: true });
}

// CycloneDX XML: 5,000 components, schema-validated with libxml2 (WebAssembly).
const xmlComponents = Array.from(
  { length: 5000 },
  (_, i) =>
    `<component type="library" bom-ref="c${i}"><name>lib${i}</name><version>1.${i % 40}.0</version><purl>pkg:npm/lib${i}@1.${i % 40}.0</purl></component>`,
).join('');
const xml = `<?xml version="1.0" encoding="UTF-8"?><bom xmlns="http://cyclonedx.org/schema/bom/1.6" version="1"><components>${xmlComponents}</components></bom>`;
t = performance.now();
const x = await extractInventory({ file: 'bench.cdx.xml', text: xml });
line(
  'CycloneDX XML 1.6, 5,000 components (XSD-validated)',
  `${((performance.now() - t) / 1000).toFixed(2)} s`,
  `${x.components.length} components`,
);
