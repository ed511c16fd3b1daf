import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditLog } from '../evidence/verify-audit.js';
import type { Db } from '../store/db.js';
import { listFindings } from '../store/repositories/findings.js';
import { testDrivers } from '../store/testing.test-helpers.js';
import { importAdvisories } from './import-advisories.js';
import { importKev } from './import-kev.js';
import { importSbom } from './import-sbom.js';
import { GHSA_NPM, JUICE_SHOP, tableCounts, tableFingerprint } from './shared-data.test-helpers.js';

const actor = 'test';
const at = new Date('2026-10-01T00:00:00.000Z');
const PHI_ASSET = { externalId: 'demo:juice-prod', name: 'juice-prod', tags: { PHI: 'true' } };
const tmp = mkdtempSync(join(tmpdir(), 'pw-import-'));

function writeTmp(name: string, content: string | Buffer): string {
  const p = join(tmp, name);
  writeFileSync(p, content);
  return p;
}

for (const driver of testDrivers()) {
  describe(`import sbom + advisories on ${driver.name}`, () => {
    let db: Db;
    beforeAll(async () => {
      db = await driver.open();
    });
    afterAll(async () => {
      await db.close();
    });

    it('imports an SBOM as a PHI asset, then advisories open findings with tiers and deadlines', async () => {
      const s = await importSbom(db, JUICE_SHOP, { actor, at, asset: PHI_ASSET });
      expect(s).toMatchObject({
        status: 'imported',
        asset: { created: true, phi: true, phiSource: 'tag:PHI=true' },
        components: { total: 840, added: 840 },
      });
      const a = await importAdvisories(db, GHSA_NPM, { actor, at });
      expect(a.status).toBe('imported');
      expect(a.assetsRefreshed).toBe(1);
      const findings = await listFindings(db, { state: 'open' });
      const key = (f: (typeof findings)[number]) => `${f.component.purl} ${f.advisory.id}`;
      const minimist = findings.find((f) => key(f) === 'pkg:npm/minimist@1.2.5 GHSA-xvch-5gv4-984h');
      // CVSS 9.8: critical → emergency, 7 days from identification.
      expect(minimist).toMatchObject({
        tier: 'emergency',
        fixedVersion: '1.2.6',
        deadline: '2026-10-08T00:00:00.000Z',
        policy: { id: 'seed-default', version: '1.1.0', rule: 'emergency-critical' },
      });
      // Not critical, not KEV, but on a PHI asset → high, 30 days.
      expect(findings.find((f) => key(f) === 'pkg:npm/json5@2.1.3 GHSA-9c47-m6qq-7p4h')).toMatchObject({
        tier: 'high',
        deadline: '2026-10-31T00:00:00.000Z',
        policy: { rule: 'high-phi' },
      });
      // True negatives from the same real data: fixed or never-affected versions.
      expect(findings.map(key)).not.toContain('pkg:npm/lodash@4.17.19 GHSA-fvqr-27wr-82fm');
      expect(findings.map(key)).not.toContain('pkg:npm/moment@2.0.0 GHSA-wc69-rhjr-hc9g');
      expect(findings).toHaveLength(14);
    });

    it('re-importing the same SBOM or advisories changes nothing', async () => {
      const before = await tableFingerprint(db);
      expect((await importSbom(db, JUICE_SHOP, { actor, asset: PHI_ASSET })).status).toBe('unchanged');
      expect((await importAdvisories(db, GHSA_NPM, { actor })).status).toBe('unchanged');
      expect(await tableFingerprint(db)).toBe(before);
    });

    it('the same SBOM for a second, non-PHI dev deployment: no emergencies, critical flaws high, the rest standard', async () => {
      const s = await importSbom(db, JUICE_SHOP, {
        actor,
        at,
        asset: { externalId: 'demo:juice-dev', name: 'juice-dev', tags: { Environment: 'dev' } },
      });
      expect(s.asset).toMatchObject({ created: true, phi: false, phiSource: 'none' });
      const dev = await listFindings(db, { assetId: s.asset.id! });
      expect(new Set(dev.map((f) => f.tier))).toEqual(new Set(['high', 'standard']));
      expect(new Set(dev.filter((f) => f.tier === 'high').map((f) => f.policy.rule))).toEqual(
        new Set(['high-critical-elsewhere']),
      );
      expect(dev.find((f) => f.policy.rule === 'standard')?.deadline).toBe('2026-12-30T00:00:00.000Z');
    });

    it('a KEV listing escalates an open finding and audits old and new deadline', async () => {
      const kev = writeTmp(
        'kev.json',
        JSON.stringify({
          catalogVersion: '2026.10.02',
          dateReleased: '2026-10-02T00:00:00.000Z',
          vulnerabilities: [{ cveID: 'CVE-2022-46175', dateAdded: '2026-10-02', vendorProject: 'json5' }],
        }),
      );
      const r = await importKev(db, kev, { actor, at: new Date('2026-10-02T00:00:00.000Z') });
      expect(r).toMatchObject({ status: 'imported', added: 1 });
      expect(r.findings.retiered).toBe(2);
      const json5 = (await listFindings(db, {})).find(
        (x) => x.asset.name === 'juice-prod' && x.advisory.id === 'GHSA-9c47-m6qq-7p4h',
      );
      expect(json5).toMatchObject({ tier: 'emergency', policy: { rule: 'emergency-kev' } });
      // The clock keeps its start; only the rule's days change.
      expect(json5?.deadline).toBe('2026-10-08T00:00:00.000Z');
      const { rows } = await db.query<{ data: { from: { tier: string }; to: { tier: string } } }>(
        `SELECT data FROM audit_events WHERE action = 'finding.retiered' AND entity_id = $1`,
        [String(json5!.id)],
      );
      expect(rows[0]?.data).toMatchObject({ from: { tier: 'high' }, to: { tier: 'emergency' } });
    });

    it('an upgraded SBOM resolves fixed findings and keeps the removed component', async () => {
      const bom = JSON.parse(readFileSync(JUICE_SHOP, 'utf8')) as {
        components: { purl?: string; version?: string }[];
      };
      for (const c of bom.components) {
        if (c.purl === 'pkg:npm/minimist@1.2.5') {
          c.purl = 'pkg:npm/minimist@1.2.6';
          c.version = '1.2.6';
        }
      }
      const r = await importSbom(db, writeTmp('juice-upgraded.json', JSON.stringify(bom)), {
        actor,
        at: new Date('2026-10-03T00:00:00.000Z'),
        asset: PHI_ASSET,
      });
      expect(r.components).toMatchObject({ added: 1, removed: 1 });
      expect(r.findings.resolved).toBe(1);
      const fixed = await listFindings(db, { state: 'fixed' });
      expect(fixed.map((f) => `${f.asset.name} ${f.component.purl}`)).toEqual([
        'juice-prod pkg:npm/minimist@1.2.5',
      ]);
      expect(fixed[0]?.resolvedAt).toBe('2026-10-03T00:00:00.000Z');
    });

    it('a later sighting without tags or overrides does not take the asset out of PHI scope', async () => {
      await importSbom(db, JUICE_SHOP, {
        actor,
        asset: { externalId: 'demo:juice-dev', phi: true, internetExposed: true },
      });
      const again = await importSbom(db, JUICE_SHOP, { actor, asset: { externalId: 'demo:juice-dev' } });
      // Different importer options: a real import, not a no-op; the override and the facts stay.
      expect(again.status).toBe('imported');
      expect(again.asset).toMatchObject({ phi: true, phiSource: 'override' });
      const prod = await importSbom(db, JUICE_SHOP, { actor, asset: { externalId: 'demo:juice-prod' } });
      expect(prod.asset).toMatchObject({ phi: true, phiSource: 'tag:PHI=true' });
    });

    it('an advisory update that narrows its range resolves the findings it no longer covers', async () => {
      const dir = mkdtempSync(join(tmp, 'narrowed-'));
      const record = JSON.parse(readFileSync(join(GHSA_NPM, 'GHSA-c2qf-rxjj-qqgw.json'), 'utf8'));
      record.modified = '2030-01-01T00:00:00Z';
      // Drop every affected entry: an advisory rescoped to another package entirely.
      record.affected = record.affected.map((a: { package: { name: string } }) => ({
        ...a,
        package: { ...a.package, name: 'not-semver' },
      }));
      writeFileSync(join(dir, 'GHSA-c2qf-rxjj-qqgw.json'), JSON.stringify(record));
      const r = await importAdvisories(db, dir, { actor });
      expect(r.advisories.updated).toBe(1);
      expect(r.findings.resolved).toBeGreaterThanOrEqual(3);
      const open = await listFindings(db, { state: 'open' });
      expect(open.filter((f) => f.advisory.id === 'GHSA-c2qf-rxjj-qqgw')).toEqual([]);
    });

    it('leaves a verifiable audit chain', async () => {
      const report = await verifyAuditLog(db);
      expect(report.ok).toBe(true);
      expect(report.events).toBeGreaterThan(30);
    });
  });

  describe(`malformed input on ${driver.name} is a clear error and writes nothing`, () => {
    let db: Db;
    beforeAll(async () => {
      db = await driver.open();
      await importSbom(db, JUICE_SHOP, { actor, asset: PHI_ASSET });
    });
    afterAll(async () => {
      await db.close();
    });

    const full = readFileSync(JUICE_SHOP, 'utf8');
    const cases: [string, () => string, string, Record<string, unknown>][] = [
      [
        'truncated JSON',
        () => writeTmp('trunc.json', full.slice(0, 5000)),
        'INPUT_MALFORMED_JSON',
        { line: expect.any(Number) },
      ],
      [
        'a wrong type deep inside',
        () => {
          const bom = JSON.parse(full);
          bom.components[3].purl = 42;
          return writeTmp('wrongtype.json', JSON.stringify(bom));
        },
        'INPUT_SCHEMA',
        { pointer: '/components/3/purl' },
      ],
      [
        'an unknown spec version',
        () => writeTmp('spec.json', JSON.stringify({ ...JSON.parse(full), specVersion: '9.9' })),
        'INPUT_UNSUPPORTED_SPEC',
        { pointer: '/specVersion' },
      ],
      [
        '10 MB of junk',
        () => {
          const junk = Buffer.alloc(10 * 1024 * 1024);
          for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919 + 13) % 251;
          return writeTmp('junk.bin', junk);
        },
        'INPUT_UNRECOGNISED',
        {},
      ],
      ['a missing file', () => join(tmp, 'nope.json'), 'INPUT_NOT_FOUND', {}],
    ];

    for (const [name, make, code, details] of cases) {
      it(`${name}: ${code}, names the file, no rows written`, async () => {
        const before = await tableFingerprint(db);
        const file = make();
        await expect(
          importSbom(db, file, { actor, asset: { externalId: 'demo:other' } }),
        ).rejects.toMatchObject({
          code,
          details: { file, ...details },
        });
        expect(await tableFingerprint(db)).toBe(before);
      });
    }

    it('a malformed advisory among good ones rolls back the whole import', async () => {
      const before = await tableCounts(db);
      const dir = mkdtempSync(join(tmp, 'adv-'));
      writeFileSync(join(dir, 'a-good.json'), readFileSync(join(GHSA_NPM, 'GHSA-xvch-5gv4-984h.json')));
      writeFileSync(
        join(dir, 'b-bad.json'),
        JSON.stringify({ id: 'X-1', modified: '2026-01-01T00:00:00Z', affected: {} }),
      );
      await expect(importAdvisories(db, dir, { actor })).rejects.toMatchObject({
        code: 'INPUT_SCHEMA',
        details: { file: join(dir, 'b-bad.json'), pointer: '/affected' },
      });
      expect(await tableCounts(db)).toEqual(before);
    });
  });
}
