import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CloudSnapshot } from '../../../core/cloud.js';
import { POSTURE_CHECKS } from '../../../posture/registry.js';
import { importCloudSnapshot } from '../../../services/import-cloud.js';
import { mutePostureFinding, runPostureScan } from '../../../services/posture-scan.js';
import { testDrivers } from '../../../store/testing.test-helpers.js';
import { expectErrorBody, openSeededApp, type SeededApp } from '../../testing.test-helpers.js';

const ACCOUNT = '111122223333';
const collectedAt = '2026-11-01T00:00:00.000Z';
// A KMS key with rotation off (fail) and one with it on (pass): two citations of one check.
const key = (id: string, rotation: boolean) => ({
  provider: 'aws' as const,
  account: ACCOUNT,
  region: 'us-east-1',
  type: 'AWS::KMS::Key',
  id: `arn:aws:kms:us-east-1:${ACCOUNT}:key/${id}`,
  name: id,
  tags: {},
  configuration: { keyId: id, keyManager: 'CUSTOMER', keySpec: 'SYMMETRIC_DEFAULT' },
  supplementary: { keyRotationStatus: { keyRotationEnabled: rotation } },
  source: 'test',
});
const snapshot: CloudSnapshot = {
  provider: 'aws',
  collectedAt,
  accounts: [ACCOUNT],
  regions: ['us-east-1'],
  resources: [key('k-off', false), key('k-on', true)],
  gaps: [],
};

for (const driver of testDrivers()) {
  describe(`posture routes on ${driver.name}`, () => {
    let s: SeededApp;
    beforeAll(async () => {
      s = await openSeededApp(driver);
    });
    afterAll(async () => {
      await s.close();
    });

    it('lists every check with its citations', async () => {
      const res = await s.app.inject('/api/posture/checks');
      expect(res.statusCode).toBe(200);
      const { checks } = res.json<{ checks: { id: string; citations: string[] }[] }>();
      expect(checks.map((c) => c.id)).toEqual(POSTURE_CHECKS.map((c) => c.id));
      expect(checks.find((c) => c.id === 'kms-key-rotation')?.citations).toContain('164.312(a)(2)(iv)');
    });

    it('answers 404 before any scan, and 400 for an unknown provider', async () => {
      expectErrorBody(await s.app.inject('/api/posture/scans/latest?provider=azure'), 404, 'NOT_FOUND');
      expectErrorBody(await s.app.inject('/api/posture/scans/latest?provider=gcp'), 400, 'INPUT_SCHEMA');
    });

    it('shows the latest scan by citation, with the mutes in force now', async () => {
      await importCloudSnapshot(
        s.db,
        snapshot,
        () => [],
        { adapter: 'test', adapterVersion: '1', source: 'inline', live: false },
        { actor: 'test', at: new Date(collectedAt) },
      );
      const scan = await runPostureScan(s.db, 'aws', { actor: 'test' });
      const failing = scan.results.find((r) => r.status === 'fail' && r.checkId === 'kms-key-rotation');
      await mutePostureFinding(s.db, {
        findingId: failing!.findingId,
        reason: 'key retired at the next release',
        owner: 'platform-team',
        expiresAt: new Date(Date.now() + 86_400_000),
        actor: 'test',
      });
      const res = await s.app.inject('/api/posture/scans/latest');
      expect(res.statusCode).toBe(200);
      const body = res.json<{
        scan: { id: number; counts: { muted: number } };
        requirements: {
          citation: string;
          title: string;
          counts: { fail: number; pass: number };
          results: { mute?: unknown }[];
        }[];
      }>();
      expect(body.scan.id).toBe(scan.scanId);
      expect(body.scan.counts.muted).toBe(1);
      const rotation = body.requirements.find((g) => g.citation === '164.312(a)(2)(iv)');
      expect(rotation).toMatchObject({ counts: { fail: 1, pass: 1 } });
      expect(rotation?.title).not.toBe('');
      expect(rotation?.results.filter((r) => r.mute)).toHaveLength(1);
      const citations = body.requirements.map((g) => g.citation);
      expect(citations).toEqual([...citations].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })));
    });
  });
}
