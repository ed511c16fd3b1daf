import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.js';
import { parsePack } from './load.js';
import { packText } from './policy.test-helpers.js';
import { loadShippedPack, SHIPPED_PACK_IDS } from './shipped.js';

const base = `id: mine
version: 1.0.0
title: Mine
basis:
  - cite: our risk analysis
clock:
  start: identified
tiers:
  - id: fast
    days: 5
    description: fast
  - id: slow
    days: 60
    description: slow
rules:
  - id: r1
    tier: fast
    when:
      kev: true
    explain: exploited
  - id: r2
    tier: fast
    when:
      asset.phi: true
    explain: phi
  - id: r3
    tier: fast
    when:
      any:
        - cvss.severity: [critical]
    explain: critical
default:
  id: rest
  tier: slow
  explain: rest
`;

function refusal(text: string): AppError {
  try {
    parsePack(text, 'mine.yaml');
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('parsePack', () => {
  it('accepts a well-formed pack and appends the default rule', () => {
    const p = parsePack(base, 'mine.yaml');
    expect(p.rules.map((r) => [r.id, r.days])).toEqual([
      ['r1', 5],
      ['r2', 5],
      ['r3', 5],
      ['rest', 60],
    ]);
    expect(p.rules.at(-1)?.when).toBeNull();
    expect(p.review).toEqual({ everyMonths: 12 });
    expect(p.digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('digest ignores comments and formatting but not content', () => {
    const a = parsePack(base, 'a.yaml').digest;
    expect(parsePack(`# a comment\n${base}`, 'b.yaml').digest).toBe(a);
    expect(parsePack(base.replace('days: 60', 'days: 61'), 'c.yaml').digest).not.toBe(a);
  });

  it('a YAML syntax error is INPUT_MALFORMED_YAML with line and column', () => {
    const e = refusal(base.replace('    explain: phi', '    explain: [phi'));
    expect(e.code).toBe('INPUT_MALFORMED_YAML');
    expect(e.details.file).toBe('mine.yaml');
    expect(e.details.line).toBeGreaterThan(25);
    expect(e.details.column).toBeGreaterThan(0);
  });

  it('an unknown predicate names its JSON pointer, line and column', () => {
    const e = refusal(base.replace('- cvss.severity: [critical]', '- cvs.severity: [critical]'));
    expect(e.code).toBe('POLICY_INVALID');
    expect(e.details).toMatchObject({
      file: 'mine.yaml',
      pointer: '/rules/2/when/any/0/cvs.severity',
      line: 30,
      column: 11,
    });
    expect(e.details.reason).toMatch(/unknown predicate cvs\.severity/);
    expect(e.describe()).toContain('mine.yaml line 30, column 11 at /rules/2/when/any/0/cvs.severity');
  });

  it('an unknown tier is refused at the rule', () => {
    const e = refusal(
      base.replace(
        '    tier: fast\n    when:\n      asset.phi',
        '    tier: urgent\n    when:\n      asset.phi',
      ),
    );
    expect(e.details).toMatchObject({ pointer: '/rules/1/tier', line: 22 });
    expect(e.details.reason).toBe("unknown tier 'urgent'; this pack defines fast, slow");
    expect(
      refusal(base.replace('  tier: slow\n  explain: rest', '  tier: none\n  explain: rest')).details.pointer,
    ).toBe('/default/tier');
  });

  it('duplicate rule and tier ids are refused, naming the first', () => {
    const dup = refusal(base.replace('id: r2', 'id: r1'));
    expect(dup.details).toMatchObject({
      pointer: '/rules/1/id',
      reason: "duplicate rule id 'r1' (first at /rules/0/id)",
    });
    expect(refusal(base.replace('id: rest', 'id: r3')).details.pointer).toBe('/default/id');
    expect(refusal(base.replace('id: slow', 'id: fast')).details.pointer).toBe('/tiers/1/id');
  });

  it.each([
    ['0', '/tiers/0/days'],
    ['-3', '/tiers/0/days'],
    ['2.5', '/tiers/0/days'],
    ['soon', '/tiers/0/days'],
  ])('days %s is refused', (days, pointer) => {
    const e = refusal(base.replace('days: 5', `days: ${days}`));
    expect(e.details).toMatchObject({ pointer, line: 10 });
    expect(e.details.reason).toMatch(/at least 1, or fix-on-upgrade/);
  });

  it('a rule may override its tier days, but not with 0', () => {
    const p = parsePack(
      base.replace(
        '    tier: fast\n    when:\n      kev',
        '    tier: fast\n    days: 2\n    when:\n      kev',
      ),
      'm',
    );
    expect(p.rules[0]?.days).toBe(2);
    const e = refusal(
      base.replace(
        '    tier: fast\n    when:\n      kev',
        '    tier: fast\n    days: 0\n    when:\n      kev',
      ),
    );
    expect(e.details.pointer).toBe('/rules/0/days');
  });

  it.each([
    [
      'asset.environment: [production]',
      '/rules/1/when/asset.environment/0',
      /'production' is not one of prod, staging, test, dev/,
    ],
    ['asset.phi: yes', '/rules/1/when/asset.phi', /expected true or false/],
    ['cvss.version: [3.1]', '/rules/1/when/cvss.version/0', /quote numbers/],
    ["epss.percentile: { '>=': 90 }", '/rules/1/when/epss.percentile/>=', /from 0 to 1/],
    ['cvss.score: 9', '/rules/1/when/cvss.score', /'>='/],
    ['kev: { is: maybe }', '/rules/1/when/kev/is', /known or unknown/],
    ['kev: { is: unknown, in: [x] }', '/rules/1/when/kev', /cannot be combined/],
    ['cvss.severity: { has: [high] }', '/rules/1/when/cvss.severity/has', /does not apply/],
    ['{ all: [] }', '/rules/1/when/all', /non-empty list/],
    ['{ kev: true, asset.phi: true }', '/rules/1/when', /exactly one key/],
  ])('condition %s is refused at %s', (cond, pointer, reason) => {
    const flow = cond.startsWith('{') ? cond : `{ ${cond} }`;
    const e = refusal(base.replace('    when:\n      asset.phi: true', `    when: ${flow}`));
    expect(e.code).toBe('POLICY_INVALID');
    expect(e.details.pointer).toBe(pointer);
    expect(String(e.details.reason)).toMatch(reason);
  });

  it('refuses unknown keys, bad semver, a rule without when, and a pack without sources', () => {
    expect(
      refusal(base.replace('    explain: exploited', '    explain: exploited\n    note: x')).details,
    ).toMatchObject({
      pointer: '/rules/0/note',
      reason: "unknown key 'note'",
      line: 21,
    });
    expect(refusal(base.replace('    explain: exploited', '    explian: exploited')).details).toMatchObject({
      pointer: '/rules/0/explain',
      reason: 'missing explain',
    });
    expect(refusal(base.replace('version: 1.0.0', 'version: "1.0"')).details.pointer).toBe('/version');
    expect(refusal(base.replace('    when:\n      kev: true\n', '')).details).toMatchObject({
      pointer: '/rules/0/when',
      reason: 'missing when; the unconditional rule is `default`',
    });
    expect(refusal(base.replace('basis:\n  - cite: our risk analysis', 'basis: []')).details.pointer).toBe(
      '/basis',
    );
    expect(
      refusal(base.replace('clock:\n  start: identified', 'clock:\n  start: detected')).details.pointer,
    ).toBe('/clock/start');
  });
});

describe('shipped packs', () => {
  it.each(SHIPPED_PACK_IDS)(
    '%s loads, its id equals its file name, and it ends with a default rule',
    (id) => {
      const p = loadShippedPack(id);
      expect(p.id).toBe(id);
      expect(p.file).toBe(`packs/${id}.yaml`);
      expect(p.rules.at(-1)?.when).toBeNull();
      expect(p.basis.length).toBeGreaterThan(0);
      expect(parsePack(packText(id), 'again').digest).toBe(p.digest);
    },
  );

  it('an unknown shipped pack id is NOT_FOUND', () => {
    expect(() => loadShippedPack('nope')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});
