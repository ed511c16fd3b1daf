import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FindingView } from '../../../store/repositories/findings.js';
import { testDrivers } from '../../../store/testing.test-helpers.js';
import { loadShippedPack } from '../../../triage/policy/shipped.js';
import { expectErrorBody, openSeededApp, SEEDED_AT, type SeededApp } from '../../testing.test-helpers.js';
import { FINDING_SCHEMA } from './schemas.js';

const DAY_MS = 86_400_000;
// Past the 7-day emergency clock, inside the 30-day high one: overdue splits the tiers.
const NOW = new Date(SEEDED_AT.getTime() + 10 * DAY_MS);

interface Summary {
  now: string;
  byTier: { tier: string | null; open: number; overdue: number; phi: number }[];
  total: number;
}

for (const driver of testDrivers()) {
  describe(`findings routes on ${driver.name}`, () => {
    let s: SeededApp;
    let all: FindingView[];
    const get = async <T>(url: string): Promise<T> => {
      const res = await s.app.inject(url);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<T>();
    };
    beforeAll(async () => {
      s = await openSeededApp(driver, () => NOW);
      all = (await get<{ findings: FindingView[] }>('/api/findings')).findings;
    });
    afterAll(async () => {
      await s.close();
    });

    it('lists open findings on the PHI asset as high or emergency, soonest deadline first', () => {
      expect(all.length).toBeGreaterThan(0);
      for (const f of all) {
        expect(f.state).toBe('open');
        expect(['high', 'emergency']).toContain(f.tier);
        expect(f.asset).toEqual({
          id: s.assetId,
          name: 'juice-shop',
          kind: 'application',
          phi: true,
          environment: 'unknown',
        });
        expect(f.component.purl).toMatch(/^pkg:npm\//);
        expect(f.advisory.id).toMatch(/^GHSA-/);
      }
      const deadlines = all.map((f) => f.deadline!);
      expect(deadlines).toEqual([...deadlines].sort());
      expect(all.some((f) => f.tier === 'emergency')).toBe(true);
    });

    it('sets each deadline to clock start plus the days of the rule that fired', () => {
      for (const f of all) {
        const rule = loadShippedPack('seed-default').rules.find((r) => r.id === f.policy.rule)!;
        expect(rule.tier).toBe(f.tier);
        expect(f.clockStart).toBe(SEEDED_AT.toISOString());
        expect(Date.parse(f.deadline!) - Date.parse(f.clockStart)).toBe(Number(rule.days) * DAY_MS);
      }
    });

    it('sends exactly the declared fields, inputs passed through as an object', () => {
      for (const f of all) {
        expect(Object.keys(f).sort()).toEqual(Object.keys(FINDING_SCHEMA.properties).sort());
        expect(f.inputs).toMatchObject({ asset: { phi: true, phiSource: 'tag:PHI=true' } });
        expect(f.resolvedAt).toBeNull();
      }
    });

    it('filters by tier, state, phi and asset', async () => {
      const emergency = await get<{ findings: FindingView[] }>('/api/findings?tier=emergency');
      expect(emergency.findings.length).toBe(all.filter((f) => f.tier === 'emergency').length);
      expect(emergency.findings.every((f) => f.tier === 'emergency')).toBe(true);
      expect((await get<{ findings: unknown[] }>('/api/findings?state=open')).findings).toHaveLength(
        all.length,
      );
      expect((await get<{ findings: unknown[] }>('/api/findings?state=fixed')).findings).toEqual([]);
      expect((await get<{ findings: unknown[] }>('/api/findings?phi=false')).findings).toEqual([]);
      expect((await get<{ findings: unknown[] }>('/api/findings?phi=true')).findings).toHaveLength(
        all.length,
      );
      expect(
        (await get<{ findings: unknown[] }>(`/api/findings?assetId=${s.assetId}`)).findings,
      ).toHaveLength(all.length);
      expect((await get<{ findings: unknown[] }>(`/api/findings?assetId=${s.assetId + 1}`)).findings).toEqual(
        [],
      );
    });

    it('overdue=true compares deadlines with the injected clock', async () => {
      const overdue = (await get<{ findings: FindingView[] }>('/api/findings?overdue=true')).findings;
      expect(overdue.length).toBeGreaterThan(0);
      expect(overdue.length).toBeLessThan(all.length);
      expect(overdue.map((f) => f.id)).toEqual(
        all.filter((f) => Date.parse(f.deadline!) < NOW.getTime()).map((f) => f.id),
      );
      expect(overdue.map((f) => f.tier)).toEqual(overdue.map(() => 'emergency'));
    });

    it('limit keeps the soonest deadlines', async () => {
      const one = (await get<{ findings: FindingView[] }>('/api/findings?limit=1')).findings;
      expect(one.map((f) => f.id)).toEqual([all[0]!.id]);
    });

    it('summary adds up to the findings list', async () => {
      const summary = await get<Summary>('/api/findings/summary');
      expect(summary.now).toBe(NOW.toISOString());
      const open = all.filter((f) => f.state === 'open' || f.state === 'unknown');
      const tiers = [...new Set(open.map((f) => f.tier))].sort();
      expect(summary.byTier.map((t) => t.tier)).toEqual(tiers);
      for (const t of summary.byTier) {
        const inTier = open.filter((f) => f.tier === t.tier);
        expect(t).toEqual({
          tier: t.tier,
          open: inTier.length,
          overdue: inTier.filter((f) => Date.parse(f.deadline!) < NOW.getTime()).length,
          phi: inTier.filter((f) => f.asset.phi).length,
        });
      }
      expect(summary.total).toBe(open.length);
    });

    it.each([
      ['state=bogus', 'state', 'must be equal to one of the allowed values'],
      ['tier=', 'tier', 'must NOT have fewer than 1 characters'],
      ['limit=-1', 'limit', 'must be >= 1'],
      ['limit=0', 'limit', 'must be >= 1'],
      ['limit=10001', 'limit', 'must be <= 10000'],
      ['limit=ten', 'limit', 'must be integer'],
      ['overdue=false', 'overdue', 'must be equal to one of the allowed values'],
      ['assetId=-3', 'assetId', 'must be >= 1'],
      ['teir=high', 'teir', 'must NOT have additional properties'],
    ])('answers 400 INPUT_SCHEMA for ?%s', async (query, param, reason) => {
      const body = expectErrorBody(await s.app.inject(`/api/findings?${query}`), 400, 'INPUT_SCHEMA');
      expect(body.details).toEqual({ in: 'querystring', param, pointer: `/${param}`, reason });
    });
  });
}
