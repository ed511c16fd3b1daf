/**
 * packs/seed-default.yaml must decide exactly as SEED_DEFAULT_POLICY (default-policy.ts) until
 * the callers switch over: same rule, tier, days and deadline on every input combination the
 * old code reads (and on the new inputs it ignores).
 */
import { describe, expect, it } from 'vitest';
import { decideTier, SEED_DEFAULT_POLICY, type TriageInputs } from '../default-policy.js';
import { SEVERITY_RATINGS } from '../severity.js';
import { evaluatePack, evaluatePacks } from './evaluate.js';
import type { PolicyInputs } from './inputs.js';
import { loadShippedPack } from './shipped.js';

const pack = loadShippedPack('seed-default');
const at = new Date('2026-03-01T09:30:00Z');

function* grid(): Generator<TriageInputs> {
  for (const rating of SEVERITY_RATINGS)
    for (const listed of [true, false])
      for (const phi of [true, false])
        for (const environment of ['prod', 'dev', 'unknown'])
          for (const internetExposed of [true, false, null]) {
            yield {
              severity: {
                rating,
                basis: rating === 'unknown' ? 'none' : 'cvss',
                cvss: rating === 'unknown' ? null : { version: '3.1', vector: 'CVSS:3.1/AV:N', score: 5 },
                sourceLabel: null,
              },
              kev: { listed, dateAdded: listed ? '2024-01-02' : null },
              asset: { phi, phiSource: phi ? 'tag:PHI' : 'none', environment, internetExposed },
            };
          }
}

describe('seed-default pack ≡ SEED_DEFAULT_POLICY', () => {
  const cases = [...grid()];

  it(`decides the same on all ${cases.length} grid points`, () => {
    for (const triage of cases) {
      // TriageInputs is assignable to PolicyInputs: no adapter is needed at the call sites.
      const inputs: PolicyInputs = triage;
      const old = decideTier(SEED_DEFAULT_POLICY, triage, at);
      const now = evaluatePacks([pack], inputs, at);
      expect({ rule: now.winner.ruleId, tier: now.winner.tier, days: now.winner.days }).toEqual({
        rule: old.rule,
        tier: old.tier,
        days: old.days,
      });
      expect(now.deadline.date).toBe(old.deadline);
      expect(now.deadline.clockStart).toBe(old.clockStart);
      expect({ id: now.winner.packId, version: now.winner.version }).toEqual(old.policy);
    }
  });

  it('ignores the inputs the old policy never read', () => {
    for (const triage of cases.slice(0, 40)) {
      const plain = evaluatePack(pack, triage);
      const rich = evaluatePack(pack, {
        ...triage,
        epss: { score: 0.97, percentile: 0.999, modelVersion: 'v2025.03.14', date: '2026-02-28' },
        ssvc: { exploitation: 'active', automatable: 'yes', technicalImpact: 'total', outcomes: {} },
        controls: { compensating: true, list: ['segmentation'] },
      });
      expect(rich.ruleId).toBe(plain.ruleId);
    }
  });

  it('uses the same rule ids, tiers and days, in the same order', () => {
    expect(pack.rules.map((r) => [r.id, r.tier, r.days])).toEqual(
      SEED_DEFAULT_POLICY.rules.map((r) => [r.id, r.tier, r.days]),
    );
    expect(pack.version).toBe(SEED_DEFAULT_POLICY.version);
  });
});
