/**
 * The bundled demo: what `npm start` loads must give a scan worth looking at. The fleet's EC2 and
 * Lambda entries and the AWS Config snapshots describe the same machines, so each must be one
 * asset with both sightings and the SBOM's components intact; `posture scan` over the snapshots
 * must have passes, failures and manual results under several HIPAA citations and no `error` (an
 * error means the demo lacks data a check needs: fix demo/cloud, via scripts/gen-demo-cloud.mjs);
 * and loading twice must change nothing.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseYamlText } from '../core/structured-input.js';
import { POSTURE_CHECKS } from '../posture/registry.js';
import type { Db } from '../store/db.js';
import { listAssets } from '../store/repositories/assets.js';
import { fleetSnapshot } from '../store/repositories/cloud-snapshots.js';
import { testDrivers } from '../store/testing.test-helpers.js';
import { DEMO_FLEET, type DemoLoadResult, loadDemo } from './load-demo.js';
import { runPostureScan } from './posture-scan.js';
import { tableFingerprint } from './shared-data.test-helpers.js';

// After the snapshots' capture (2026-11-23T06:00Z), as any real load is.
const NOW = new Date('2026-11-24T12:00:00Z');
const CLOUD = 'cloud/aws-config-snapshot';
const SBOM = 'sbom/cyclonedx-json';

for (const driver of testDrivers()) {
  describe(`demo fleet on ${driver.name}`, () => {
    let db: Db;
    let first: DemoLoadResult;
    beforeAll(async () => {
      db = await driver.open();
      const steps: string[] = [];
      first = await loadDemo(db, { now: NOW, onStep: (m) => steps.push(m) });
      expect(steps.filter((s) => s.startsWith('cloud snapshot '))).toHaveLength(3);
    });
    afterAll(async () => {
      await db.close();
    });

    it('stores the AWS Config snapshots of both accounts as one fleet view', async () => {
      expect(first).toMatchObject({ assets: 34, cloudSnapshots: 3 });
      const fleet = await fleetSnapshot(db, 'aws');
      expect(fleet?.snapshotIds).toHaveLength(3);
      expect(fleet?.accounts).toEqual(['111122223333', '444455556666']);
      expect(fleet?.regions).toEqual(['us-east-1', 'us-west-2']);
      expect(fleet?.collectedAt).toBe('2026-11-23T06:00:00.000Z');
      expect(fleet?.resources).toHaveLength(first.cloudResources);
      expect(fleet?.gaps).toEqual([]);
    });

    it('merges each EC2 instance and Lambda function into one asset; the SBOM components stay', async () => {
      const assets = await listAssets(db);
      const aws = assets.filter((a) => /^arn:aws:(ec2|lambda):/.test(a.externalId));
      expect(aws).toHaveLength(24);
      for (const a of aws) {
        expect(a.sources, a.name).toEqual([CLOUD, SBOM]);
        expect(a.components, a.name).toBeGreaterThan(0);
      }
      // The cloud brings no components; it only adds assets the SBOMs do not describe.
      const { rows } = await db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM components WHERE found_by = $1',
        [CLOUD],
      );
      expect(rows[0]?.n).toBe(0);
      const cloudOnly = assets.filter((a) => a.sources.join() === CLOUD);
      expect(cloudOnly.map((a) => a.kind).sort()).toEqual([
        ...Array(5).fill('database'),
        ...Array(10).fill('storage'),
      ]);
      expect(cloudOnly).toHaveLength(first.cloudAssetsCreated);
      // Fleet fields survive the cloud sighting: names, PHI, exposure.
      const byName = new Map(assets.map((a) => [a.name, a]));
      expect(byName.get('portal-web-dev-1')).toMatchObject({
        phi: true,
        environment: 'dev',
        internetExposed: true,
      });
      expect(byName.get('claims-export-stg')).toMatchObject({ phi: false, environment: 'staging' });
      expect(byName.get('claims-svc-1')?.phiSource).toBe('tag:DataClassification=ePHI');
    });

    it('the cloud items say what the fleet says of the same machines: tags, region, exposure', async () => {
      interface Entry {
        id: string;
        name: string;
        region: string;
        internetExposed?: boolean;
        tags: Record<string, string>;
      }
      const fleet = parseYamlText(readFileSync(DEMO_FLEET, 'utf8'), DEMO_FLEET) as { assets: Entry[] };
      const resources = new Map((await fleetSnapshot(db, 'aws'))?.resources.map((r) => [r.id, r]));
      const assets = new Map((await listAssets(db)).map((a) => [a.externalId, a]));
      const entries = fleet.assets.filter((e) => e.id.startsWith('arn:'));
      expect(entries).toHaveLength(24);
      for (const e of entries) {
        const r = resources.get(e.id);
        expect(r, e.id).toBeDefined();
        expect(r?.region, e.name).toBe(e.region);
        expect(r?.tags, e.name).toMatchObject(e.tags);
        // The last sighting (the cloud's) names the asset and judges exposure: both must agree.
        expect(assets.get(e.id)?.name).toBe(e.name);
        if (e.internetExposed !== undefined)
          expect(assets.get(e.id)?.internetExposed, e.name).toBe(e.internetExposed);
      }
    });

    it('a second load changes nothing', async () => {
      const before = await tableFingerprint(db);
      const again = await loadDemo(db, { now: new Date(NOW.getTime() + 3_600_000) });
      expect(again).toMatchObject({ findingsOpened: 0, cloudAssetsCreated: 0, cloudSnapshots: 3 });
      expect(await tableFingerprint(db)).toBe(before);
    });

    it('posture scan: failures, passes and manual results under several citations, no errors', async () => {
      const scan = await runPostureScan(db, 'aws', { actor: 'test', at: NOW });
      const errors = scan.results.filter((r) => r.status === 'error');
      expect(errors.map((r) => `${r.checkId} ${r.resourceId}: ${r.message}`)).toEqual([]);
      expect(scan.counts.fail).toBeGreaterThan(20);
      expect(scan.counts.pass).toBeGreaterThan(scan.counts.fail);
      expect(scan.counts.manual).toBeGreaterThan(0);

      const citations = new Map(POSTURE_CHECKS.map((c) => [c.id, c.citations]));
      const byCitation = new Map<string, Set<string>>();
      for (const r of scan.results)
        for (const c of citations.get(r.checkId) ?? [])
          byCitation.set(c, (byCitation.get(c) ?? new Set()).add(r.status));
      const mixed = [...byCitation].filter(([, s]) => s.has('pass') && s.has('fail')).map(([c]) => c);
      expect(mixed.length).toBeGreaterThanOrEqual(8);
      expect(mixed).toEqual(expect.arrayContaining(['164.312(a)(2)(iv)', '164.312(e)(1)', '164.312(d)']));

      // The seeded misconfigurations (scripts/gen-demo-cloud.mjs) are found, the good twins pass.
      const status = (checkId: string, resourceEnd: string) =>
        scan.results.find((r) => r.checkId === checkId && r.resourceId.endsWith(resourceEnd))?.status;
      expect(status('s3-bucket-versioning', ':::pwdemo-patient-portal-uploads')).toBe('fail');
      expect(status('s3-bucket-versioning', ':::pwdemo-claims-exports')).toBe('pass');
      expect(status('iam-access-key-age', ':user/legacy-hl7-sftp')).toBe('fail');
      expect(status('iam-access-key-age', ':user/ci-deploy')).toBe('pass');
      expect(status('tags-phi-and-dev', 'instance/i-0b1c2d3e4f5a60012')).toBe('fail');
      expect(status('ec2-sg-admin-ports-open', 'security-group/sg-0a1e1c0de0000000a')).toBe('fail');
      expect(status('elb-tls-min-1-2', 'messaging-alb/6f2a1b3c4d5e6f70/6f2a1b3c4d5e0443')).toBe('fail');
      expect(status('elb-tls-min-1-2', 'portal-alb/5e1f0a2b3c4d5e6f/5e1f0a2b3c4d0443')).toBe('pass');
      expect(status('ebs-volume-encrypted', 'volume/vol-0a1e1c0de0000000e')).toBe('fail');
      expect(status('ebs-default-encryption', 'us-west-2:111122223333:ebs-encryption-by-default')).toBe(
        'fail',
      );
      expect(status('rds-storage-encrypted', ':db:legacy-reporting-db')).toBe('fail');
      expect(status('rds-storage-encrypted', ':db:claims-db')).toBe('pass');
      expect(status('iam-root-mfa', 'iam::444455556666:root')).toBe('fail');
      expect(status('ec2-ami-age', 'instance/i-0e1f2a3b4c5d60031')).toBe('manual');
    });
  });
}
