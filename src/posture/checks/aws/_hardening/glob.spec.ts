import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actionMatches, anyValueProbes, globMatch } from './glob.js';

// A reference matcher built the obvious way: the pattern as an anchored regular expression.
function reference(pattern: string, value: string, ignoreCase: boolean): boolean {
  const source = [...pattern]
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, ignoreCase ? 'is' : 's').test(value);
}

const serviceName = fc.stringMatching(/^[a-z][a-z0-9-]{0,14}$/);
const operation = fc.stringMatching(/^[A-Z][A-Za-z0-9]{0,24}$/);
const action = fc.tuple(serviceName, operation).map(([s, o]) => `${s}:${o}`);
// Small alphabets make wildcards and literals collide often, which is where matchers go wrong.
const smallText = fc.string({ unit: fc.constantFrom('a', 'b', ':', 'A'), maxLength: 12 });
const smallPattern = fc.string({ unit: fc.constantFrom('a', 'b', ':', 'A', '*', '?'), maxLength: 10 });

describe('globMatch / actionMatches', () => {
  it('matches the anchors’ blocked KMS patterns as IAM does', () => {
    expect(actionMatches('kms:*', 'kms:Decrypt')).toBe(true);
    expect(actionMatches('kms:Re*', 'kms:ReEncryptFrom')).toBe(true);
    expect(actionMatches('kms:ReEncrypt*', 'kms:ReEncryptFrom')).toBe(true);
    expect(actionMatches('*', 'kms:Decrypt')).toBe(true);
    expect(actionMatches('KMS:decrypt', 'kms:Decrypt')).toBe(true);
    expect(actionMatches('kms:Describe*', 'kms:Decrypt')).toBe(false);
    expect(actionMatches('kms:Decrypt?', 'kms:Decrypt')).toBe(false);
    expect(actionMatches('kms:D?crypt', 'kms:Decrypt')).toBe(true);
    expect(actionMatches('s3:*', 'kms:Decrypt')).toBe(false);
    expect(globMatch('arn:aws:s3:::Bucket/*', 'arn:aws:s3:::bucket/x')).toBe(false);
  });

  it('needs the star before a literal star in the value to be a wildcard', () => {
    expect(globMatch('*a', '*ba')).toBe(true);
    expect(globMatch('a*', 'a')).toBe(true);
    expect(globMatch('', '')).toBe(true);
    expect(globMatch('?', '')).toBe(false);
  });

  it('agrees with a regular-expression reference on random patterns (property)', () => {
    fc.assert(
      fc.property(smallPattern, smallText, fc.boolean(), (p, v, ic) => {
        expect(globMatch(p, v, ic)).toBe(reference(p, v, ic));
      }),
      { numRuns: 3000 },
    );
  });

  it('matches every action by itself in any letter case, by "*" and by its service wildcard (property)', () => {
    fc.assert(
      fc.property(action, fc.boolean(), (a, upper) => {
        const variant = upper ? a.toUpperCase() : a.toLowerCase();
        expect(actionMatches(variant, a)).toBe(true);
        expect(actionMatches('*', a)).toBe(true);
        expect(actionMatches(`${a.split(':')[0]}:*`, a)).toBe(true);
      }),
    );
  });

  it('a service wildcard never matches another service’s action (property)', () => {
    fc.assert(
      fc.property(serviceName, action, (service, a) => {
        fc.pre(a.split(':')[0] !== service);
        expect(actionMatches(`${service}:*`, a)).toBe(false);
      }),
    );
  });

  it('still matches after any run of the action becomes "*" or any character "?" (property)', () => {
    fc.assert(
      fc.property(action, fc.nat(), fc.nat(), (a, i, j) => {
        const from = i % (a.length + 1);
        const to = from + (j % (a.length - from + 1));
        expect(actionMatches(`${a.slice(0, from)}*${a.slice(to)}`, a)).toBe(true);
        const k = i % a.length;
        expect(actionMatches(`${a.slice(0, k)}?${a.slice(k + 1)}`, a)).toBe(true);
      }),
    );
  });

  it('a pattern without wildcards matches only the same action, ignoring case (property)', () => {
    fc.assert(
      fc.property(action, action, (p, a) => {
        expect(actionMatches(p, a)).toBe(p.toLowerCase() === a.toLowerCase());
      }),
    );
  });
});

describe('anyValueProbes', () => {
  it('fills every hole with short and long stand-ins nobody writes', () => {
    const probes = anyValueProbes('arn:aws:kms:{}:111122223333:key/{}');
    expect(probes).toHaveLength(4);
    expect(probes.every((p) => globMatch('arn:aws:kms:*:111122223333:key/*', p))).toBe(true);
    expect(probes.some((p) => globMatch('arn:aws:kms:?:111122223333:key/*', p))).toBe(true);
    expect(probes.every((p) => globMatch('arn:aws:kms:?:111122223333:key/*', p))).toBe(false);
    expect(probes.every((p) => globMatch('arn:aws:kms:us-east-1:111122223333:key/*', p))).toBe(false);
    expect(anyValueProbes('plain')).toEqual(['plain']);
  });
});
