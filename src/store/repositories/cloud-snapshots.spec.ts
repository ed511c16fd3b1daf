/**
 * The fleet view posture scans read: for each account and region the newest snapshot covering it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CloudResource, CloudSnapshot } from '../../core/cloud.js';
import { importCloudSnapshot } from '../../services/import-cloud.js';
import type { Db } from '../db.js';
import { testDrivers } from '../testing.test-helpers.js';
import { fleetSnapshot } from './cloud-snapshots.js';

const A = '111122223333';
const B = '444455556666';
const res = (account: string, region: string, type: string, id: string): CloudResource => ({
  provider: 'aws',
  account,
  region,
  type,
  id,
  name: id,
  tags: {},
  configuration: {},
  supplementary: {},
  source: 'test',
});
const snapshot = (
  collectedAt: string,
  accounts: string[],
  regions: string[],
  resources: CloudResource[],
  gaps: CloudSnapshot['gaps'] = [],
): CloudSnapshot => ({ provider: 'aws', collectedAt, accounts, regions, resources, gaps });

const ids = (s: CloudSnapshot | null) => (s?.resources ?? []).map((r) => r.id).sort();

for (const driver of testDrivers()) {
  describe(`fleet snapshot on ${driver.name}`, () => {
    let db: Db;
    let n = 0;
    const store = (s: CloudSnapshot) =>
      importCloudSnapshot(
        db,
        s,
        () => [],
        { adapter: 'test', adapterVersion: '1', source: `file-${++n}`, live: false },
        { actor: 'test', at: new Date(s.collectedAt) },
      );
    beforeAll(async () => {
      db = await driver.open();
    });
    afterAll(async () => db.close());

    it('is null with nothing stored', async () => {
      expect(await fleetSnapshot(db, 'aws')).toBeNull();
    });

    it('joins accounts collected one by one, and per-region files of one account', async () => {
      await store(
        snapshot(
          '2026-11-01T00:00:00Z',
          [A],
          ['us-east-1'],
          [
            res(A, 'us-east-1', 'AWS::EC2::Instance', 'i-a-east'),
            res(A, 'global', 'AWS::IAM::User', 'alice'),
            // A global collector puts a bucket in its own region, which this file did not declare.
            res(A, 'ap-south-1', 'AWS::S3::Bucket', 'bucket-ap'),
          ],
        ),
      );
      await store(
        snapshot(
          '2026-11-02T00:00:00Z',
          [A],
          ['eu-west-1'],
          [res(A, 'eu-west-1', 'AWS::EC2::Instance', 'i-a-eu')],
        ),
      );
      await store(
        snapshot(
          '2026-11-03T00:00:00Z',
          [B],
          ['us-east-1'],
          [res(B, 'us-east-1', 'AWS::EC2::Instance', 'i-b')],
          [
            {
              provider: 'aws',
              account: B,
              region: 'global',
              service: 'iam',
              reason: 'GetAccountAuthorizationDetails: AccessDenied',
            },
          ],
        ),
      );
      const fleet = await fleetSnapshot(db, 'aws');
      expect(ids(fleet)).toEqual(['alice', 'bucket-ap', 'i-a-east', 'i-a-eu', 'i-b']);
      expect(fleet?.accounts).toEqual([A, B]);
      expect(fleet?.regions).toEqual(['eu-west-1', 'us-east-1']);
      expect(fleet?.gaps).toHaveLength(1);
      expect(fleet?.snapshotIds).toHaveLength(3);
      expect(fleet?.collectedAt).toBe('2026-11-03T00:00:00.000Z');
    });

    it('a newer snapshot of an account and region replaces the older one there, deletions included', async () => {
      await store(
        snapshot('2026-11-04T00:00:00Z', [A], ['us-east-1'], [res(A, 'global', 'AWS::IAM::User', 'bob')]),
      );
      const fleet = await fleetSnapshot(db, 'aws');
      // i-a-east is gone from us-east-1; alice gave way to bob (the newer global view); the ap-south-1
      // bucket of the older us-east-1 file goes with it (its snapshot no longer wins the account).
      expect(ids(fleet)).toEqual(['bob', 'i-a-eu', 'i-b']);
    });

    it('an Azure snapshot covers its subscriptions whole', async () => {
      const az = (at: string, rs: string[]): CloudSnapshot => ({
        provider: 'azure',
        collectedAt: at,
        accounts: ['sub-1'],
        regions: ['eastus'],
        resources: rs.map((id) => ({
          ...res(
            'sub-1',
            id.endsWith('w') ? 'westeurope' : 'eastus',
            'microsoft.compute/virtualmachines',
            id,
          ),
          provider: 'azure',
        })),
        gaps: [],
      });
      await store(az('2026-11-01T00:00:00Z', ['vm-e', 'vm-w']));
      const newer = az('2026-11-02T00:00:00Z', ['vm-e']);
      // The tenant's conditional access policies sit above the subscriptions (account = tenant).
      newer.resources.push({ ...newer.resources[0]!, account: 'tenant-1', id: 'ca-policies' });
      await store(newer);
      const fleet = await fleetSnapshot(db, 'azure');
      expect(ids(fleet)).toEqual(['ca-policies', 'vm-e']);
      expect(fleet?.accounts).toEqual(['sub-1']);
    });
  });
}
