import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.js';
import { isPackageless, parseOsvRecord } from './parse-record.js';

const base = { id: 'GHSA-aaaa-bbbb-cccc', modified: '2024-01-01T00:00:00Z' };

/** A record whose first affected entry has the given ranges. */
function withRanges(ranges: unknown[]): Record<string, unknown> {
  return { ...base, affected: [{ package: { ecosystem: 'npm', name: 'x' }, ranges }] };
}

function schemaError(value: unknown): AppError {
  try {
    parseOsvRecord(value, 'rec.json');
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    const e = err as AppError;
    expect(e.code).toBe('INPUT_SCHEMA');
    expect(e.details.file).toBe('rec.json');
    return e;
  }
  throw new Error('expected parseOsvRecord to throw');
}

describe('parseOsvRecord: mapping', () => {
  it('defaults missing arrays to [] and leaves absent optional members out', () => {
    const a = parseOsvRecord(base, 'rec.json');
    expect(a).toEqual({
      ...base,
      aliases: [],
      related: [],
      upstream: [],
      severity: [],
      affected: [],
      references: [],
    });
    expect(Object.keys(a)).not.toContain('published');
    expect(Object.keys(a)).not.toContain('sourceSeverity');
  });

  it('treats null where the schema allows it (Go nil slices) as empty', () => {
    const a = parseOsvRecord(
      { ...base, aliases: null, affected: null, references: null, severity: null },
      'r',
    );
    expect(a.aliases).toEqual([]);
    expect(a.affected).toEqual([]);
  });

  it('ignores unknown members at every level', () => {
    const a = parseOsvRecord(
      {
        ...base,
        schema_version: '9.9.9',
        credits: [{ name: 'x' }],
        future_field: { anything: true },
        affected: [
          {
            package: { ecosystem: 'PyPI', name: 'django', purl: 'pkg:pypi/django', extra: 1 },
            ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0', note: 'kept out' }], extra: 2 }],
            ecosystem_specific: { imports: [] },
            database_specific: { source: 'x' },
          },
        ],
      },
      'r',
    );
    expect(a).not.toHaveProperty('schema_version');
    expect(a.affected[0]).toEqual({
      ecosystem: 'PyPI',
      name: 'django',
      purl: 'pkg:pypi/django',
      ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }] }],
      versions: [],
      severity: [],
    });
  });

  it('keeps the GHSA label from database_specific.severity and ignores non-string values', () => {
    expect(parseOsvRecord({ ...base, database_specific: { severity: 'HIGH' } }, 'r').sourceSeverity).toBe(
      'HIGH',
    );
    const odd = parseOsvRecord({ ...base, database_specific: { severity: { score: 7 } } }, 'r');
    expect(odd).not.toHaveProperty('sourceSeverity');
    const none = parseOsvRecord({ ...base, database_specific: { source: 'https://example.org' } }, 'r');
    expect(none).not.toHaveProperty('sourceSeverity');
  });

  it('maps an entry without package to ecosystem and name "" that no real package can have', () => {
    const a = parseOsvRecord(
      {
        ...base,
        affected: [
          {
            ranges: [
              { type: 'GIT', repo: 'https://github.com/python/cpython', events: [{ introduced: '0' }] },
            ],
          },
        ],
      },
      'r',
    );
    const [entry] = a.affected;
    expect(entry).toMatchObject({ ecosystem: '', name: '' });
    expect(entry && isPackageless(entry)).toBe(true);
    // The reservation: a present package with an empty name or ecosystem is refused.
    const e = schemaError({ ...base, affected: [{ package: { ecosystem: 'npm', name: '' } }] });
    expect(e.details.pointer).toBe('/affected/0/package/name');
    expect(
      schemaError({ ...base, affected: [{ package: { ecosystem: '', name: 'x' } }] }).details.pointer,
    ).toBe('/affected/0/package/ecosystem');
  });

  it('keeps event order and every event kind', () => {
    const events = [{ introduced: '0' }, { limit: '*' }, { introduced: '2.0.0' }, { last_affected: '2.1.0' }];
    const a = parseOsvRecord(withRanges([{ type: 'SEMVER', events }]), 'r');
    expect(a.affected[0]?.ranges[0]?.events).toEqual(events);
  });
});

describe('parseOsvRecord: errors carry the JSON pointer', () => {
  it('wrong type: affected is an object', () => {
    const e = schemaError({ ...base, affected: {} });
    expect(e.details.pointer).toBe('/affected');
    expect(e.details.reason).toMatch(/expected array/);
  });

  it('a document that is not an object', () => {
    expect(schemaError([base]).details.pointer).toBe('');
    expect(schemaError(null).details.pointer).toBe('');
  });

  it('missing id or modified, malformed timestamps', () => {
    expect(schemaError({ modified: base.modified }).details.pointer).toBe('/id');
    expect(schemaError({ id: 'X-1' }).details.pointer).toBe('/modified');
    expect(schemaError({ ...base, modified: '2024-01-01 00:00:00' }).details.pointer).toBe('/modified');
    expect(schemaError({ ...base, withdrawn: '2024-01-01T00:00:00+01:00' }).details.pointer).toBe(
      '/withdrawn',
    );
  });

  it('an event with two keys names the event', () => {
    const ok = { type: 'SEMVER', events: [{ introduced: '0' }] };
    const bad = {
      type: 'SEMVER',
      events: [{ introduced: '0' }, { fixed: '1' }, { introduced: '2', fixed: '3' }],
    };
    const e = schemaError(withRanges([ok, bad]));
    expect(e.details.pointer).toBe('/affected/0/ranges/1/events/2');
    expect(e.details.reason).toMatch(/exactly one of .*found introduced and fixed/);
    expect(e.describe()).toContain('at /affected/0/ranges/1/events/2');
  });

  it('an event with no known key (a typo) names the event', () => {
    const e = schemaError(withRanges([{ type: 'SEMVER', events: [{ introduced: '0' }, { fix: '1' }] }]));
    expect(e.details.pointer).toBe('/affected/0/ranges/0/events/1');
    expect(e.details.reason).toMatch(/found none/);
  });

  it('an empty version string', () => {
    const e = schemaError(withRanges([{ type: 'SEMVER', events: [{ introduced: '' }] }]));
    expect(e.details.pointer).toBe('/affected/0/ranges/0/events/0/introduced');
  });

  it('unknown range type', () => {
    const e = schemaError(withRanges([{ type: 'SEMVER2', events: [{ introduced: '0' }] }]));
    expect(e.details.pointer).toBe('/affected/0/ranges/0/type');
    expect(e.details.reason).toMatch(/GIT/);
  });

  it('GIT range without repo', () => {
    const e = schemaError(withRanges([{ type: 'GIT', events: [{ introduced: '0' }] }]));
    expect(e.details.pointer).toBe('/affected/0/ranges/0');
    expect(e.details.reason).toMatch(/repo/);
  });

  it('range without introduced, and empty events', () => {
    const e = schemaError(withRanges([{ type: 'ECOSYSTEM', events: [{ fixed: '1.0' }] }]));
    expect(e.details.pointer).toBe('/affected/0/ranges/0/events');
    expect(e.details.reason).toMatch(/introduced/);
    expect(schemaError(withRanges([{ type: 'ECOSYSTEM', events: [] }])).details.pointer).toBe(
      '/affected/0/ranges/0/events',
    );
  });

  it('fixed and last_affected in one range', () => {
    const events = [{ introduced: '0' }, { fixed: '1.0' }, { last_affected: '0.9' }];
    const e = schemaError(withRanges([{ type: 'ECOSYSTEM', events }]));
    expect(e.details.pointer).toBe('/affected/0/ranges/0/events');
    expect(e.details.reason).toMatch(/not both/);
  });

  it('free-form objects must still be objects (database_specific, ecosystem_specific)', () => {
    expect(schemaError({ ...base, database_specific: [] }).details.pointer).toBe('/database_specific');
    const e = schemaError({ ...base, affected: [{ ecosystem_specific: 'x' }] });
    expect(e.details.pointer).toBe('/affected/0/ecosystem_specific');
  });
});
