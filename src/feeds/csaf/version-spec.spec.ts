import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  containsVersion,
  describeSpec,
  parseExactVersion,
  parseVers,
  parseVersionRange,
} from './version-spec.js';

describe('parseVersionRange (product_version_range names as CISA writes them)', () => {
  it.each([
    ['<= 9.33', '<=9.33'],
    ['< B.06.18', '<B.06.18'],
    ['<12.2.8.410', '<12.2.8.410'],
    ['>= 1.0.0  | <= 1.3.1', '>=1.0.0 | <=1.3.1'],
    ['>= 2.0', '>=2.0'],
    ['>=BT02 | <= BT06', '>=BT02 | <=BT06'],
    ['3.0|3.1', '3.0 | 3.1'], // no comparator = equality (vers)
    ['vers:all/*', 'all versions'],
    ['vers:all/<V4.2', '<V4.2'], // ICSA-24-256-07
    ['vers:generic/>=1.0|<2.0|!=1.5', '>=1.0 | !=1.5 | <2.0'],
    ['<= 12.2.x.x', '<12.3'], // every 12.2.* (ICSMA-20-343-01)
    ['<= 11.x', '<12'],
    ['>= 3.x', '>=3'],
  ])('%j → %s', (text, want) => {
    const spec = parseVersionRange(text);
    expect(spec.kind).not.toBe('unparsed');
    expect(describeSpec(spec)).toBe(want);
    expect(spec.text).toBe(text.trim());
  });

  it.each([
    ['<  july 1 2017', 'is not a comparator and version'],
    ['<8/30/2024', 'is not a comparator and version'],
    ['<= 1.54 (integrated into GE MobileLink)', 'is not a comparator and version'],
    ['<= U61 |<= L81', 'range bounds do not alternate'],
    ['>= 2.4 | <= 2.4A', 'are not comparable'],
    ['vers:npm/<1.0.0', 'vers scheme "npm" is not compared here'],
    ['<= K', 'is not a comparator and version'],
    ['< 3.x', 'is not a comparator and version'], // below 3.0 or below 3.9? not guessed
  ])('%j is unparsed: …%s', (text, reason) => {
    const spec = parseVersionRange(text);
    expect(spec.kind).toBe('unparsed');
    if (spec.kind === 'unparsed') expect(spec.reason).toContain(reason);
  });
});

describe('parseExactVersion (product_version names)', () => {
  it('reads one version, a | list, a wildcard and vers:all/*', () => {
    expect(parseExactVersion('9.7')).toEqual({ kind: 'exact', versions: ['9.7'], text: '9.7' });
    expect(describeSpec(parseExactVersion('9.13 | 9.19 | 9.33 | 12.1'))).toBe('9.13 | 9.19 | 9.33 | 12.1');
    expect(parseExactVersion('14.1.x')).toMatchObject({ kind: 'prefix', prefix: '14.1' });
    expect(parseExactVersion('5.x.x')).toMatchObject({ kind: 'prefix', prefix: '5' });
    expect(parseExactVersion('vers:all/*').kind).toBe('all');
    expect(parseExactVersion('2nd Edition').kind).toBe('unparsed');
    expect(parseExactVersion('v8.x model 35700BAX2').kind).toBe('unparsed');
  });
});

describe('containsVersion', () => {
  const range = (t: string) => parseVersionRange(t);
  it.each([
    ['<= 9.33', '9.33', 'in'],
    ['<= 9.33', '9.33.0', 'in'],
    ['<= 9.33', '9.33.1', 'out'],
    ['<= 9.33', '9.34', 'out'],
    ['< B.06.18', 'B.06.17', 'in'],
    ['< B.06.18', 'B.06.18', 'out'],
    ['>= 1.0.0 | <= 1.3.1', '1.3.1', 'in'],
    ['>= 1.0.0 | <= 1.3.1', '0.9', 'out'],
    ['>= 1.0 | <= 1.2 | >= 2.0 | <= 2.2', '1.5', 'out'], // two intervals (VERSION-RANGE-SPEC)
    ['>= 1.0 | <= 1.2 | >= 2.0 | <= 2.2', '2.1', 'in'],
    ['vers:generic/>=1.0|<2.0|!=1.5', '1.5', 'out'],
    ['vers:all/*', 'anything at all', 'in'],
    ['<= 12.2.x.x', '12.2.99.1', 'in'],
    ['<= 12.2.x.x', '12.3', 'out'],
  ])('%j contains %s: %s', (spec, v, want) => {
    expect(containsVersion(range(spec), v).kind).toBe(want);
  });

  it('says exact for a listed version, range for an interval', () => {
    expect(containsVersion(parseExactVersion('9.13 | 9.19'), '9.19')).toEqual({
      kind: 'in',
      confidence: 'exact',
    });
    expect(containsVersion(parseExactVersion('1.6'), '1.6.0')).toEqual({ kind: 'in', confidence: 'exact' });
    expect(containsVersion(range('<= 9.33'), '9.19')).toEqual({ kind: 'in', confidence: 'range' });
    expect(containsVersion(parseExactVersion('12.x'), '12.4.1')).toEqual({ kind: 'in', confidence: 'range' });
    expect(containsVersion(parseExactVersion('12.x'), '13.0').kind).toBe('out');
  });

  it('is unknown, with the reason, when no order can be established', () => {
    expect(containsVersion(range('<  july 1 2017'), '1.0')).toMatchObject({ kind: 'unknown' });
    expect(containsVersion(range('<= 9.33'), undefined)).toEqual({
      kind: 'unknown',
      reason: 'the device has no version',
    });
    expect(containsVersion(range('<= 2.4'), '2.4A')).toMatchObject({
      kind: 'unknown',
      reason: 'device version "2.4A" and "2.4" are not comparable',
    });
    expect(containsVersion(range('<= 9.33'), 'Build 7')).toMatchObject({ kind: 'unknown' });
  });
});

describe('properties', () => {
  const dotted = fc.array(fc.nat({ max: 999 }), { minLength: 1, maxLength: 4 }).map((xs) => xs.join('.'));
  const bump = (v: string) => {
    const xs = v.split('.').map(Number);
    xs[xs.length - 1] = (xs[xs.length - 1] ?? 0) + 1;
    return xs.join('.');
  };

  it('"<= X" contains X and not X+1; "< X" contains neither X nor X+1', () => {
    fc.assert(
      fc.property(dotted, (x) => {
        const le = parseVersionRange(`<= ${x}`);
        const lt = parseVersionRange(`< ${x}`);
        return (
          containsVersion(le, x).kind === 'in' &&
          containsVersion(le, bump(x)).kind === 'out' &&
          containsVersion(lt, x).kind === 'out' &&
          containsVersion(lt, bump(x)).kind === 'out'
        );
      }),
    );
  });

  it('">= A | <= B" contains exactly the versions between A and B', () => {
    fc.assert(
      fc.property(dotted, dotted, dotted, (a, b, v) => {
        const spec = parseVersionRange(`>= ${a} | <= ${b}`);
        const key = (s: string) => s.split('.').map(Number);
        const cmp = (p: string, q: string) => {
          const [x, y] = [key(p), key(q)];
          for (let i = 0; i < Math.max(x.length, y.length); i++) {
            const d = (x[i] ?? 0) - (y[i] ?? 0);
            if (d) return Math.sign(d);
          }
          return 0;
        };
        if (cmp(a, b) > 0) return spec.kind === 'unparsed' || containsVersion(spec, v).kind !== 'unknown';
        const want = cmp(a, v) <= 0 && cmp(v, b) <= 0 ? 'in' : 'out';
        return containsVersion(spec, v).kind === want;
      }),
    );
  });

  it('parseVers of a generated constraint list never throws and keeps the text', () => {
    const op = fc.constantFrom('<', '<=', '>', '>=', '=', '!=', '');
    fc.assert(
      fc.property(fc.array(fc.tuple(op, dotted), { minLength: 1, maxLength: 4 }), (cs) => {
        const text = `vers:generic/${cs.map(([o, v]) => `${o}${v}`).join('|')}`;
        return parseVers(text).text === text;
      }),
    );
  });
});
