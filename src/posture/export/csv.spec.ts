import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_HEADER, csvField, toCsv } from './csv.js';
import { INPUT } from './fixture.test-helpers.js';

/** A strict RFC 4180 parser (§2): CRLF records, quoted fields with doubled quotes. Throws on anything else. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quote');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n') throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`);
        field += text[i++];
      }
    }
    row.push(field);
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text.slice(i, i + 2) !== '\r\n') throw new Error(`expected CRLF at ${i}`);
    i += 2;
    rows.push(row);
    row = [];
    if (i === text.length) return rows;
  }
}

const guarded = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

describe('toCsv', () => {
  it('writes the header and one CRLF record per result (golden)', () => {
    const csv = toCsv(INPUT);
    expect(csv.startsWith(`${CSV_HEADER.join(',')}\r\n`)).toBe(true);
    expect(csv.split('\r\n')[2]).toBe(
      's3-bucket-encrypted|111122223333|us-east-1|arn:aws:s3:::phi-bucket,s3-bucket-encrypted,fail,high,' +
        '164.312(a)(2)(iv); 164.312(e)(2)(ii),111122223333,us-east-1,AWS::S3::Bucket,arn:aws:s3:::phi-bucket,' +
        'bucket has no default encryption',
    );
    const rows = parseCsv(csv);
    expect(rows).toHaveLength(INPUT.results.length + 1);
    expect(rows.every((r) => r.length === CSV_HEADER.length)).toBe(true);
  });

  it('quotes and guards hostile fields', () => {
    const rows = parseCsv(toCsv(INPUT));
    const hostile = INPUT.results[2]!;
    expect(rows[3]![8]).toBe(`'${hostile.resourceId}`);
    expect(rows[3]![9]).toBe(hostile.message);
    expect(csvField('=1+2')).toBe("'=1+2");
    expect(csvField('-cmd')).toBe("'-cmd");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect(csvField('=a,"b"')).toBe(`"'=a,""b"""`);
    expect(csvField('plain')).toBe('plain');
  });

  it('round-trips arbitrary strings through an RFC 4180 parser', () => {
    const text = fc.string({
      unit: fc.constantFrom('a', ',', '"', '\r', '\n', '=', '+', '-', '@', ' ', 'é', '\t'),
    });
    fc.assert(
      fc.property(
        fc.array(fc.array(text, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }),
        (rows) => {
          const csv = `${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
          expect(parseCsv(csv)).toEqual(rows.map((r) => r.map(guarded)));
        },
      ),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string(), (a, b) => {
        expect(parseCsv(`${csvField(a)},${csvField(b)}\r\n`)).toEqual([[guarded(a), guarded(b)]]);
      }),
    );
  });
});
