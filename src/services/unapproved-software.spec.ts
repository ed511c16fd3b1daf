import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../store/db.js';
import { testDrivers } from '../store/testing.test-helpers.js';
import { importSbom } from './import-sbom.js';
import { sharedData } from './shared-data.test-helpers.js';
import { findUnapprovedSoftware, readApprovedSoftware } from './unapproved-software.js';

const APK_DB = sharedData('sbom/os-package-lists/trivy__apk-installed-db.txt');

for (const driver of testDrivers()) {
  describe(`shadow IT report on ${driver.name}`, () => {
    let db: Db;
    beforeAll(async () => {
      db = await driver.open();
      await importSbom(db, APK_DB, { actor: 'test', asset: { name: 'radiology-gw', tags: { PHI: 'true' } } });
    });
    afterAll(async () => db.close());

    it('lists the installed packages no rule approves, on governed assets only', async () => {
      const file = join(tmpdir(), `approved-${process.pid}.yaml`);
      await writeFile(file, 'version: 1\napproved:\n  - purl: "pkg:apk/alpine/*"\n    kinds: [host]\n');
      expect(await findUnapprovedSoftware(db, await readApprovedSoftware(file))).toEqual([]);

      await writeFile(file, 'version: 1\napproved:\n  - name: "musl*"\n  - name: busybox\n');
      const found = await findUnapprovedSoftware(db, await readApprovedSoftware(file));
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ name: 'radiology-gw', kind: 'host', phi: true });
      const names = found[0]?.unapproved.map((c) => c.name) ?? [];
      expect(names).not.toContain('musl');
      expect(names).not.toContain('busybox');
      expect(names).toContain('alpine-baselayout');

      await writeFile(file, 'version: 1\nappliesTo: [medical-device]\napproved: []\n');
      expect(await findUnapprovedSoftware(db, await readApprovedSoftware(file))).toEqual([]);
    });
  });
}
