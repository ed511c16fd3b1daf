// tsc emits only .js: the SQL migrations ship beside the compiled store, and the bin entry
// points must be executable for `npx patchwarden` on a fresh clone.
import { chmodSync, cpSync, readdirSync } from 'node:fs';

cpSync(
  new URL('../src/store/migrations/', import.meta.url),
  new URL('../dist/store/migrations/', import.meta.url),
  {
    recursive: true,
  },
);
// The device adapter's shipped column mapping.
cpSync(
  new URL('../src/sources/devices/default-mapping.yaml', import.meta.url),
  new URL('../dist/sources/devices/default-mapping.yaml', import.meta.url),
);
// CERT/CC SSVC tables: tsc emits the imported JSON, but the licence notice and README travel too.
cpSync(
  new URL('../src/triage/ssvc/tables/', import.meta.url),
  new URL('../dist/triage/ssvc/tables/', import.meta.url),
  { recursive: true },
);
// Policy packs (YAML), read at run time by src/triage/policy/shipped.ts.
cpSync(
  new URL('../src/triage/policy/packs/', import.meta.url),
  new URL('../dist/triage/policy/packs/', import.meta.url),
  { recursive: true },
);
const bin = new URL('../dist/bin/', import.meta.url);
for (const f of readdirSync(bin)) if (f.endsWith('.js')) chmodSync(new URL(f, bin), 0o755);
