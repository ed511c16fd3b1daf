/**
 * Issue 5's acceptance case on real data: Log4Shell (CVE-2021-44228: the real GHSA record, the real
 * KEV catalog and the real 2021 EPSS file) in log4j-core 2.14.1 on two synthetic deployments — a
 * PHI, internet-facing production service and a non-PHI dev box — decided under each shipped pack
 * and under all three at once (strictest deadline wins).
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../store/db.js';
import { type FindingView, listFindings } from '../store/repositories/findings.js';
import { testDrivers } from '../store/testing.test-helpers.js';
import { loadShippedPack } from '../triage/policy/shipped.js';
import { importAdvisories } from './import-advisories.js';
import { importEpss } from './import-epss.js';
import { importKev } from './import-kev.js';
import { importSbom } from './import-sbom.js';
import { refreshFindings } from './refresh-findings.js';
import { sharedData } from './shared-data.test-helpers.js';

const at = new Date('2026-11-02T00:00:00.000Z');
const plus = (days: number) => new Date(at.getTime() + days * 86_400_000).toISOString();
const actor = 'test';

function log4jSbom(): string {
  const file = join(tmpdir(), `pw-log4j-${process.pid}.cdx.json`);
  writeFileSync(
    file,
    JSON.stringify({
      bomFormat: 'CycloneDX',
      specVersion: '1.5',
      version: 1,
      metadata: { component: { type: 'application', name: 'referral-intake', version: '3.2.0' } },
      components: [
        {
          type: 'library',
          group: 'org.apache.logging.log4j',
          name: 'log4j-core',
          version: '2.14.1',
          purl: 'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1',
        },
      ],
    }),
  );
  return file;
}

for (const driver of testDrivers()) {
  describe(`Log4Shell under each policy pack on ${driver.name}`, () => {
    let db: Db;
    const ids: Record<'phi' | 'dev', number> = { phi: 0, dev: 0 };
    beforeAll(async () => {
      db = await driver.open();
      await importAdvisories(db, sharedData('ghsa-osv/maven/GHSA-jfh8-c2jp-5v3q.json'), { actor, at });
      await importKev(db, sharedData('kev/known_exploited_vulnerabilities.json'), { actor, at });
      await importEpss(db, sharedData('epss-scores/CVE_2021_EPSS.csv'), { actor, at });
      const sbom = log4jSbom();
      const phi = await importSbom(db, sbom, {
        actor,
        at,
        asset: {
          externalId: 'test:referral-intake-prod',
          name: 'referral-intake-prod',
          internetExposed: true,
          tags: { PHI: 'true', Environment: 'prod' },
        },
      });
      const dev = await importSbom(db, sbom, {
        actor,
        at,
        asset: {
          externalId: 'test:referral-intake-dev',
          name: 'referral-intake-dev',
          internetExposed: false,
          tags: { Environment: 'dev' },
        },
      });
      ids.phi = phi.asset.id!;
      ids.dev = dev.asset.id!;
    });
    afterAll(async () => db.close());

    const decide = async (packIds: string[]) => {
      const packs = packIds.map(loadShippedPack);
      await db.transaction((tx) => refreshFindings(tx, [ids.phi, ids.dev], { at, actor, packs }));
      const one = async (assetId: number) => {
        const [f] = await listFindings(db, { assetId });
        return f as FindingView;
      };
      return { phi: await one(ids.phi), dev: await one(ids.dev) };
    };

    it('the finding carries the real KEV listing, EPSS score and critical CVSS', async () => {
      const { phi } = await decide(['seed-default']);
      expect(phi.advisory.id).toBe('GHSA-jfh8-c2jp-5v3q');
      expect(phi.inputs).toMatchObject({
        kev: { listed: true, dateAdded: '2021-12-10' },
        severity: { rating: 'critical' },
        epss: { score: expect.any(Number), percentile: expect.any(Number) },
        intel: { cve: 'CVE-2021-44228' },
      });
    });

    it.each([
      // [pack, PHI prod: tier, rule, days; non-PHI dev: tier, rule, days]
      ['seed-default', 'emergency', 'emergency-critical', 7, 'high', 'high-critical-elsewhere', 30],
      ['hipaa-nprm-2025', 'critical', 'derived-critical-exploited', 15, 'other', 'other-risk', 90],
      // In KEV, automatable and technical impact unknown (no Vulnrichment record shipped for it):
      // Table 1 leaves 14 days, 3 days or 3 days + forensics open, so the pack's default applies.
      ['cisa-bod-26-04', '14-days', 'bod-outcome-unknown', 14, '14-days', 'bod-outcome-unknown', 14],
    ] as const)('%s: PHI prod → %s (%s, %i days); non-PHI dev → %s', async (pack, t1, r1, d1, t2, r2, d2) => {
      const { phi, dev } = await decide([pack]);
      expect([phi.tier, phi.policy.rule, phi.deadline]).toEqual([t1, r1, plus(d1)]);
      expect([dev.tier, dev.policy.rule, dev.deadline]).toEqual([t2, r2, plus(d2)]);
      expect(phi.policy.id).toBe(pack);
    });

    it('all three packs: the strictest deadline wins, and the finding says which and why', async () => {
      const { phi, dev } = await decide(['seed-default', 'hipaa-nprm-2025', 'cisa-bod-26-04']);
      expect([phi.policy.id, phi.tier, phi.deadline]).toEqual(['seed-default', 'emergency', plus(7)]);
      expect([dev.policy.id, dev.tier, dev.deadline]).toEqual(['cisa-bod-26-04', '14-days', plus(14)]);
      const triage = (dev.inputs as { triage: { reason: string; packs: { pack: string }[] } }).triage;
      expect(triage.packs.map((p) => p.pack)).toEqual(['seed-default', 'hipaa-nprm-2025', 'cisa-bod-26-04']);
      expect(triage.reason).toMatch(/^strictest of 3 packs: cisa-bod-26-04@1\.0\.0/);
    });
  });
}
