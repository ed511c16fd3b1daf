import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareTimestamps, keepLatest, type SourcedAdvisory } from './dedupe.js';

const record = (id: string, modified: string, file: string): SourcedAdvisory => ({
  advisory: {
    id,
    modified,
    aliases: [],
    related: [],
    upstream: [],
    severity: [],
    affected: [],
    references: [],
  },
  source: { file, sha256: '' },
});

describe('compareTimestamps', () => {
  it('orders fractions of any length as decimals, beyond Date millisecond precision', () => {
    expect(compareTimestamps('2024-01-01T00:00:00.5Z', '2024-01-01T00:00:00.45Z')).toBe(1);
    expect(compareTimestamps('2024-01-01T00:00:00.5Z', '2024-01-01T00:00:00.500Z')).toBe(0);
    expect(compareTimestamps('2024-01-01T00:00:00.0001Z', '2024-01-01T00:00:00.0002Z')).toBe(-1);
    expect(compareTimestamps('2024-01-01T00:00:00Z', '2024-01-01T00:00:00.000001Z')).toBe(-1);
    expect(compareTimestamps('0001-01-01T00:00:00Z', '2026-08-18T20:22:32Z')).toBe(-1);
  });

  it('agrees with Date on millisecond timestamps and is antisymmetric', () => {
    const ts = fc
      .date({
        min: new Date('0001-01-01T00:00:00Z'),
        max: new Date('9999-12-31T23:59:59Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString());
    fc.assert(
      fc.property(ts, ts, (a, b) => {
        expect(compareTimestamps(a, b)).toBe(Math.sign(Date.parse(a) - Date.parse(b)) || 0);
        expect(compareTimestamps(b, a)).toBe(-compareTimestamps(a, b) || 0);
      }),
    );
  });
});

describe('keepLatest', () => {
  it('keeps one record per id and reports every other copy once', () => {
    const { records, duplicates } = keepLatest([
      record('A', '2024-01-02T00:00:00Z', 'a1'),
      record('B', '2024-01-01T00:00:00Z', 'b1'),
      record('A', '2024-01-03T00:00:00Z', 'a2'),
      record('A', '2024-01-01T00:00:00Z', 'a3'),
    ]);
    expect(records.map((r) => r.source.file)).toEqual(['b1', 'a2']);
    expect(duplicates).toEqual([
      { file: 'a1', reason: 'duplicate id A (kept a2)' },
      { file: 'a3', reason: 'duplicate id A (kept a2)' },
    ]);
  });
});
