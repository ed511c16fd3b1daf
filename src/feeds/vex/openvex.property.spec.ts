/**
 * Round trip: any set of statements written out as an OpenVEX document — in any of the equivalent
 * spellings (purl in `@id` or in `identifiers`, 0.0.x string products, inherited or explicit
 * timestamps), through JSON text — reads back as the same statements.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseVexText } from './read-vex.js';
import { VEX_STATUSES, type VexProduct, type VexStatement } from './types.js';
import { type ProductSpelling, writeOpenVex } from './vex-data.test-helpers.js';

const FILE = 'generated.openvex.json';
const token = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/);
const text = fc.string({ unit: 'grapheme', maxLength: 20 });
const version = fc.stringMatching(/^[0-9]{1,3}(\.[0-9]{1,3}){0,2}$/);

// Purls packageurl-js accepts: types without mandatory namespaces, or with one supplied.
const purl = fc
  .tuple(
    fc.constantFrom(
      'npm',
      'pypi',
      'cargo',
      'gem',
      'generic',
      'apk/alpine',
      'deb/debian',
      'maven/org.example',
    ),
    token,
    fc.option(version, { nil: undefined }),
  )
  .map(([type, name, v]) => `pkg:${type}/${name}${v === undefined ? '' : `@${v}`}`);
const cpe = fc.tuple(token, token, version).map(([v, p, ver]) => `cpe:2.3:a:${v}:${p}:${ver}:*:*:*:*:*:*:*`);
// A non-purl `@id` (an IRI), so the reader keeps it as `id`.
const iri = token.map((t) => `https://example.com/product/${t}`);

const identity = fc
  .record({
    purl: fc.option(purl, { nil: undefined }),
    cpe: fc.option(cpe, { nil: undefined }),
    id: fc.option(iri, { nil: undefined }),
  })
  .filter((p) => p.purl !== undefined || p.cpe !== undefined || p.id !== undefined)
  .map((p) => Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)) as VexProduct);

const product: fc.Arbitrary<VexProduct> = fc
  .tuple(identity, fc.option(fc.array(identity, { minLength: 1, maxLength: 3 }), { nil: undefined }))
  .map(([p, subs]) => (subs ? { ...p, subcomponents: subs } : p));

const vulnId = fc.oneof(
  fc.stringMatching(/^CVE-20[0-9]{2}-[0-9]{4,6}$/),
  fc.stringMatching(/^GHSA(-[23456789cfghjmpqrvwx]{4}){3}$/),
);
const timestamp = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true })
  .map((d) => d.toISOString());

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const statementBody = fc.record({
  vulnerability: vulnId,
  aliases: fc.uniqueArray(vulnId, { maxLength: 3 }),
  products: fc.array(product, { minLength: 1, maxLength: 3 }),
  status: fc.constantFrom(...VEX_STATUSES),
  justification: optional(fc.constantFrom('component_not_present', 'vulnerable_code_not_present')),
  impactStatement: optional(text),
  actionStatement: optional(text),
  detail: optional(text),
  timestamp: optional(timestamp),
});

const documentArb = fc.record({
  author: optional(text),
  timestamp: optional(timestamp),
  statements: fc.array(statementBody, { maxLength: 5 }),
  spellings: fc.array(fc.record({ purlAsId: fc.boolean(), asString: fc.boolean() }), {
    minLength: 1,
    maxLength: 8,
  }),
  omitTimestamp: fc.boolean(),
});

describe('OpenVEX round trip (property)', () => {
  it('generated statements → OpenVEX JSON → the same statements', () => {
    fc.assert(
      fc.property(documentArb, ({ author, timestamp: docTime, statements, spellings, omitTimestamp }) => {
        const expected: VexStatement[] = statements.map((s, i) => {
          const out: VexStatement = {
            vulnerability: s.vulnerability,
            aliases: s.aliases.filter((a) => a !== s.vulnerability),
            products: s.products,
            status: s.status,
            source: { file: FILE, format: 'openvex', pointer: `/statements/${i}`, status: s.status },
          };
          for (const key of ['justification', 'impactStatement', 'actionStatement', 'detail'] as const) {
            const v = s[key];
            if (v !== undefined) out[key] = v;
          }
          // A statement without its own timestamp inherits the document's (spec "Inheritance").
          const time = s.timestamp ?? docTime;
          if (time !== undefined) out.timestamp = time;
          if (author !== undefined) out.author = author;
          return out;
        });
        let n = 0;
        const spell = (): ProductSpelling => spellings[n++ % spellings.length] as ProductSpelling;
        const doc = writeOpenVex(
          expected,
          {
            ...(author === undefined ? {} : { author }),
            ...(docTime === undefined ? {} : { timestamp: docTime }),
          },
          spell,
          omitTimestamp,
        );
        const read = parseVexText(JSON.stringify(doc, null, 2), FILE);
        expect(read.format).toBe('openvex');
        expect(read.rejected).toEqual([]);
        expect(read.statements).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
