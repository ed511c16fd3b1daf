import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditLog } from '../evidence/verify-audit.js';
import type { Db } from '../store/db.js';
import { listAssets } from '../store/repositories/assets.js';
import { testDrivers } from '../store/testing.test-helpers.js';
import { importDeviceSbom } from './import-device-sbom.js';
import { importDevices } from './import-devices.js';
import { sharedData, tableFingerprint } from './shared-data.test-helpers.js';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../sources/devices/fixtures/${name}`, import.meta.url));
// The anonymised medical-device SBOMs of shared/data (65 and 55 components).
const EXTENDED = sharedData('sbom/medical-device-sbom-completeness/extended.sbom.json');
const NARROW = sharedData('sbom/medical-device-sbom-completeness/narrow.sbom.json');
const actor = 'test';

const deviceComponents = async (db: Db, model: string) =>
  (await listAssets(db))
    .filter((a) => a.tags['device:model'] === model)
    .map((a) => [a.version, a.components]);

for (const driver of testDrivers()) {
  describe(`import device-sbom on ${driver.name}`, () => {
    let db: Db;
    beforeAll(async () => {
      db = await driver.open();
    });
    afterAll(async () => db.close());

    it('applies to the devices of its model and firmware, now and when devices arrive later', async () => {
      await importDevices(db, fixture('saint-aldhelm-devices.csv'), { actor });
      const pumps = await deviceComponents(db, 'NW-400 LVP');
      expect(pumps.length).toBeGreaterThan(0);
      const r = await importDeviceSbom(
        db,
        EXTENDED,
        { manufacturer: 'Northwind Medical', model: 'NW-400 LVP', firmware: '4.2.1' },
        { actor },
      );
      const onFirmware = pumps.filter(([fw]) => fw === '4.2.1').length;
      expect(onFirmware).toBeGreaterThan(0);
      expect(onFirmware).toBeLessThan(pumps.length); // the export has a pump on other firmware
      expect(r).toMatchObject({ status: 'imported', components: 65, devices: onFirmware });
      // A pump on 4.2.1: its firmware component from the export plus the SBOM's 65; others unchanged.
      for (const [fw, n] of await deviceComponents(db, 'NW-400 LVP')) expect(n).toBe(fw === '4.2.1' ? 66 : 1);

      // Before the devices exist: stored, applied when the export is imported.
      const early = await importDeviceSbom(
        db,
        NARROW,
        { manufacturer: 'Tidewater Renal', model: 'TR-5008 Dialysis', firmware: '5.12' },
        { actor },
      );
      expect(early).toMatchObject({ status: 'imported', components: 55, devices: 0 });
      await importDevices(db, fixture('servicenow-devices.csv'), {
        actor,
        mappingFile: fixture('servicenow-mapping.yaml'),
      });
      const dialysis = await deviceComponents(db, 'TR-5008 Dialysis');
      expect(dialysis.length).toBeGreaterThan(0);
      for (const [fw, n] of dialysis) expect([fw, n]).toEqual(['5.12', 56]);
      expect((await verifyAuditLog(db)).ok).toBe(true);
    });

    it('an SBOM for other firmware does not apply; re-importing changes nothing', async () => {
      const before = await tableFingerprint(db);
      expect(
        (
          await importDeviceSbom(
            db,
            EXTENDED,
            { manufacturer: 'Northwind Medical', model: 'NW-400 LVP', firmware: '4.2.1' },
            { actor },
          )
        ).status,
      ).toBe('unchanged');
      expect(await tableFingerprint(db)).toBe(before);
      const other = await importDeviceSbom(
        db,
        NARROW,
        { manufacturer: 'Northwind Medical', model: 'NW-400 LVP', firmware: '5.0.0' },
        { actor },
      );
      expect(other).toMatchObject({ status: 'imported', devices: 0 });
      for (const [fw, n] of await deviceComponents(db, 'NW-400 LVP'))
        expect(n).toBe(fw === '4.2.1' ? 66 : fw === '5.0.0' ? 56 : 1);
    });
  });
}
