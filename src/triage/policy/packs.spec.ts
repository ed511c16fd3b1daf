/**
 * The shipped packs on real cases. CVE-2023-4863 (libwebp) facts come from the copied feeds —
 * see CVE_2023_4863 in policy.test-helpers.ts for which are real and which are our reading.
 */
import { describe, expect, it } from 'vitest';
import { evaluatePack, evaluatePacks } from './evaluate.js';
import type { PolicyInputs } from './inputs.js';
import { bodOutcome, bodTable, CVE_2023_4863, inputs, readShared } from './policy.test-helpers.js';
import { loadShippedPack, loadShippedPacks } from './shipped.js';

const seed = loadShippedPack('seed-default');
const nprm = loadShippedPack('hipaa-nprm-2025');
const bod = loadShippedPack('cisa-bod-26-04');
const identified = new Date('2026-09-01T00:00:00Z');
// libwebp 1.3.2 shipped on 2023-09-13, long before this finding: every clock starts at identification.
const events = { identified, patchAvailable: new Date('2023-09-13T00:00:00Z') };

/** The CVE on an asset; the BOD 26-04 outcome is what the SSVC module would compute (CSV lookup). */
function webp(asset: PolicyInputs['asset']): PolicyInputs {
  const outcome = bodOutcome(true, asset.internetExposed === true, false, 'total');
  return inputs({
    ...CVE_2023_4863,
    ssvc: { ...CVE_2023_4863.ssvc, outcomes: { 'cisa-bod-26-04': outcome } },
    asset,
  });
}

const phiWebApp = webp({
  phi: true,
  phiSource: 'tag:PHI',
  environment: 'prod',
  internetExposed: true,
  kind: 'host',
});
const devBox = webp({
  phi: false,
  phiSource: 'none',
  environment: 'dev',
  internetExposed: false,
  kind: 'host',
});

describe('a KEV CVE (CVE-2023-4863) on an internet-facing PHI asset', () => {
  const r = evaluatePacks(loadShippedPacks(), phiWebApp, events);
  const by = (id: string) => r.all.find((o) => o.packId === id)!;

  it('lands in each pack’s most urgent tier with its clock', () => {
    expect(by('seed-default')).toMatchObject({ tier: 'emergency', ruleId: 'emergency-kev', days: 7 });
    expect(by('seed-default').deadline.arithmetic).toBe('2026-09-01 + 7 days = 2026-09-08');
    expect(by('hipaa-nprm-2025')).toMatchObject({
      tier: 'critical',
      ruleId: 'derived-critical-exploited',
      days: 15,
    });
    expect(by('hipaa-nprm-2025').deadline.arithmetic).toBe('2026-09-01 + 15 days = 2026-09-16');
    expect(by('cisa-bod-26-04')).toMatchObject({ tier: '3-days', ruleId: 'bod-3-days-forensic', days: 3 });
    for (const p of loadShippedPacks()) expect(by(p.id).tier).toBe(p.tiers[0]!.id);
  });

  it('BOD 26-04 (3 days + forensic triage) is the strictest, and the reason names it', () => {
    expect(r.winner.packId).toBe('cisa-bod-26-04');
    expect(r.deadline.date).toBe('2026-09-04T00:00:00.000Z');
    expect(r.reason).toContain('strictest of 3 packs: cisa-bod-26-04@1.0.0: rule bod-3-days-forensic');
    expect(r.winner.explain).toMatch(/forensic triage/);
    expect(r.winner.inputsUsed).toEqual({
      'ssvc.outcomes.cisa-bod-26-04': '3 days & forensic investigation',
    });
  });
});

describe('the same CVE on a dev asset without PHI, not exposed', () => {
  it('is not in the most urgent tier of the HIPAA NPRM or BOD 26-04 packs', () => {
    expect(evaluatePack(nprm, devBox)).toMatchObject({ tier: 'other', ruleId: 'other-risk', days: 90 });
    // Table 1 row 8: in KEV, not exposed, not automatable, total impact → 14 days.
    expect(evaluatePack(bod, devBox)).toMatchObject({ tier: '14-days', ruleId: 'bod-14-days', days: 14 });
  });

  it('is high, not an emergency, under seed-default: emergencies are for assets that hold ePHI', () => {
    expect(evaluatePack(seed, devBox)).toMatchObject({
      tier: 'high',
      ruleId: 'high-critical-elsewhere',
      days: 30,
    });
    const r = evaluatePacks([nprm, bod], devBox, events);
    expect(r.winner).toMatchObject({ packId: 'cisa-bod-26-04', days: 14 });
  });
});

describe('cisa-bod-26-04 against CERT/CC’s encoding of Table 1', () => {
  const timelines = JSON.parse(readShared('ssvc/cisa_bod_26_04_remediation_timelines_1_0_0.json')) as {
    values: { key: string; name: string }[];
  };
  const daysOf = (name: string) => (/^(\d+) days/i.exec(name) ? Number(/^(\d+)/.exec(name)![1]) : null);

  it.each(timelines.values)(
    'outcome $key ($name) maps by key and by name to one rule with its days',
    ({ key, name }) => {
      const byKey = evaluatePack(
        bod,
        inputs({
          ssvc: {
            exploitation: null,
            automatable: null,
            technicalImpact: null,
            outcomes: { 'cisa-bod-26-04': key },
          },
        }),
      );
      const byName = evaluatePack(
        bod,
        inputs({
          ssvc: {
            exploitation: null,
            automatable: null,
            technicalImpact: null,
            outcomes: { 'cisa-bod-26-04': name },
          },
        }),
      );
      expect(byName.ruleId).toBe(byKey.ruleId);
      expect(byKey.ruleId).not.toBe('bod-outcome-unknown');
      expect(byKey.days).toBe(daysOf(name));
    },
  );

  it('every one of the 16 rows gives the days its outcome names', () => {
    const rows = bodTable();
    expect(rows).toHaveLength(16);
    for (const row of rows) {
      const d = evaluatePack(
        bod,
        inputs({
          ssvc: {
            exploitation: null,
            automatable: null,
            technicalImpact: null,
            outcomes: { 'cisa-bod-26-04': row.outcome },
          },
        }),
      );
      expect(d.days).toBe(daysOf(row.outcome));
    }
  });

  it('without an outcome it falls back to 14 days and says the directive has no such row', () => {
    const d = evaluatePack(bod, inputs({ kev: { listed: true } }));
    expect(d).toMatchObject({ ruleId: 'bod-outcome-unknown', days: 14 });
    expect(d.explain).toMatch(/not the directive's/);
  });
});

describe('hipaa-nprm-2025 reading of critical and high risk', () => {
  const phi = { phi: true, environment: 'prod' };
  it('a recorded risk rating decides before any derived reading', () => {
    expect(evaluatePack(nprm, { ...phiWebApp, risk: { rating: 'low' } }).ruleId).toBe('assessed-below-high');
    expect(evaluatePack(nprm, inputs({ risk: { rating: 'critical' } })).days).toBe(15);
    expect(evaluatePack(nprm, inputs({ risk: { rating: 'high' } })).days).toBe(30);
  });

  it('derives critical from severity or patient safety, high from severity or EPSS', () => {
    const crit = inputs({ severity: { rating: 'critical', cvss: null }, asset: phi });
    expect(evaluatePack(nprm, crit).ruleId).toBe('derived-critical-severity');
    const pump = inputs({
      severity: { rating: 'high', cvss: null },
      asset: { ...phi, kind: 'medical-device', safetyImpact: 'critical' },
    });
    expect(evaluatePack(nprm, pump).ruleId).toBe('derived-critical-severity');
    expect(evaluatePack(nprm, inputs({ severity: { rating: 'high', cvss: null }, asset: phi })).ruleId).toBe(
      'derived-high',
    );
    const likely = inputs({
      epss: { score: 0.12, percentile: 0.94, modelVersion: null, date: null },
      asset: phi,
    });
    expect(evaluatePack(nprm, likely)).toMatchObject({ ruleId: 'derived-high', days: 30 });
  });

  it('an asset whose PHI status is unknown is not read as critical, and every explanation says proposed', () => {
    expect(evaluatePack(nprm, inputs({ kev: { listed: true } })).ruleId).toBe('other-risk');
    for (const r of nprm.rules.filter((x) => x.tier !== 'other'))
      expect(r.explain).toMatch(/proposed rule.{0,12}not final/);
    expect(nprm.basis[0]?.cite).toMatch(/90 FR 898.*164\.308\(a\)\(4\).*not final/s);
  });

  it('runs its clock from patch availability; without a patch the clock waits', () => {
    const r = evaluatePacks([nprm], phiWebApp, { identified, patchAvailable: null });
    expect(r.deadline).toMatchObject({ kind: 'pending', days: 15 });
    const late = evaluatePacks([nprm], phiWebApp, {
      identified,
      patchAvailable: new Date('2026-09-10T00:00:00Z'),
    });
    expect(late.deadline.arithmetic).toBe('2026-09-10 + 15 days = 2026-09-25');
  });
});
