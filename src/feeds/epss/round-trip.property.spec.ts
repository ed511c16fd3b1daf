/**
 * Properties: random score rows written in both layouts (official `,` with the comment and header,
 * EMBA `;` bare), as text and as gzip cut into random chunks, read back to the same scores with
 * the text of every number kept exactly.
 */
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEpssStream, parseEpssText } from './index.js';

// A decimal in [0, 1] as FIRST or a CSV writer might print it: 9-place fixed (`0.000430000`),
// short (`0.5`), the bounds (`0`, `1`, `1.000000000`), or exponent form (`5e-05`).
const unitText = fc.oneof(
  fc.integer({ min: 0, max: 1_000_000_000 }).map((n) => (n / 1e9).toFixed(9)),
  fc.integer({ min: 0, max: 99_999 }).map((n) => `0.${String(n).padStart(5, '0')}`),
  fc.constantFrom('0', '1', '1.0', '1.000000000', '0.0'),
  fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 })).map(([m, e]) => `${m}e-0${e}`),
);

const cveId = fc
  .tuple(fc.integer({ min: 1999, max: 2030 }), fc.integer({ min: 1, max: 9_999_999 }))
  .map(([y, n]) => `CVE-${y}-${String(n).padStart(4, '0')}`);

const rowsArb = fc.uniqueArray(fc.tuple(cveId, unitText, unitText), {
  minLength: 1,
  maxLength: 60,
  selector: ([cve]) => cve,
});

function official(rows: Array<[string, string, string]>, crlf: boolean): string {
  const eol = crlf ? '\r\n' : '\n';
  const lines = ['#model_version:v2025.03.14,score_date:2025-06-01T12:55:00+0000', 'cve,epss,percentile'];
  return [...lines, ...rows.map((r) => r.join(','))].join(eol) + eol;
}

function semicolon(rows: Array<[string, string, string]>): string {
  return rows.map((r) => `${r.join(';')}\n`).join('');
}

// Cut bytes at the given fractions, so lines (and UTF-8) straddle chunk boundaries.
function chunked(bytes: Buffer, cuts: number[]): Buffer[] {
  const at = [...new Set(cuts.map((c) => Math.floor(c * bytes.length)))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let prev = 0;
  for (const c of [...at, bytes.length]) {
    out.push(bytes.subarray(prev, c));
    prev = c;
  }
  return out;
}

describe('EPSS round trip', () => {
  it('both layouts parse back to the rows written, text exact, numbers = Number(text)', () => {
    fc.assert(
      fc.property(rowsArb, fc.boolean(), (rows, crlf) => {
        const a = parseEpssText(official(rows, crlf), 'epss_scores-2025-06-01.csv');
        const b = parseEpssText(semicolon(rows), 'CVE_2025_EPSS.csv');
        expect(a.rows).toBe(rows.length);
        expect(b.scores).toEqual(
          new Map([...a.scores].map(([k, v]) => [k, { ...v, line: v.line - 2 }])), // no comment/header
        );
        expect([...a.scores.keys()]).toEqual(rows.map(([cve]) => cve));
        for (const [cve, epss, percentile] of rows) {
          expect(a.scores.get(cve)).toMatchObject({
            epssText: epss,
            percentileText: percentile,
            epss: Number(epss),
            percentile: Number(percentile),
          });
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gzip in random chunks reads the same as the text', async () => {
    await fc.assert(
      fc.asyncProperty(
        rowsArb,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 8 }),
        async (rows, cuts) => {
          const text = official(rows, false);
          const want = parseEpssText(text, 'x.csv');
          const gz = await parseEpssStream(chunked(gzipSync(text), cuts), 'x.csv', { gzip: true });
          const plain = await parseEpssStream(chunked(Buffer.from(text), cuts), 'x.csv', { gzip: false });
          expect(gz.scores).toEqual(want.scores);
          expect(plain.scores).toEqual(want.scores);
          expect(gz.modelVersion).toBe('v2025.03.14');
        },
      ),
      { numRuns: 150 },
    );
  });
});
