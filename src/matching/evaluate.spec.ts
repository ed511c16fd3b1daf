import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AffectedPackage, RangeEvent } from '../core/advisory.js';
import { go } from '../versioning/go/index.js';
import { npm } from '../versioning/npm/index.js';
import { pypi } from '../versioning/pypi/index.js';
import { rpm } from '../versioning/rpm/index.js';
import { evaluateAffected } from './evaluate.js';

function pkg(events: RangeEvent[], extra: Partial<AffectedPackage> = {}): AffectedPackage {
  return {
    ecosystem: 'npm',
    name: 'x',
    ranges: [{ type: 'ECOSYSTEM', events }],
    versions: [],
    severity: [],
    ...extra,
  };
}

const check = (p: AffectedPackage, v: string) => evaluateAffected(p, v, npm, npm);

describe('evaluateAffected (OSV "Evaluation")', () => {
  it('treats fixed as exclusive and introduced as inclusive', () => {
    const p = pkg([{ introduced: '1.0.0' }, { fixed: '1.4.2' }]);
    expect(check(p, '0.9.9')).toEqual({ affected: false });
    expect(check(p, '1.0.0')).toEqual({ affected: true, fixed: '1.4.2', via: 'range' });
    expect(check(p, '1.4.1')).toMatchObject({ affected: true });
    expect(check(p, '1.4.2')).toEqual({ affected: false });
  });

  it('treats introduced "0" as below every version and last_affected as inclusive', () => {
    const p = pkg([{ introduced: '0' }, { last_affected: '2.0.0' }]);
    expect(check(p, '0.0.1')).toEqual({ affected: true, fixed: null, via: 'range' });
    expect(check(p, '2.0.0')).toMatchObject({ affected: true });
    expect(check(p, '2.0.1')).toEqual({ affected: false });
  });

  it('handles several introduced/fixed pairs in one range and reports the next fix', () => {
    const p = pkg([{ introduced: '1.0.0' }, { fixed: '1.5.0' }, { introduced: '2.0.0' }, { fixed: '2.5.0' }]);
    expect(check(p, '1.7.0')).toEqual({ affected: false });
    expect(check(p, '2.1.0')).toEqual({ affected: true, fixed: '2.5.0', via: 'range' });
    expect(check(p, '1.1.0')).toMatchObject({ fixed: '1.5.0' });
  });

  it('sorts events by version, not by their order in the record', () => {
    const p = pkg([{ fixed: '2.5.0' }, { introduced: '2.0.0' }, { fixed: '1.5.0' }, { introduced: '1.0.0' }]);
    expect(check(p, '2.1.0')).toMatchObject({ affected: true, fixed: '2.5.0' });
    expect(check(p, '1.6.0')).toEqual({ affected: false });
  });

  it('caps a range at its limit', () => {
    const p = pkg([{ introduced: '0' }, { limit: '3.0.0' }]);
    expect(check(p, '2.9.9')).toMatchObject({ affected: true });
    expect(check(p, '3.0.0')).toEqual({ affected: false });
  });

  it('matches versions[] exactly, also for GIT-only records', () => {
    const p = pkg([], {
      ranges: [{ type: 'GIT', repo: 'https://example.invalid/r', events: [{ introduced: 'abc' }] }],
      versions: ['1.2.3'],
    });
    expect(check(p, '1.2.3')).toEqual({ affected: true, fixed: null, via: 'versions' });
    expect(check(p, '1.2.4')).toEqual({ affected: false });
  });

  it('uses the ecosystem order: PEP 440 pre-releases sort below the release', () => {
    const p = pkg([{ introduced: '0' }, { fixed: '2.0' }], { ecosystem: 'PyPI' });
    expect(evaluateAffected(p, '2.0rc1', pypi, npm)).toMatchObject({ affected: true });
    expect(evaluateAffected(p, '2.0.post1', pypi, npm)).toEqual({ affected: false });
  });

  it('orders Go pseudo-versions in SEMVER ranges', () => {
    const p = pkg([{ introduced: '0' }, { fixed: '0.0.0-20220315000000-aaaaaaaaaaaa' }], {
      ecosystem: 'Go',
      ranges: [
        { type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '0.0.0-20220315000000-aaaaaaaaaaaa' }] },
      ],
    });
    expect(evaluateAffected(p, '0.0.0-20210101000000-bbbbbbbbbbbb', go, go)).toMatchObject({
      affected: true,
    });
    expect(evaluateAffected(p, '0.1.0', go, go)).toEqual({ affected: false });
  });

  it('assumes the advisory epoch for an rpm without one (grype auto), and says so', () => {
    const p = pkg([{ introduced: '0' }, { fixed: '1:1.0.2k-19.el7' }], { ecosystem: 'AlmaLinux:8' });
    // rpm -qa often prints no epoch: read as 0, 1.0.2k-16 would sort below every 1: fix (affected
    // forever); with the advisory's epoch it is compared on version-release.
    expect(evaluateAffected(p, '1.0.2k-16.el7', rpm, npm)).toEqual({
      affected: true,
      fixed: '1:1.0.2k-19.el7',
      via: 'range',
      epochAssumed: true,
    });
    expect(evaluateAffected(p, '1.0.2k-19.el7', rpm, npm)).toEqual({ affected: false, epochAssumed: true });
    expect(evaluateAffected(p, '1.0.2k-19.el7', rpm, npm, 'zero')).toMatchObject({ affected: true });
  });

  it('throws VERSION_INVALID rather than guessing when a version cannot be ordered', () => {
    const p = pkg([{ introduced: '0' }, { fixed: '1.0.0' }]);
    expect(() => check(p, 'not-a-version')).toThrow(expect.objectContaining({ code: 'VERSION_INVALID' }));
  });

  it('agrees with a ≤ v < b for any introduced a < fixed b', () => {
    const ver = fc.tuple(fc.nat(20), fc.nat(20), fc.nat(20)).map((t) => t.join('.'));
    fc.assert(
      fc.property(ver, ver, ver, (a, b, v) => {
        fc.pre(npm.compare(npm.parse(a)!, npm.parse(b)!) < 0);
        const p = pkg([{ introduced: a }, { fixed: b }]);
        const expected =
          npm.compare(npm.parse(v)!, npm.parse(a)!) >= 0 && npm.compare(npm.parse(v)!, npm.parse(b)!) < 0;
        expect(check(p, v).affected).toBe(expected);
      }),
    );
  });
});
