/**
 * Issue 4's acceptance test: every SBOM and package list in ../shared/data/sbom imported into one
 * store. Each file's own count of entries (components, packages, artifacts, stanzas) is counted
 * here independently of the adapters, and must equal what was stored plus what was rejected
 * with a reason; re-importing every file changes nothing.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditLog } from '../evidence/verify-audit.js';
import { parseTxtar } from '../sources/os/txtar.test-helpers.js';
import type { Db } from '../store/db.js';
import { testDrivers } from '../store/testing.test-helpers.js';
import { type ImportSbomResult, importSbom } from './import-sbom.js';
import { sharedData, tableFingerprint } from './shared-data.test-helpers.js';

// Not inventories: JSON schemas, VEX documents, licences and READMEs.
const FOLDERS = [
  'cyclonedx-bom-examples',
  'grype-fixtures',
  'medical-device-sbom-completeness',
  'os-package-lists',
  'spdx-spec',
  'trivy-fixtures',
];
const NOT_INVENTORY = /^(LICENSE|README\.md|spdx-2\.3-schema\.json)$/;

type Doc = Record<string, unknown>;
// CycloneDX entries: components and services, each with its nested ones.
const cdx = (list: unknown): number =>
  ((list as Doc[] | undefined) ?? []).reduce((n, c) => n + 1 + cdx(c.components) + cdx(c.services), 0);

/** The file's own number of entries, by its format's rules, without our adapters. */
function ownCount(text: string): number {
  if (!/^\s*[{[]/.test(text)) {
    // apk installed db: one `P:` per package; dpkg status: one `Package:` per stanza.
    return (text.match(/^P:/gm) ?? text.match(/^Package:/gm) ?? []).length;
  }
  const j = JSON.parse(text) as Doc;
  if (typeof j.payloadType === 'string') {
    const statement = JSON.parse(Buffer.from(String(j.payload), 'base64').toString('utf8')) as Doc;
    return cdx((statement.predicate as Doc).components);
  }
  if (j.bomFormat === 'CycloneDX') {
    const subject = (j.metadata as Doc | undefined)?.component as Doc | undefined;
    return cdx(j.components) + cdx(j.services) + cdx(subject?.components);
  }
  if (typeof j.spdxVersion === 'string') {
    // The packages the document DESCRIBES are the asset itself, not its contents.
    const described = new Set(
      ((j.relationships as Doc[] | undefined) ?? [])
        .filter((r) => r.relationshipType === 'DESCRIBES' && r.spdxElementId === 'SPDXRef-DOCUMENT')
        .map((r) => r.relatedSpdxElement),
    );
    for (const id of (j.documentDescribes as string[] | undefined) ?? []) described.add(id);
    return ((j.packages as Doc[] | undefined) ?? []).filter((p) => !described.has(p.SPDXID)).length;
  }
  if (Array.isArray(j.artifacts)) return j.artifacts.length;
  if (Array.isArray(j.Content)) return j.Content.length;
  throw new Error('unknown format in the shared data');
}

interface Case {
  name: string;
  path: string;
  own: number;
}

// A txtar archive (Trivy's fixture format) is unpacked into a root file-system layout.
function inventoryFiles(): Case[] {
  const out: Case[] = [];
  for (const folder of FOLDERS) {
    for (const name of readdirSync(sharedData(`sbom/${folder}`)).sort()) {
      if (NOT_INVENTORY.test(name)) continue;
      let path = sharedData(`sbom/${folder}/${name}`);
      let text = readFileSync(path, 'utf8');
      if (name.endsWith('.txtar')) {
        const root = join(tmpdir(), `pw-txtar-${process.pid}-${name}`);
        for (const f of parseTxtar(text).files) {
          mkdirSync(join(root, f.name, '..'), { recursive: true });
          writeFileSync(join(root, f.name), f.data);
        }
        path = join(root, 'var/lib/dpkg/status');
        text = readFileSync(path, 'utf8');
      }
      out.push({ name: `${folder}/${name}`, path, own: ownCount(text) });
    }
  }
  return out;
}

for (const driver of testDrivers()) {
  describe(`every SBOM and package list in shared/data/sbom on ${driver.name}`, () => {
    let db: Db;
    const cases = inventoryFiles();
    const results = new Map<string, ImportSbomResult>();
    beforeAll(async () => {
      db = await driver.open();
      for (const c of cases) {
        // Each file is its own deployment: the SBOM digest keys the asset, so two fixtures that
        // share a serial number or subject do not merge into one asset here.
        results.set(
          c.name,
          await importSbom(db, c.path, { actor: 'test', asset: { externalId: `test:${c.name}` } }),
        );
      }
    }, 120_000);
    afterAll(async () => db.close());

    it('covers every inventory file of the folder (27 files, none skipped)', () => {
      expect(cases.length).toBe(27);
    });

    it.each(cases.map((c) => [c.name, c] as const))(
      '%s: stored + rejected = the file’s own count',
      async (_n, c) => {
        const r = results.get(c.name);
        expect(r?.status).toBe('imported');
        const { rows } = await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM components c JOIN assets a ON a.id = c.asset_id
         WHERE a.external_id = $1 AND c.removed_at IS NULL`,
          [`test:${c.name}`],
        );
        const stored = rows[0]?.n ?? -1;
        expect(stored).toBe(r?.components.total);
        expect(stored + (r?.rejected.length ?? 0)).toBe(c.own);
        for (const x of r?.rejected ?? []) expect(x.reason.length).toBeGreaterThan(0);
      },
    );

    it('re-importing every file changes nothing, and the audit chain verifies', async () => {
      const before = await tableFingerprint(db);
      for (const c of cases) {
        const again = await importSbom(db, c.path, {
          actor: 'test',
          asset: { externalId: `test:${c.name}` },
        });
        expect(again.status).toBe('unchanged');
      }
      expect(await tableFingerprint(db)).toBe(before);
      expect((await verifyAuditLog(db)).ok).toBe(true);
    });
  });
}
