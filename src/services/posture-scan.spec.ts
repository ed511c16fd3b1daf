/**
 * Posture scans on the stored snapshot of the fixture AWS account (collected through the real
 * SDK against the loopback AWS): results stored per scan, drift between scans, mutes with an
 * expiry that re-open the finding when they lapse.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../core/errors.js';
import { classifyPhi } from '../core/phi.js';
import { verifyAuditLog } from '../evidence/verify-audit.js';
import { DEFAULT_PARAMS } from '../posture/params.js';
import { credentials } from '../sources/cloud/aws/fake-account.test-helpers.js';
import { startFakeAws } from '../sources/cloud/aws/fake-aws.test-helpers.js';
import { loopbackHandler } from '../sources/cloud/aws/services/fake-data-account.test-helpers.js';
import type { Db } from '../store/db.js';
import { fleetSnapshot } from '../store/repositories/cloud-snapshots.js';
import { testDrivers } from '../store/testing.test-helpers.js';
import { wholeAccount } from './cloud-fixture.test-helpers.js';
import { importAws } from './import-aws.js';
import { mutePostureFinding, runPostureScan } from './posture-scan.js';

const at = new Date('2026-11-01T00:00:00.000Z');
const day = (n: number) => new Date(at.getTime() + n * 86_400_000);

for (const driver of testDrivers()) {
  describe(`posture scan on ${driver.name}`, () => {
    let db: Db;
    beforeAll(async () => {
      db = await driver.open();
      const fake = await startFakeAws(wholeAccount());
      try {
        await importAws(db, {
          regions: ['us-east-1'],
          credentials,
          endpoint: fake.endpoint.replace('127.0.0.1', 'localhost'),
          requestHandler: loopbackHandler,
          actor: 'test',
          at,
          now: at,
        });
      } finally {
        await fake.close();
      }
    });
    afterAll(async () => db.close());

    it('with no snapshot of a provider the scan says what to run', async () => {
      const err = await runPostureScan(db, 'azure', { actor: 'test', at }).catch((e: unknown) => e);
      expect(isAppError(err, 'NOT_FOUND')).toBe(true);
    });

    it('stores the results; the seeded failures are new on the first scan; a second scan drifts nothing', async () => {
      const first = await runPostureScan(db, 'aws', { actor: 'test', at });
      const failing = new Set(first.results.filter((r) => r.status === 'fail').map((r) => r.checkId));
      for (const id of [
        's3-bucket-public-phi',
        'iam-root-no-access-keys',
        'cloudtrail-log-file-validation',
        'ec2-imdsv2-required',
        'rds-storage-encrypted',
      ])
        expect(failing).toContain(id);
      expect(first.results.filter((r) => r.status === 'error')).toEqual([]);
      expect(first.drift.new.length).toBe(first.counts.fail);
      const second = await runPostureScan(db, 'aws', { actor: 'test', at: day(1) });
      expect(second.drift).toEqual({ new: [], resolved: [], changed: [] });
      const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM posture_results');
      expect(rows[0]?.n).toBe(first.results.length + second.results.length);
    });

    it('a mute hides one failure until it expires, then the finding is open again; every mute is audited', async () => {
      const scan = await runPostureScan(db, 'aws', { actor: 'test', at: day(2) });
      const target = scan.results.find((r) => r.checkId === 'ec2-imdsv2-required' && r.status === 'fail')!;
      const bad = await mutePostureFinding(db, {
        findingId: target.findingId,
        reason: ' ',
        owner: 'x',
        expiresAt: day(30),
        actor: 'alice',
        at: day(2),
      }).catch((e: unknown) => e);
      expect(isAppError(bad, 'USAGE')).toBe(true);
      await mutePostureFinding(db, {
        findingId: target.findingId,
        reason: 'legacy agent needs IMDSv1 until the March rebuild',
        owner: 'platform-team',
        expiresAt: day(10),
        actor: 'alice',
        at: day(2),
      });
      const muted = await runPostureScan(db, 'aws', { actor: 'test', at: day(3) });
      expect(muted.results.find((r) => r.findingId === target.findingId)?.mute).toMatchObject({
        owner: 'platform-team',
      });
      expect(muted.counts.muted).toBe(1);
      const lapsed = await runPostureScan(db, 'aws', { actor: 'test', at: day(11) });
      expect(lapsed.results.find((r) => r.findingId === target.findingId)?.mute).toBeUndefined();
      const { rows } = await db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM audit_events WHERE action = 'posture.muted'",
      );
      expect(rows[0]?.n).toBe(1);
      expect((await verifyAuditLog(db)).ok).toBe(true);
    });

    it('a scope narrows what is reported, never what is stored', async () => {
      const whole = await runPostureScan(db, 'aws', { actor: 'test', at: day(12) });
      const phi = await runPostureScan(db, 'aws', { actor: 'test', at: day(13), scope: { phi: true } });
      const fleet = await fleetSnapshot(db, 'aws');
      const tags = new Map(fleet?.resources.map((r) => [r.id, r.tags]));
      expect(phi.results.length).toBeGreaterThan(0);
      expect(phi.results.length).toBeLessThan(whole.results.length);
      for (const r of phi.results)
        expect(r.resourceType === 'AWS::::Account' || classifyPhi(tags.get(r.resourceId) ?? {}).phi).toBe(
          true,
        );
      expect(phi.counts.fail).toBe(phi.results.filter((r) => r.status === 'fail').length);
      const { rows } = await db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM posture_results WHERE scan_id = $1',
        [phi.scanId],
      );
      expect(rows[0]?.n).toBe(whole.results.length);
      expect(phi.drift).toEqual({ new: [], resolved: [], changed: [] });

      const eu = await runPostureScan(db, 'aws', {
        actor: 'test',
        at: day(14),
        scope: { regions: ['eu-west-1'] },
      });
      expect(new Set(eu.results.map((r) => r.region))).toEqual(new Set(['eu-west-1', 'global']));
      const other = await runPostureScan(db, 'aws', {
        actor: 'test',
        at: day(15),
        scope: { accounts: ['999999999999'] },
      });
      expect(other.results).toEqual([]);
    });

    it('parameters loosened beyond a guardrail fail the checks that read them, stored with the scan', async () => {
      const params = { ...DEFAULT_PARAMS, accessKeyMaxAgeDays: 1000 };
      const scan = await runPostureScan(db, 'aws', { actor: 'test', at: day(16), params });
      expect(scan.results.filter((r) => r.evidence.param === 'accessKeyMaxAgeDays')).toMatchObject([
        { checkId: 'iam-access-key-age', status: 'fail', evidence: { value: 1000, guardrail: '≤ 365' } },
      ]);
      // alice's key (2024-01-10) is judged against 365 days, not the loosened 1,000.
      expect(
        scan.results.find((r) => r.checkId === 'iam-access-key-age' && r.resourceId.endsWith('/alice'))
          ?.status,
      ).toBe('fail');
      const { rows } = await db.query<{ params: { accessKeyMaxAgeDays: number } }>(
        'SELECT params FROM posture_scans WHERE id = $1',
        [scan.scanId],
      );
      expect(rows[0]?.params.accessKeyMaxAgeDays).toBe(1000);
    });
  });
}
