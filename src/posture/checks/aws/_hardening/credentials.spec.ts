import { describe, expect, it } from 'vitest';
import { unusedFor } from './credentials.js';

const NOW = '2025-01-07T00:00:00Z';

describe('unusedFor', () => {
  it('counts from the last use, or from when the credential was set if never used', () => {
    expect(unusedFor({ used: '2025-01-01T00:00:00+00:00' }, 'used', ['set'], NOW)).toEqual({
      kind: 'age',
      days: 6,
      since: '2025-01-01T00:00:00+00:00',
      basis: 'last used',
    });
    for (const never of [null, 'N/A', 'no_information']) {
      expect(unusedFor({ used: never, set: '2024-12-01T00:00:00Z' }, 'used', ['set'], NOW)).toMatchObject({
        kind: 'age',
        days: 37,
        basis: 'set, never used',
      });
    }
  });
  it('tries the set columns in order and says unknown when none is a date', () => {
    expect(
      unusedFor({ used: null, a: 'N/A', b: '2024-01-07T00:00:00Z' }, 'used', ['a', 'b'], NOW),
    ).toMatchObject({ days: 366 });
    expect(unusedFor({ used: null }, 'used', ['a'], NOW)).toMatchObject({ kind: 'unknown' });
    expect(unusedFor({ used: 'not_supported' }, 'used', ['a'], NOW)).toMatchObject({ kind: 'unknown' });
  });
  it('says missing when the report has no such column', () => {
    expect(unusedFor({}, 'used', ['set'], NOW)).toEqual({ kind: 'missing', column: 'used' });
  });
});
