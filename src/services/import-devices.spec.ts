import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../store/db.js';
import { listAssets } from '../store/repositories/assets.js';
import { testDrivers } from '../store/testing.test-helpers.js';
import { importDevices } from './import-devices.js';
import { tableFingerprint } from './shared-data.test-helpers.js';

// Synthetic export (invented hospital and devices), see src/sources/devices/fixtures/README.md.
const EXPORT = fileURLToPath(
  new URL('../sources/devices/fixtures/saint-aldhelm-devices.csv', import.meta.url),
);

for (const driver of testDrivers()) {
  describe(`import devices on ${driver.name}`, () => {
    let db: Db;
    beforeAll(async () => {
      db = await driver.open();
    });
    afterAll(async () => {
      await db.close();
    });

    it('writes every device of the export with its classification, and lists the rejected rows', async () => {
      const r = await importDevices(db, EXPORT, { actor: 'test', at: new Date('2026-01-15T00:00:00Z') });
      expect(r).toMatchObject({ status: 'imported', devices: 20, created: 20 });
      expect(r.rejected.map((x) => x.ref)).toEqual(['line 23', 'line 24', 'line 25']);
      const assets = await listAssets(db);
      expect(assets).toHaveLength(20);
      expect(assets.every((a) => a.kind === 'medical-device' && a.sources.includes('devices/csv'))).toBe(
        true,
      );
      expect(assets.filter((a) => a.clinicalCriticality === 'life-critical')).toHaveLength(3);
      expect(assets.filter((a) => a.supportStatus === 'end-of-support')).toHaveLength(1);
    });

    it('is idempotent, and a malformed export writes nothing', async () => {
      const before = await tableFingerprint(db);
      expect((await importDevices(db, EXPORT, { actor: 'test' })).status).toBe('unchanged');
      const dir = mkdtempSync(join(tmpdir(), 'pw-dev-'));
      const bad = join(dir, 'bad.csv');
      const lines = readFileSync(EXPORT, 'utf8').split(/\r?\n/);
      lines[5] = `${lines[5]},"unterminated`;
      writeFileSync(bad, lines.join('\n'));
      await expect(importDevices(db, bad, { actor: 'test' })).rejects.toMatchObject({
        code: 'INPUT_SCHEMA',
        details: { file: bad, line: expect.any(Number) },
      });
      expect(await tableFingerprint(db)).toBe(before);
    });
  });
}
