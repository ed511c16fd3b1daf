import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appErrorOf } from '../core/errors.test-helpers.js';
import type { Db } from '../store/db.js';
import { cveFacts } from '../store/repositories/intel.js';
import { testDrivers } from '../store/testing.test-helpers.js';
import { importAdvisories } from './import-advisories.js';
import { importEpss } from './import-epss.js';
import { importSbom } from './import-sbom.js';
import { GHSA_NPM, JUICE_SHOP, sharedData, tableFingerprint } from './shared-data.test-helpers.js';

// 22,591 real scores, CVE-2021-44906 (minimist, a juice-shop finding) among them.
const YEAR_2021 = sharedData('epss-scores/CVE_2021_EPSS.csv');
const YEAR_1999 = sharedData('epss-scores/CVE_1999_EPSS.csv');

const tmp = () => mkdtempSync(join(tmpdir(), 'pw-epss-import-'));

/** The 2021 scores in FIRST's published layout (model comment, header, commas), gzipped. */
function officialGz(dir: string, edit: (line: string) => string = (l) => l): string {
  const rows = readFileSync(YEAR_2021, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => edit(l.replace(/;/g, ',')));
  const text = [
    '#model_version:v2025.03.14,score_date:2026-08-16T00:00:00+0000',
    'cve,epss,percentile',
    ...rows,
  ];
  const file = join(dir, 'epss_scores-2026-08-16.csv.gz');
  writeFileSync(file, gzipSync(`${text.join('\n')}\n`));
  return file;
}

for (const driver of testDrivers()) {
  describe(`import epss on ${driver.name}`, () => {
    let db: Db;
    beforeAll(async () => {
      db = await driver.open();
      await importAdvisories(db, GHSA_NPM, { actor: 'test' });
      await importSbom(db, JUICE_SHOP, { actor: 'test', asset: { externalId: 'epss:juice' } });
    });
    afterAll(async () => {
      await db.close();
    });

    it('imports a real year file, refreshes the asset naming a scored CVE; again changes nothing', async () => {
      const r = await importEpss(db, YEAR_2021, { actor: 'test' });
      expect(r).toMatchObject({
        status: 'imported',
        rows: 22_591,
        changed: 22_591,
        modelVersion: null,
        assetsRefreshed: 1,
      });
      const facts = (await cveFacts(db, ['CVE-2021-44906'])).get('CVE-2021-44906')!;
      expect(facts.epss).toMatchObject({ importId: r.importId, modelVersion: null });
      const audit = await db.query<{ data: Record<string, unknown> }>(
        "SELECT data FROM audit_events WHERE action = 'import.epss'",
      );
      expect(audit.rows[0]!.data).toMatchObject({ rows: 22_591, changed: 22_591, modelVersion: null });

      const before = await tableFingerprint(db);
      const again = await importEpss(db, YEAR_2021, { actor: 'test' });
      expect(again).toMatchObject({
        status: 'unchanged',
        importId: r.importId,
        changed: 0,
        assetsRefreshed: 0,
      });
      expect(await tableFingerprint(db)).toBe(before);
    });

    it('the official gzip layout with a model version changes every score it restates', async () => {
      const file = officialGz(tmp());
      const r = await importEpss(db, file, { actor: 'test' });
      // Same numbers, but the model version is new: every row is restated and re-tiering may follow.
      expect(r).toMatchObject({
        status: 'imported',
        modelVersion: 'v2025.03.14',
        scoreDate: '2026-08-16T00:00:00.000Z',
        changed: 22_591,
        assetsRefreshed: 1,
      });
    });

    it('only CVEs whose score changed count, and only their assets are refreshed', async () => {
      const r = await importEpss(db, YEAR_1999, { actor: 'test' });
      expect(r).toMatchObject({ status: 'imported', rows: 1540, changed: 1540, assetsRefreshed: 0 });
      const file = officialGz(tmp(), (l) =>
        l.startsWith('CVE-2021-44906,') ? 'CVE-2021-44906,0.500000000,0.990000000' : l,
      );
      const one = await importEpss(db, file, { actor: 'test' });
      expect(one).toMatchObject({ status: 'imported', changed: 1, assetsRefreshed: 1 });
      expect((await cveFacts(db, ['CVE-2021-44906'])).get('CVE-2021-44906')!.epss?.score).toBe(0.5);
    });

    it('a malformed row fails naming the file and line; nothing is written', async () => {
      const dir = tmp();
      const file = join(dir, 'bad.csv');
      writeFileSync(file, 'CVE-2021-0001;0.1;0.2\nCVE-2021-0002;1.5;0.2\n');
      const before = await tableFingerprint(db);
      const err = await appErrorOf(importEpss(db, file, { actor: 'test' }));
      expect(err.code).toBe('INPUT_SCHEMA');
      expect(err.details).toMatchObject({ file, line: 2 });
      expect(await tableFingerprint(db)).toBe(before);
    });
  });
}
