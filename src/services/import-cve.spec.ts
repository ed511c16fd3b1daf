import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appErrorOf } from '../core/errors.test-helpers.js';
import type { Db } from '../store/db.js';
import { cveFacts } from '../store/repositories/intel.js';
import { testDrivers } from '../store/testing.test-helpers.js';
import { importAdvisories } from './import-advisories.js';
import { importCveIntel, recordDigest } from './import-cve.js';
import { importSbom } from './import-sbom.js';
import { GHSA_NPM, JUICE_SHOP, sharedData, tableFingerprint } from './shared-data.test-helpers.js';

const NVD = sharedData('osv/nvd-cve-json-2.0-samples');
const CVE5 = sharedData('osv/cve5-samples');

const tmp = () => mkdtempSync(join(tmpdir(), 'pw-cve-'));

/** A real NVD 2.0 sample re-labelled as minimist's CVE (a finding of the juice-shop SBOM). */
function minimistRecord(dir: string, vulnStatus = 'Analyzed'): string {
  const page = JSON.parse(readFileSync(join(NVD, 'CVE-2022-0090.json'), 'utf8'));
  page.vulnerabilities[0].cve.id = 'CVE-2021-44906';
  page.vulnerabilities[0].cve.vulnStatus = vulnStatus;
  const file = join(dir, 'CVE-2021-44906.json');
  writeFileSync(file, JSON.stringify(page));
  return file;
}

for (const driver of testDrivers()) {
  describe(`import cve on ${driver.name}`, () => {
    let db: Db;
    beforeAll(async () => {
      db = await driver.open();
    });
    afterAll(async () => {
      await db.close();
    });

    it('imports the NVD 2.0 and CVE 5 samples; a second import changes nothing', async () => {
      const dir = tmp();
      cpSync(NVD, join(dir, 'nvd'), { recursive: true });
      cpSync(CVE5, join(dir, 'cve5'), { recursive: true });
      writeFileSync(join(dir, 'README.md'), 'not a record');
      // A synced feed folder's manifest sits beside the pages and is not read as a record.
      writeFileSync(join(dir, 'nvd', 'manifest.json'), '{"manifestVersion":1}');
      const r = await importCveIntel(db, dir, { actor: 'test' });
      expect(r).toMatchObject({
        status: 'imported',
        files: 36,
        records: 36,
        byFormat: { 'nvd-2.0': 23, 'cve-5': 13 },
        duplicates: 0,
        changed: 36,
        assetsRefreshed: 0,
      });
      expect(r.skipped).toEqual([
        { file: join(dir, 'README.md'), reason: expect.stringContaining('.json') },
        { file: join(dir, 'nvd', 'manifest.json'), reason: 'feed manifest, not a CVE record' },
      ]);
      const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM cve_intel');
      expect(rows[0]!.n).toBe(36);
      // CVE-2024-3094 is in both sets: one row per format, both visible to triage.
      const facts = (await cveFacts(db, ['CVE-2024-3094'])).get('CVE-2024-3094')!;
      expect(facts.sources.map((s) => s.format).sort()).toEqual(['cve-5', 'nvd-2.0']);
      const audit = await db.query<{ data: Record<string, unknown> }>(
        "SELECT data FROM audit_events WHERE action = 'import.cve'",
      );
      expect(audit.rows[0]!.data).toMatchObject({ records: 36, changed: 36, files: 36 });

      const before = await tableFingerprint(db);
      const again = await importCveIntel(db, dir, { actor: 'test' });
      expect(again).toMatchObject({ status: 'unchanged', importId: r.importId, changed: 0 });
      // The same files under another root are the same import (identity is relative names + bytes).
      const copy = tmp();
      cpSync(dir, copy, { recursive: true });
      expect((await importCveIntel(db, copy, { actor: 'test' })).status).toBe('unchanged');
      expect(await tableFingerprint(db)).toBe(before);
    });

    it('a subset of already stored records is a new import that changes no row', async () => {
      const r = await importCveIntel(db, join(CVE5, 'CVE-2024-3094.json'), { actor: 'test' });
      expect(r).toMatchObject({ status: 'imported', files: 1, records: 1, changed: 0 });
    });

    it('malformed JSON fails naming the file and line; nothing is written', async () => {
      const dir = tmp();
      cpSync(join(NVD, 'CVE-2023-4863.json'), join(dir, 'a-good.json'));
      writeFileSync(join(dir, 'b-bad.json'), '{\n  "vulnerabilities": [\n    {"cve": }\n  ]\n}\n');
      const before = await tableFingerprint(db);
      const err = await appErrorOf(importCveIntel(db, dir, { actor: 'test' }));
      expect(err.code).toBe('INPUT_MALFORMED_JSON');
      expect(err.details).toMatchObject({ file: join(dir, 'b-bad.json'), line: 3 });
      expect(await tableFingerprint(db)).toBe(before);
    });

    it('a schema error fails with the JSON pointer; nothing is written', async () => {
      const dir = tmp();
      const page = JSON.parse(readFileSync(join(NVD, 'CVE-2022-0090.json'), 'utf8'));
      page.vulnerabilities[0].cve.metrics.cvssMetricV31[0].cvssData.baseScore = 11;
      writeFileSync(join(dir, 'page.json'), JSON.stringify(page));
      const before = await tableFingerprint(db);
      const err = await appErrorOf(importCveIntel(db, dir, { actor: 'test' }));
      expect(err.code).toBe('INPUT_SCHEMA');
      expect(err.details.file).toBe(join(dir, 'page.json'));
      expect(err.details.pointer).toBe('/vulnerabilities/0/cve/metrics/cvssMetricV31/0/cvssData/baseScore');
      expect(await tableFingerprint(db)).toBe(before);
    });

    it('the record digest ignores where the record was read from', async () => {
      const r = await importCveIntel(db, join(CVE5, 'CVE-2024-7264.json'), { actor: 'test' });
      const { rows } = await db.query<{ record_sha256: string }>(
        "SELECT record_sha256 FROM cve_intel WHERE cve_id = 'CVE-2024-7264'",
      );
      expect(r.changed).toBe(0);
      expect(rows[0]!.record_sha256).toMatch(/^[0-9a-f]{64}$/);
      const { readCve5Record } = await import('../feeds/cve/index.js');
      const json = JSON.parse(readFileSync(join(CVE5, 'CVE-2024-7264.json'), 'utf8'));
      expect(recordDigest(readCve5Record(json, 'elsewhere.json'))).toBe(rows[0]!.record_sha256);
    });
  });

  describe(`import cve refreshes affected findings on ${driver.name}`, () => {
    let db: Db;
    beforeAll(async () => {
      db = await driver.open();
      await importAdvisories(db, GHSA_NPM, { actor: 'test' });
      await importSbom(db, JUICE_SHOP, { actor: 'test', asset: { externalId: 'cve:juice' } });
    });
    afterAll(async () => {
      await db.close();
    });

    it('refreshes the asset whose finding names a new or changed CVE, and only then', async () => {
      const dir = tmp();
      minimistRecord(dir);
      const first = await importCveIntel(db, dir, { actor: 'test' });
      expect(first).toMatchObject({ status: 'imported', changed: 1, assetsRefreshed: 1 });
      minimistRecord(dir, 'Modified');
      const changed = await importCveIntel(db, dir, { actor: 'test' });
      expect(changed).toMatchObject({ status: 'imported', changed: 1, assetsRefreshed: 1 });
      // Samples no finding names: stored, but no asset is refreshed.
      const other = await importCveIntel(db, CVE5, { actor: 'test' });
      expect(other).toMatchObject({ status: 'imported', changed: 13, assetsRefreshed: 0 });
    });
  });
}
