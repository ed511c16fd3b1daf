import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareGeneric, compareGenericText, parseGeneric } from './generic-version.js';

describe('parseGeneric', () => {
  it.each([
    '9.33',
    'B.06.18',
    'R4.1L1',
    'V2.60',
    '012U000040',
    '2023.3_Build_9342',
    '5.17.1-754993421',
    'GEH-1.1',
  ])('reads %s', (v) => expect(parseGeneric(v)).not.toBeNull());
  it.each([
    '',
    'K',
    'all',
    '2nd Edition',
    '1.8.4 Service Pack 01',
    '8/30/2024',
    '12.x',
    '5.x.x',
    '*',
    '(1.0)',
  ])('rejects %j (no digit, a space, a date, a wildcard)', (v) => expect(parseGeneric(v)).toBeNull());
});

describe('compareGenericText', () => {
  it.each([
    ['9.33', '9.5', 1], // digit runs are integers: 33 > 5 (BD numbers 9.5 < 9.7 < 9.19 < 9.33)
    ['9.33', '9.33.0', 0],
    ['9.33', '9.33.1', -1],
    ['1.6.0', '1.6', 0],
    ['B.06.17', 'B.06.18', -1],
    ['b.06.18', 'B.06.18', 0],
    ['V2.60', '2.60', 0],
    ['1.0-1', '1.0.1', 0],
    ['C.03', 'B.12', 1],
    ['9007199254740993', '9007199254740992', 1], // exact beyond 2^53
  ] as const)('%s vs %s → %i', (a, b, want) => {
    expect(compareGenericText(a, b)).toBe(want);
    expect(compareGenericText(b, a)).toBe(-want || 0);
  });

  it.each([
    ['2.4', '2.4A'], // a suffix may be a pre-release or a patch
    ['12', 'R12'],
    ['1.0', '1.0.0A'],
    ['K', '1.0'],
  ])('%s vs %s is incomparable (null), never guessed', (a, b) => {
    expect(compareGenericText(a, b)).toBeNull();
    expect(compareGenericText(b, a)).toBeNull();
  });
});

describe('properties', () => {
  const dotted = fc.array(fc.nat({ max: 400 }), { minLength: 1, maxLength: 5 });
  const text = (xs: number[]) => xs.join('.');
  // Reference order on numeric dotted versions: component-wise with missing components as 0.
  const ref = (a: number[], b: number[]) => {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const d = (a[i] ?? 0) - (b[i] ?? 0);
      if (d !== 0) return Math.sign(d);
    }
    return 0;
  };

  it('numeric dotted versions order as integer tuples (zero-padded)', () => {
    fc.assert(fc.property(dotted, dotted, (a, b) => compareGenericText(text(a), text(b)) === ref(a, b)));
  });

  it('is antisymmetric on any two parsed versions', () => {
    const v = fc.stringMatching(/^[vV]?[0-9A-Za-z]{1,4}([._-][0-9A-Za-z]{1,4}){0,3}$/);
    fc.assert(
      fc.property(v, v, (a, b) => {
        const x = parseGeneric(a);
        const y = parseGeneric(b);
        if (!x || !y) return true;
        const ab = compareGeneric(x, y);
        const ba = compareGeneric(y, x);
        return ab === null ? ba === null : ba === (-ab || 0);
      }),
    );
  });

  it('is transitive on numeric dotted versions', () => {
    fc.assert(
      fc.property(dotted, dotted, dotted, (a, b, c) => {
        const [x, y, z] = [a, b, c].map(text) as [string, string, string];
        if ((compareGenericText(x, y) ?? 1) <= 0 && (compareGenericText(y, z) ?? 1) <= 0) {
          return (compareGenericText(x, z) ?? 1) <= 0;
        }
        return true;
      }),
    );
  });
});
