/**
 * The bundled demo fleet (demo/fleet.yaml): synthetic assets — names, accounts and tags are
 * invented, no PHI — running real public SBOMs, matched against real public advisories and the
 * real KEV catalog, plus a synthetic AWS estate as AWS Config snapshots for `posture scan`.
 * Loaded through the same import services a user calls, oldest sighting first, so deadlines fall
 * on both sides of today; the cloud snapshots come last, as today's sighting of the EC2 and
 * Lambda assets (keyed by ARN, so SBOM and cloud sightings are one asset).
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ASSET_KINDS, CLINICAL_CRITICALITY, ENVIRONMENTS, SUPPORT_STATUS } from '../core/inventory.js';
import { parseYamlText, validateShape } from '../core/structured-input.js';
import { DAY_MS } from '../core/time.js';
import { readBoundedFile } from '../io/read-bounded.js';
import type { Db } from '../store/db.js';
import { importAdvisories } from './import-advisories.js';
import { importAwsConfigSnapshot } from './import-aws-config.js';
import { importKev } from './import-kev.js';
import { importSbom } from './import-sbom.js';

/** demo/fleet.yaml inside the installed package. */
export const DEMO_FLEET = resolve(dirname(fileURLToPath(import.meta.url)), '../../demo/fleet.yaml');

const Asset = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  kind: z.enum(ASSET_KINDS),
  provider: z.string().optional(),
  account: z.string().optional(),
  region: z.string().optional(),
  environment: z.enum(ENVIRONMENTS).optional(),
  internetExposed: z.boolean().optional(),
  clinicalCriticality: z.enum(CLINICAL_CRITICALITY).optional(),
  supportStatus: z.enum(SUPPORT_STATUS).optional(),
  owner: z.string().optional(),
  tags: z.record(z.string(), z.string()).default({}),
  sbom: z.string().min(1),
  /** Days before the load that this asset was first scanned (drives the demo's SLA clocks). */
  firstSeenDaysAgo: z.number().int().min(0).max(365).default(0),
});

const Fleet = z.object({
  kev: z.string().optional(),
  advisories: z.array(z.string()).default([]),
  /** AWS Config snapshot files (`.json` or `.json.gz`), loaded in this order: oldest capture first. */
  cloud: z.array(z.string()).default([]),
  assets: z.array(Asset).min(1),
});

export interface DemoLoadResult {
  /** Fleet entries (SBOM sightings). */
  assets: number;
  advisories: number;
  kevEntries: number;
  findingsOpened: number;
  cloudSnapshots: number;
  cloudResources: number;
  /** Assets only the cloud snapshots know (buckets, databases): the rest merged with fleet entries. */
  cloudAssetsCreated: number;
}

/** Load the demo fleet described by `fleetFile` (idempotent: a second load changes nothing). */
export async function loadDemo(
  db: Db,
  opts: { fleetFile?: string; now?: Date; onStep?: (msg: string) => void } = {},
): Promise<DemoLoadResult> {
  const file = opts.fleetFile ?? DEMO_FLEET;
  const base = dirname(file);
  const text = (await readBoundedFile(file, 16 * 1024 * 1024)).toString('utf8');
  const fleet = validateShape(Fleet, parseYamlText(text, file), file);
  const now = opts.now ?? new Date();
  const oldest = Math.max(...fleet.assets.map((a) => a.firstSeenDaysAgo));
  const feedsAt = new Date(now.getTime() - (oldest + 1) * DAY_MS);
  const actor = 'demo-loader';
  const result: DemoLoadResult = {
    assets: 0,
    advisories: 0,
    kevEntries: 0,
    findingsOpened: 0,
    cloudSnapshots: 0,
    cloudResources: 0,
    cloudAssetsCreated: 0,
  };
  if (fleet.kev) {
    opts.onStep?.(`KEV catalog ${fleet.kev}`);
    const r = await importKev(db, resolve(base, fleet.kev), { actor, at: feedsAt });
    result.kevEntries = r.entries;
  }
  for (const dir of fleet.advisories) {
    opts.onStep?.(`advisories ${dir}`);
    const r = await importAdvisories(db, resolve(base, dir), { actor, at: feedsAt });
    result.advisories += r.records;
  }
  const ordered = [...fleet.assets].sort((a, b) => b.firstSeenDaysAgo - a.firstSeenDaysAgo);
  for (const a of ordered) {
    opts.onStep?.(`asset ${a.name}`);
    const { id, sbom, firstSeenDaysAgo, ...fields } = a;
    const r = await importSbom(db, resolve(base, sbom), {
      actor,
      at: new Date(now.getTime() - firstSeenDaysAgo * DAY_MS),
      asset: { ...stripUndefined(fields), externalId: id },
    });
    result.assets++;
    result.findingsOpened += r.findings.opened;
  }
  for (const file of fleet.cloud) {
    opts.onStep?.(`cloud snapshot ${file}`);
    const r = await importAwsConfigSnapshot(db, resolve(base, file), { actor, at: now });
    result.cloudSnapshots++;
    result.cloudResources += r.resources;
    result.cloudAssetsCreated += r.created;
    result.findingsOpened += r.findings.opened;
  }
  return result;
}

// zod's optional fields are `T | undefined`; the overrides type says "absent", not "undefined".
function stripUndefined<T extends Record<string, unknown>>(
  o: T,
): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}
