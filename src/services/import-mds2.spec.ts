import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../core/errors.js';
import { verifyAuditLog } from '../evidence/verify-audit.js';
import type { Db } from '../store/db.js';
import { listAssets } from '../store/repositories/assets.js';
import { testDrivers } from '../store/testing.test-helpers.js';
import { importDevices } from './import-devices.js';
import { importMds2 } from './import-mds2.js';
import { tableFingerprint } from './shared-data.test-helpers.js';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../sources/devices/fixtures/${name}`, import.meta.url));
const FORM = fixture('northwind-nw400-mds2.csv');
const DEVICES = fixture('saint-aldhelm-devices.csv');
const actor = 'test';

for (const driver of testDrivers()) {
  describe(`import mds2 on ${driver.name}`, () => {
    let db: Db;
    beforeAll(async () => {
      db = await driver.open();
    });
    afterAll(async () => db.close());

    it('a form imported before the devices is attached when they arrive, and only to its model', async () => {
      const r = await importMds2(db, FORM, { actor });
      expect(r).toMatchObject({
        status: 'imported',
        manufacturer: 'Northwind Medical',
        models: ['NW-400 LVP'],
        devices: 0,
      });
      await importDevices(db, DEVICES, { actor });
      const devices = (await listAssets(db)).filter((a) => a.kind === 'medical-device');
      const pumps = devices.filter((a) => a.tags['device:model'] === 'NW-400 LVP');
      const others = devices.filter((a) => a.tags['device:model'] !== 'NW-400 LVP');
      expect(pumps.length).toBeGreaterThan(0);
      expect(others.length).toBeGreaterThan(0);
      for (const p of pumps) {
        expect(p.tags['mds2:form']).toBe(String(r.formId));
        expect(['yes', 'no', 'unknown']).toContain(p.tags['mds2:encryptsAtRest']);
      }
      for (const o of others) expect(o.tags['mds2:form']).toBeUndefined();
      expect((await verifyAuditLog(db)).ok).toBe(true);
    });

    it('re-importing the same form changes nothing', async () => {
      const before = await tableFingerprint(db);
      expect((await importMds2(db, FORM, { actor })).status).toBe('unchanged');
      expect(await tableFingerprint(db)).toBe(before);
    });

    it('a file that is not an MDS2 form is refused and writes nothing', async () => {
      const before = await tableFingerprint(db);
      const err = await importMds2(db, DEVICES, { actor }).catch((e: unknown) => e);
      expect(isAppError(err, 'INPUT_UNRECOGNISED')).toBe(true);
      expect(await tableFingerprint(db)).toBe(before);
    });
  });
}
