/**
 * An AWS Config snapshot gives the same inventory as a live collection: the live fixture
 * account's snapshot is written out as the file Config delivers (configurationItems, gzip) and
 * imported into a fresh store; the assets must equal the live ones.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CloudSnapshot } from '../core/cloud.js';
import { isAppError } from '../core/errors.js';
import { collectAwsSnapshot } from '../sources/cloud/aws/collect-snapshot.js';
import { AWS_COLLECTORS } from '../sources/cloud/aws/collectors.js';
import { credentials } from '../sources/cloud/aws/fake-account.test-helpers.js';
import { startFakeAws } from '../sources/cloud/aws/fake-aws.test-helpers.js';
import { loopbackHandler } from '../sources/cloud/aws/services/fake-data-account.test-helpers.js';
import type { Db } from '../store/db.js';
import { listAssets } from '../store/repositories/assets.js';
import { latestSnapshot } from '../store/repositories/cloud-snapshots.js';
import { testDrivers } from '../store/testing.test-helpers.js';
import { wholeAccount } from './cloud-fixture.test-helpers.js';
import { importAws } from './import-aws.js';
import { importAwsConfigSnapshot } from './import-aws-config.js';
import { tableFingerprint } from './shared-data.test-helpers.js';

/** A snapshot written the way AWS Config delivers it (item version 1.3 spellings). */
function asConfigFile(s: CloudSnapshot): object {
  return {
    fileVersion: '1.0',
    configSnapshotId: '16da64e4-cb65-4846-b061-e6c3ba43cb96',
    configurationItems: s.resources.map((r) => ({
      configurationItemVersion: '1.3',
      configurationItemCaptureTime: s.collectedAt,
      configurationItemStatus: 'OK',
      awsAccountId: r.account,
      resourceType: r.type,
      resourceId: r.id.split(/[/:]/).at(-1),
      resourceName: r.name,
      ARN: r.id,
      awsRegion: r.region,
      tags: r.tags,
      relationships: [],
      configuration: r.configuration,
      supplementaryConfiguration: r.supplementary,
    })),
  };
}

const view = async (db: Db) =>
  (await listAssets(db)).map((a) => [
    a.externalId,
    a.kind,
    a.name,
    a.phi,
    a.phiSource,
    a.components,
    a.internetExposed,
  ]);

for (const driver of testDrivers()) {
  describe(`import aws-config on ${driver.name}`, () => {
    let live: Db;
    let offline: Db;
    let file: string;
    beforeAll(async () => {
      live = await driver.open();
      offline = await driver.open();
      const fake = await startFakeAws(wholeAccount());
      const opts = {
        regions: ['us-east-1'],
        credentials,
        endpoint: fake.endpoint.replace('127.0.0.1', 'localhost'),
        requestHandler: loopbackHandler,
        now: new Date('2026-11-01T00:00:00Z'),
      };
      try {
        await importAws(live, { ...opts, actor: 'test', at: opts.now });
        const snapshot = await collectAwsSnapshot(opts, AWS_COLLECTORS);
        file = join(tmpdir(), `pw-config-${process.pid}-${driver.name}.json.gz`);
        writeFileSync(file, gzipSync(JSON.stringify(asConfigFile(snapshot))));
      } finally {
        await fake.close();
      }
    });
    afterAll(async () => {
      await live.close();
      await offline.close();
    });

    it('the Config snapshot gives the same assets, PHI flags and merges as the live collection', async () => {
      const r = await importAwsConfigSnapshot(offline, file, {
        actor: 'test',
        at: new Date('2026-11-02T00:00:00Z'),
      });
      expect(r.status).toBe('imported');
      expect(r.skipped).toEqual([]);
      expect(await view(offline)).toEqual(await view(live));
      const stored = await latestSnapshot(offline, 'aws');
      expect(stored?.resources.every((x) => x.source === 'aws-config-snapshot')).toBe(true);
      expect((await listAssets(offline)).every((a) => a.sources.join() === 'cloud/aws-config-snapshot')).toBe(
        true,
      );
    });

    it('re-importing the file changes nothing', async () => {
      const before = await tableFingerprint(offline);
      expect((await importAwsConfigSnapshot(offline, file, { actor: 'test' })).status).toBe('unchanged');
      expect(await tableFingerprint(offline)).toBe(before);
    });

    it('a truncated gzip or a file that is not a snapshot is refused and writes nothing', async () => {
      const before = await tableFingerprint(offline);
      const broken = join(tmpdir(), `pw-config-broken-${process.pid}.json.gz`);
      writeFileSync(broken, gzipSync(Buffer.from('{"configurationItems": [')).subarray(0, 20));
      const e1 = await importAwsConfigSnapshot(offline, broken, { actor: 'test' }).catch((e: unknown) => e);
      expect(isAppError(e1, 'INPUT_UNREADABLE')).toBe(true);
      const other = join(tmpdir(), `pw-config-other-${process.pid}.json`);
      writeFileSync(other, '{"Items": []}');
      const e2 = await importAwsConfigSnapshot(offline, other, { actor: 'test' }).catch((e: unknown) => e);
      expect(isAppError(e2, 'INPUT_UNRECOGNISED')).toBe(true);
      expect(await tableFingerprint(offline)).toBe(before);
    });
  });
}
