/**
 * `collect aws` end to end: every AWS service collector through the real SDK clients against one
 * loopback account (the compute fixture of cloud/aws and the data fixture of cloud/aws/services),
 * then the snapshot stored, the assets merged with their PHI flags, and the audit chain intact.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditLog } from '../evidence/verify-audit.js';
import { credentials, DIGEST_CURRENT } from '../sources/cloud/aws/fake-account.test-helpers.js';
import { type FakeAws, startFakeAws } from '../sources/cloud/aws/fake-aws.test-helpers.js';
import { loopbackHandler } from '../sources/cloud/aws/services/fake-data-account.test-helpers.js';
import type { Db } from '../store/db.js';
import { listAssets } from '../store/repositories/assets.js';
import { latestSnapshot } from '../store/repositories/cloud-snapshots.js';
import { testDrivers } from '../store/testing.test-helpers.js';
import { wholeAccount } from './cloud-fixture.test-helpers.js';
import { importAws } from './import-aws.js';
import { importSbom } from './import-sbom.js';
import { tableFingerprint } from './shared-data.test-helpers.js';

for (const driver of testDrivers()) {
  describe(`collect aws on ${driver.name} (real SDK against a loopback AWS)`, () => {
    let db: Db;
    let fake: FakeAws;
    const collect = (at: Date) =>
      importAws(db, {
        regions: ['us-east-1'],
        credentials,
        endpoint: fake.endpoint.replace('127.0.0.1', 'localhost'),
        requestHandler: loopbackHandler,
        maxAttempts: 2,
        actor: 'test',
        at,
      });
    beforeAll(async () => {
      db = await driver.open();
      fake = await startFakeAws(wholeAccount());
    });
    afterAll(async () => {
      await fake.close();
      await db.close();
    });

    it('stores the snapshot and merges one asset per real thing, PHI from the tags', async () => {
      const r = await collect(new Date('2026-11-01T00:00:00Z'));
      expect(r.status).toBe('imported');
      expect(r.gaps).toEqual([]);
      const snap = await latestSnapshot(db, 'aws');
      const types = new Set(snap?.resources.map((x) => x.type));
      for (const t of [
        'AWS::EC2::Instance',
        'AWS::SSM::ManagedInstanceInventory',
        'AWS::ECR::Image',
        'AWS::Lambda::Function',
        'AWS::RDS::DBInstance',
        'AWS::S3::Bucket',
        'AWS::IAM::User',
        'AWS::KMS::Key',
        'AWS::CloudTrail::Trail',
        'AWS::ElasticLoadBalancingV2::Listener',
        'AWS::Logs::LogGroup',
      ])
        expect(types).toContain(t);
      const assets = await listAssets(db);
      const view = Object.fromEntries(
        assets.map((a) => [a.externalId, [a.kind, a.name, a.phiSource, a.components, a.internetExposed]]),
      );
      const arn = (s: string) => `arn:aws:${s}`;
      expect(view).toEqual({
        // EC2 + SSM seen as one host each, packages from the SSM inventory.
        [arn('ec2:us-east-1:111122223333:instance/i-0a1b2c3d4e5f60001')]: [
          'host',
          'ehr-api-1',
          'tag:PHI=true',
          2,
          true,
        ],
        [arn('ec2:us-east-1:111122223333:instance/i-0a1b2c3d4e5f60002')]: [
          'host',
          'worker-1',
          'none',
          1,
          false,
        ],
        // ECR images by manifest digest (the id an SBOM of the same image gets).
        'oci:sha256:4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945': [
          'container-image',
          'ehr-api:latest',
          'tag:PHI=true',
          0,
          null,
        ],
        'oci:sha256:9d3a7c5a1a3f2b0e8c4d6e5f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b': [
          'container-image',
          'ehr-api:2024-01',
          'tag:PHI=true',
          0,
          null,
        ],
        [arn('lambda:us-east-1:111122223333:function:phi-hl7-ingest')]: [
          'function',
          'phi-hl7-ingest',
          'tag:PHI=true',
          0,
          null,
        ],
        [arn('lambda:us-east-1:111122223333:function:dicom-convert')]: [
          'function',
          'dicom-convert',
          'none',
          0,
          null,
        ],
        [arn('lambda:us-east-1:111122223333:function:thumbnailer')]: [
          'function',
          'thumbnailer',
          'none',
          0,
          null,
        ],
        [arn('rds:us-east-1:111122223333:db:ehr-db')]: ['database', 'ehr-db', 'tag:PHI=true', 0, false],
        [arn('rds:us-east-1:111122223333:db:reports-db')]: ['database', 'reports-db', 'none', 0, false],
        [arn('s3:::pw-phi-records')]: ['storage', 'pw-phi-records', 'tag:PHI=true', 0, null],
        [arn('s3:::pw-blocked-public')]: ['storage', 'pw-blocked-public', 'none', 0, null],
      });
      expect(assets.every((a) => a.sources.join() === 'cloud/aws-sdk')).toBe(true);
      expect((await verifyAuditLog(db)).ok).toBe(true);
    });

    it('the same configuration collected again stores nothing new and marks the assets seen', async () => {
      const before = await tableFingerprint(db);
      const same = await collect(new Date('2026-11-01T00:00:00Z'));
      expect(same.status).toBe('unchanged');
      expect(await tableFingerprint(db)).toBe(before);
      const later = await collect(new Date('2026-11-20T00:00:00Z'));
      expect(later.status).toBe('unchanged');
      const assets = await listAssets(db, { now: new Date('2026-12-10T00:00:00Z') });
      expect(assets.every((a) => a.lastSeen === '2026-11-20T00:00:00.000Z')).toBe(true);
      expect(assets.some((a) => a.flags.includes('stale'))).toBe(false);
    });

    it('access denied on one service is a gap, the rest is collected, and the gap is stored', async () => {
      const denied = await startFakeAws(wholeAccount((call) => call.service === 'rds'));
      try {
        const r = await importAws(db, {
          regions: ['us-east-1'],
          credentials,
          endpoint: denied.endpoint.replace('127.0.0.1', 'localhost'),
          requestHandler: loopbackHandler,
          maxAttempts: 1,
          actor: 'test',
          at: new Date('2026-11-21T00:00:00Z'),
        });
        expect(r.status).toBe('imported');
        // Every RDS call is refused (instances, snapshots, clusters): each is its own gap.
        expect(r.gaps).toContainEqual({
          provider: 'aws',
          account: '111122223333',
          region: 'us-east-1',
          service: 'rds',
          reason: 'DescribeDBInstances: AccessDenied',
        });
        expect(r.gaps.every((g) => g.service === 'rds' && g.reason.endsWith(': AccessDenied'))).toBe(true);
        const snap = await latestSnapshot(db, 'aws');
        expect(snap?.gaps).toEqual(r.gaps);
        expect(snap?.resources.some((x) => x.type === 'AWS::RDS::DBInstance')).toBe(false);
        expect(snap?.resources.some((x) => x.type === 'AWS::S3::Bucket')).toBe(true);
      } finally {
        await denied.close();
      }
    });

    it('an SBOM of an image in ECR lands on the same asset: both sources, PHI from the registry tags', async () => {
      const sbom = join(tmpdir(), `pw-ecr-image-${process.pid}.cdx.json`);
      writeFileSync(
        sbom,
        JSON.stringify({
          bomFormat: 'CycloneDX',
          specVersion: '1.5',
          version: 1,
          metadata: {
            component: {
              type: 'container',
              name: 'ehr-api',
              purl: `pkg:oci/ehr-api@${DIGEST_CURRENT.replace(':', '%3A')}?repository_url=111122223333.dkr.ecr.us-east-1.amazonaws.com%2Fehr-api`,
            },
          },
          components: [
            { type: 'library', name: 'express', version: '4.17.1', purl: 'pkg:npm/express@4.17.1' },
            { type: 'library', name: 'lodash', version: '4.17.20', purl: 'pkg:npm/lodash@4.17.20' },
          ],
        }),
      );
      const r = await importSbom(db, sbom, { actor: 'test', at: new Date('2026-11-22T00:00:00Z') });
      expect(r.asset).toMatchObject({ externalId: `oci:${DIGEST_CURRENT}`, created: false, phi: true });
      const image = (await listAssets(db)).find((a) => a.externalId === `oci:${DIGEST_CURRENT}`);
      expect(image).toMatchObject({ kind: 'container-image', components: 2, phiSource: 'tag:PHI=true' });
      expect(image?.sources).toEqual(['cloud/aws-sdk', 'sbom/cyclonedx-json']);
    });
  });
}
