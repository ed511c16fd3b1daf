/**
 * Round-trip properties: any valid Advisory, written out as an OSV record (with unknown members
 * and the schema's alternative spellings of "empty" mixed in), parses back to itself.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { Advisory, AffectedPackage, AffectedRange, RangeEvent } from '../../core/advisory.js';
import { parseJsonText, parseYamlText } from '../../core/structured-input.js';
import { isPackageless, parseOsvRecord } from './parse-record.js';

const text = fc.string({ unit: 'grapheme', maxLength: 12 });
const nonEmpty = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 });
const list = <T>(item: fc.Arbitrary<T>) => fc.array(item, { maxLength: 3 });

const timestamp = fc
  .tuple(
    fc.date({
      min: new Date('0001-01-01T00:00:00Z'),
      max: new Date('9999-12-31T23:59:59Z'),
      noInvalidDate: true,
    }),
    fc.option(fc.stringMatching(/^\d{1,9}$/), { nil: undefined }),
  )
  .map(([d, fraction]) => `${d.toISOString().slice(0, 19)}${fraction ? `.${fraction}` : ''}Z`);

const severity = fc.record({ type: text, score: text });

// A range the OSV "Requirements" allow: at least one introduced, fixed xor last_affected, GIT has a repo.
const range: fc.Arbitrary<AffectedRange> = fc
  .record({
    type: fc.constantFrom('SEMVER', 'ECOSYSTEM', 'GIT' as const),
    end: fc.constantFrom('fixed', 'last_affected' as const),
    first: nonEmpty,
    rest: list(fc.tuple(fc.constantFrom('introduced', 'end', 'limit' as const), nonEmpty)),
    at: fc.nat(),
    repo: fc.option(nonEmpty, { nil: undefined }),
  })
  .map(({ type, end, first, rest, at, repo }) => {
    const events: RangeEvent[] = rest.map(([kind, v]): RangeEvent => {
      if (kind === 'introduced') return { introduced: v };
      if (kind === 'limit') return { limit: v };
      return end === 'fixed' ? { fixed: v } : { last_affected: v };
    });
    events.splice(at % (events.length + 1), 0, { introduced: first });
    const r: AffectedRange = { type, events };
    const repository = type === 'GIT' ? (repo ?? 'https://example.org/r.git') : repo;
    if (repository !== undefined) r.repo = repository;
    return r;
  });

const affected: fc.Arbitrary<AffectedPackage> = fc
  .record({
    pkg: fc.option(
      fc.record({ ecosystem: nonEmpty, name: nonEmpty, purl: fc.option(text, { nil: undefined }) }),
      {
        nil: undefined,
      },
    ),
    ranges: list(range),
    versions: list(text),
    severity: list(severity),
  })
  .map(({ pkg, ...rest }) => {
    const a: AffectedPackage = { ecosystem: pkg?.ecosystem ?? '', name: pkg?.name ?? '', ...rest };
    if (pkg?.purl !== undefined) a.purl = pkg.purl;
    return a;
  });

const advisory: fc.Arbitrary<Advisory> = fc.record(
  {
    id: nonEmpty,
    modified: timestamp,
    published: timestamp,
    withdrawn: timestamp,
    aliases: list(text),
    related: list(text),
    upstream: list(text),
    summary: text,
    details: text,
    severity: list(severity),
    affected: list(affected),
    sourceSeverity: text,
    references: list(fc.record({ type: text, url: text })),
  },
  {
    requiredKeys: ['id', 'modified', 'aliases', 'related', 'upstream', 'severity', 'affected', 'references'],
  },
);

/** How an empty list is written: `[]`, left out, or `null` where the schema allows it. */
type EmptyStyle = 'array' | 'omit' | 'null';

function toOsv(a: Advisory, empty: EmptyStyle, noise: unknown): Record<string, unknown> {
  const put = (out: Record<string, unknown>, key: string, value: unknown[], nullable: boolean) => {
    if (value.length > 0 || empty === 'array') out[key] = value;
    else if (empty === 'null' && nullable) out[key] = null;
  };
  const { sourceSeverity, aliases, related, upstream, severity, affected, references, ...scalars } = a;
  const out: Record<string, unknown> = { schema_version: '1.7.0', x_noise: noise, ...scalars };
  put(out, 'aliases', aliases, true);
  put(out, 'related', related, false);
  put(out, 'upstream', upstream, false);
  put(out, 'severity', severity, true);
  put(out, 'references', references, true);
  const entries = affected.map((e) => {
    const entry: Record<string, unknown> = { ecosystem_specific: { x: noise } };
    if (!isPackageless(e))
      entry.package = {
        ecosystem: e.ecosystem,
        name: e.name,
        ...(e.purl === undefined ? {} : { purl: e.purl }),
      };
    put(entry, 'ranges', e.ranges, false);
    put(entry, 'versions', e.versions, false);
    put(entry, 'severity', e.severity, true);
    return entry;
  });
  put(out, 'affected', entries, true);
  out.database_specific = sourceSeverity === undefined ? { other: noise } : { severity: sourceSeverity };
  return out;
}

const cases = fc.tuple(
  advisory,
  fc.constantFrom<EmptyStyle>('array', 'omit', 'null'),
  fc.jsonValue({ maxDepth: 2 }),
);

describe('parseOsvRecord round trip', () => {
  it('JSON: serialise → parse gives back every field we keep', () => {
    fc.assert(
      fc.property(cases, ([a, empty, noise]) => {
        const json = JSON.stringify(toOsv(a, empty, noise));
        expect(parseOsvRecord(parseJsonText(json, 'p.json'), 'p.json')).toEqual(a);
      }),
      { numRuns: 300 },
    );
  });

  it('YAML (PyPA storage form): serialise → parse gives back every field we keep', () => {
    fc.assert(
      fc.property(cases, ([a, empty, noise]) => {
        const yaml = stringify(toOsv(a, empty, noise));
        expect(parseOsvRecord(parseYamlText(yaml, 'p.yaml'), 'p.yaml')).toEqual(a);
      }),
      { numRuns: 200 },
    );
  });
});
