import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditLog } from '../evidence/verify-audit.js';
import { account, credentials } from '../sources/cloud/aws/fake-account.test-helpers.js';
import { type FakeAws, startFakeAws } from '../sources/cloud/aws/fake-aws.test-helpers.js';
import type { Db } from '../store/db.js';
import { listAssets } from '../store/repositories/assets.js';
import { testDrivers } from '../store/testing.test-helpers.js';
import { importAws } from './import-aws.js';
import { tableFingerprint } from './shared-data.test-helpers.js';

for (const driver of testDrivers()) {
  describe(`collect aws on ${driver.name} (real SDK against a loopback AWS)`, () => {
    let db: Db;
    let fake: FakeAws;
    beforeAll(async () => {
      db = await driver.open();
      fake = await startFakeAws(account());
    });
    afterAll(async () => {
      await fake.close();
      await db.close();
    });

    it('writes one asset per instance with EC2 tags, SSM OS and packages; PHI from the tags', async () => {
      const r = await importAws(db, {
        regions: ['us-east-1'],
        credentials,
        endpoint: fake.endpoint,
        actor: 'test',
      });
      expect(r).toMatchObject({ status: 'imported', assets: 2, created: 2, gaps: [] });
      const assets = await listAssets(db);
      expect(assets.map((a) => a.sources)).toEqual([['cloud/aws-ec2-ssm'], ['cloud/aws-ec2-ssm']]);
      expect(assets.some((a) => a.phi && a.phiSource.startsWith('tag:'))).toBe(true);
      expect(assets.every((a) => a.components > 0)).toBe(true);
      expect((await verifyAuditLog(db)).ok).toBe(true);
    });

    it('collecting the same configuration again changes nothing', async () => {
      const before = await tableFingerprint(db);
      const r = await importAws(db, {
        regions: ['us-east-1'],
        credentials,
        endpoint: fake.endpoint,
        actor: 'test',
      });
      expect(r.status).toBe('unchanged');
      expect(await tableFingerprint(db)).toBe(before);
    });
  });
}
