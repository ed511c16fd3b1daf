import { describe, expect, it } from 'vitest';
import { parseCondition } from './condition.js';
import { compareDeadlines, deadlineOf, evaluatePack, evaluatePacks } from './evaluate.js';
import { truthOf } from './evaluate-condition.js';
import { parsePack } from './load.js';
import { inputs } from './policy.test-helpers.js';

const cond = (c: unknown) => parseCondition(c, []);
const truth = (c: unknown, i = inputs()) => truthOf(cond(c), i);

describe('three-valued conditions', () => {
  it('an unknown input satisfies neither a predicate nor its negation', () => {
    expect(truth({ 'asset.phi': true })).toBeNull();
    expect(truth({ not: { 'asset.phi': true } })).toBeNull();
    expect(truth({ 'asset.phi': { is: 'unknown' } })).toBe(true);
    expect(truth({ 'asset.phi': { is: 'known' } })).toBe(false);
  });

  it('`unknown` spellings count as unknown', () => {
    const i = inputs({ severity: { rating: 'unknown', cvss: null }, asset: { environment: 'unknown' } });
    expect(truth({ 'cvss.severity': { is: 'unknown' } }, i)).toBe(true);
    expect(truth({ 'asset.environment': { is: 'unknown' } }, i)).toBe(true);
  });

  it('all / any follow Kleene logic', () => {
    const i = inputs({ kev: { listed: true } });
    expect(truth({ any: [{ 'asset.phi': true }, { kev: true }] }, i)).toBe(true);
    expect(truth({ all: [{ 'asset.phi': true }, { kev: true }] }, i)).toBeNull();
    expect(truth({ all: [{ 'asset.phi': true }, { kev: false }] }, i)).toBe(false);
    expect(truth({ any: [{ 'asset.phi': true }, { kev: false }] }, i)).toBeNull();
  });

  it('numbers, sets, SSVC table outcomes', () => {
    const i = inputs({
      severity: {
        rating: 'critical',
        cvss: { version: '4.0', vector: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N', score: 9.3 },
      },
      epss: { score: 0.2, percentile: 0.95, modelVersion: null, date: null },
      ssvc: {
        exploitation: null,
        automatable: 'yes',
        technicalImpact: null,
        outcomes: { 'cisa-bod-26-04': '3 Days' },
      },
      controls: { compensating: false, list: ['segmentation', 'waf'] },
    });
    expect(truth({ 'cvss.score': { '>=': 9, '<': 9.5 } }, i)).toBe(true);
    expect(truth({ 'cvss.score': { '>': 9.3 } }, i)).toBe(false);
    expect(truth({ 'epss.percentile': { '>=': 0.9 } }, i)).toBe(true);
    expect(truth({ 'epss.score': { '<=': 0.1 } }, i)).toBe(false);
    expect(truth({ 'cvss.vector': { has: ['AV:N', 'PR:N'] } }, i)).toBe(true);
    expect(truth({ 'cvss.vector': { has: ['AV:L'] } }, i)).toBe(false);
    expect(truth({ 'cvss.version': '4.0' }, i)).toBe(true);
    expect(truth({ 'controls.list': { has: ['waf'] } }, i)).toBe(true);
    expect(truth({ 'controls.compensating': true }, i)).toBe(false);
    expect(truth({ 'ssvc.automatable': 'yes' }, i)).toBe(true);
    expect(truth({ 'ssvc.exploitation': ['active'] }, i)).toBeNull();
    // Outcome names compare case-insensitively: the SSVC module may give "3 days" or "3D".
    expect(truth({ 'ssvc.outcomes.cisa-bod-26-04': ['3D', '3 days'] }, i)).toBe(true);
    expect(truth({ 'ssvc.outcomes.other-table': ['act'] }, i)).toBeNull();
  });
});

const pack = (id: string, fast: number | string, start = 'identified') =>
  parsePack(
    `id: ${id}
version: 2.1.0
title: ${id}
basis: [{ cite: test }]
clock: { start: ${start} }
tiers:
  - { id: fast, days: ${fast}, description: fast }
  - { id: slow, days: 90, description: slow }
rules:
  - { id: kev, tier: fast, when: { kev: true }, explain: exploited }
  - { id: phi-prod, tier: slow, days: 45, when: { all: [{ asset.phi: true }, { asset.environment: prod }] }, explain: phi }
default: { id: rest, tier: slow, explain: rest }
`,
    `${id}.yaml`,
  );

describe('evaluatePack', () => {
  it('the first true rule decides, with the inputs every rule up to it read', () => {
    const d = evaluatePack(
      pack('a', 7),
      inputs({ kev: { listed: false }, asset: { phi: true, environment: 'prod' } }),
    );
    expect(d).toMatchObject({
      packId: 'a',
      version: '2.1.0',
      tier: 'slow',
      days: 45,
      ruleId: 'phi-prod',
      explain: 'phi',
    });
    expect(d.inputsUsed).toEqual({ kev: false, 'asset.phi': true, 'asset.environment': 'prod' });
  });

  it('unknown inputs fall through to the default', () => {
    const d = evaluatePack(pack('a', 7), inputs());
    expect(d).toMatchObject({ ruleId: 'rest', days: 90 });
    expect(d.inputsUsed).toEqual({ kev: null, 'asset.phi': null, 'asset.environment': null });
  });

  it('fix-on-upgrade has no days', () => {
    expect(evaluatePack(pack('a', 'fix-on-upgrade'), inputs({ kev: { listed: true } })).days).toBeNull();
  });
});

describe('deadlines', () => {
  const t0 = new Date('2026-07-01T00:00:00Z');
  it('spells out the arithmetic', () => {
    expect(deadlineOf(15, 'identified', { identified: t0, patchAvailable: null })).toEqual({
      kind: 'date',
      clock: 'identified',
      clockStart: '2026-07-01T00:00:00.000Z',
      days: 15,
      date: '2026-07-16T00:00:00.000Z',
      arithmetic: '2026-07-01 + 15 days = 2026-07-16',
    });
    const noon = new Date('2026-07-01T12:00:00Z');
    expect(deadlineOf(3, 'identified', { identified: noon, patchAvailable: null }).arithmetic).toBe(
      '2026-07-01T12:00:00.000Z + 3 days = 2026-07-04T12:00:00.000Z',
    );
  });

  it('a patch-available clock starts at the later event and waits without a patch', () => {
    const later = new Date('2026-07-10T00:00:00Z');
    expect(deadlineOf(15, 'patch-available', { identified: t0, patchAvailable: later }).date).toBe(
      '2026-07-25T00:00:00.000Z',
    );
    expect(deadlineOf(15, 'patch-available', { identified: later, patchAvailable: t0 }).clockStart).toBe(
      later.toISOString(),
    );
    const pending = deadlineOf(15, 'patch-available', { identified: t0, patchAvailable: null });
    expect(pending).toMatchObject({ kind: 'pending', date: null, days: 15 });
  });

  it('orders date < pending < fix-on-upgrade', () => {
    const e = { identified: t0, patchAvailable: null };
    const date = deadlineOf(400, 'identified', e);
    const pend = deadlineOf(1, 'patch-available', e);
    const fsu = deadlineOf(null, 'identified', e);
    expect(compareDeadlines(date, pend)).toBeLessThan(0);
    expect(compareDeadlines(pend, fsu)).toBeLessThan(0);
    expect(compareDeadlines(fsu, fsu)).toBe(0);
  });
});

describe('evaluatePacks', () => {
  const t0 = new Date('2026-07-01T00:00:00Z');
  const kev = inputs({ kev: { listed: true } });

  it('the earliest deadline wins and every pack says why', () => {
    const r = evaluatePacks(
      [pack('slowpoke', 30), pack('quick', 3), pack('upgrade', 'fix-on-upgrade')],
      kev,
      t0,
    );
    expect(r.winner.packId).toBe('quick');
    expect(r.deadline.date).toBe('2026-07-04T00:00:00.000Z');
    expect(r.all.map((o) => o.packId)).toEqual(['slowpoke', 'quick', 'upgrade']);
    expect(r.all[0]!.reason).toBe(
      'slowpoke@2.1.0: rule kev → tier fast (30 days); 2026-07-01 + 30 days = 2026-07-31',
    );
    expect(r.reason).toContain('strictest of 3 packs: quick@2.1.0: rule kev');
    expect(r.reason).toContain('others: slowpoke@2.1.0 2026-07-31; upgrade@2.1.0 fix on upgrade');
  });

  it('ties go to the first pack, and the reason says so', () => {
    const r = evaluatePacks([pack('first', 7), pack('second', 7)], kev, t0);
    expect(r.winner.packId).toBe('first');
    expect(r.reason).toContain('tied with second@2.1.0; the first pack in order wins');
  });

  it('fix-on-upgrade is least strict; a lone pack is its own reason', () => {
    const r = evaluatePacks([pack('upgrade', 'fix-on-upgrade'), pack('annual', 365)], kev, t0);
    expect(r.winner.packId).toBe('annual');
    expect(r.deadline.arithmetic).toBe('2026-07-01 + 365 days = 2027-07-01');
    const alone = evaluatePacks([pack('upgrade', 'fix-on-upgrade')], kev, t0);
    expect(alone.deadline.kind).toBe('fix-on-upgrade');
    expect(alone.reason).toMatch(/^only pack: upgrade@2.1.0/);
  });

  it('refuses an empty list of packs', () => {
    expect(() => evaluatePacks([], kev, t0)).toThrow(expect.objectContaining({ code: 'POLICY_INVALID' }));
  });
});
