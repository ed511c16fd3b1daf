/**
 * Property: any status file written the way dpkg writes it — stanzas of fields, multi-line
 * fields folded onto continuation lines, any number of blank (or blank-looking) separator lines,
 * LF or CRLF — parses back to the same fields at the same line numbers, and extraction yields
 * exactly the stanzas whose Status says the package is on disk, each with a purl that purl.ts
 * reads back to the same record.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectPurlRoundTrip } from '../os.test-helpers.js';
import { parseDeb822 } from './deb822.js';
import { extractDpkgStatus } from './index.js';

const STATUSES = [
  'install ok installed',
  'hold ok installed',
  'install ok unpacked',
  'install ok triggers-pending',
  'deinstall ok config-files',
  'purge ok not-installed',
  'install reinstreq half-installed',
] as const;
const ON_DISK = new Set([
  'install ok installed',
  'hold ok installed',
  'install ok unpacked',
  'install ok triggers-pending',
]);

const token = (chars: string, min = 1, max = 12) =>
  fc.string({ unit: fc.constantFrom(...chars), minLength: min, maxLength: max });
const lower = 'abcdefghijklmnopqrstuvwxyz0123456789';
const version = fc
  .tuple(
    fc.option(fc.nat(9), { nil: undefined }),
    token(`${lower}.+~`),
    fc.option(token(`${lower}.+~`), { nil: undefined }),
  )
  .map(([e, up, rev]) => `${e === undefined ? '' : `${e}:`}1${up}${rev ? `-${rev}` : ''}`);
const text = fc.string({ unit: fc.constantFrom(...'abc XYZ 09 .,;:()<>@/'.split('')), maxLength: 30 });

const stanza = fc.record({
  status: fc.constantFrom(...STATUSES),
  arch: fc.constantFrom('amd64', 'arm64', 'all', 'i386'),
  version,
  source: fc.option(fc.tuple(token(lower, 2), fc.option(version, { nil: undefined })), { nil: undefined }),
  // Description: a synopsis, then continuation lines (dpkg writes " ." for an empty one).
  description: fc.tuple(
    text,
    fc.array(
      fc.oneof(
        text.map((t) => `x${t}`),
        fc.constant('.'),
      ),
      { maxLength: 4 },
    ),
  ),
  extra: fc.dictionary(
    token('ABCDEFGHIJKLMNOPQRSTUVWXYZ-', 2, 8).map((k) => `X-${k}`),
    text,
    { maxKeys: 3 },
  ),
});

interface Expected {
  line: number;
  fields: Array<[string, string, number]>;
}

describe('deb822 round trip (fast-check)', () => {
  it('fields, values and line numbers survive; on-disk stanzas become components', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(stanza, { minLength: 1, maxLength: 8 }),
        fc.array(fc.constantFrom('', ' ', '\t', ' \t'), { minLength: 1, maxLength: 3 }),
        fc.constantFrom('\n', '\r\n'),
        async (list, separator, eol) => {
          const lines: string[] = [];
          const expected: Expected[] = [];
          list.forEach((s, i) => {
            if (i > 0) lines.push(...separator);
            const start = lines.length + 1;
            const fields: Array<[string, string]> = [
              ['Package', `pkg${i}`],
              ['Status', s.status],
              ['Architecture', s.arch],
              ['Version', s.version],
            ];
            if (s.source)
              fields.push(['Source', s.source[1] ? `${s.source[0]} (${s.source[1]})` : s.source[0]]);
            for (const [k, v] of Object.entries(s.extra)) fields.push([k, v.trim()]);
            fields.push(['Description', [s.description[0].trim(), ...s.description[1]].join('\n')]);
            const entry: Expected = { line: start, fields: [] };
            for (const [k, v] of fields) {
              const [first, ...rest] = v.split('\n');
              entry.fields.push([k.toLowerCase(), v, lines.length + 1]);
              lines.push(`${k}: ${first}`.trimEnd(), ...rest.map((r) => ` ${r}`));
            }
            expected.push(entry);
          });
          const file = lines.join(eol) + eol;
          const parsed = parseDeb822(file, 'status');
          expect(parsed.map((p) => p.line)).toEqual(expected.map((e) => e.line));
          parsed.forEach((p, i) => {
            const want = expected[i]?.fields.map(([k, v, line]) => [k, { value: v, line }]);
            expect([...p.fields.entries()]).toEqual(want);
          });
          const r = await extractDpkgStatus({ file: 'status', text: file });
          const installed = list.flatMap((s, i) => (ON_DISK.has(s.status) ? [`pkg${i}`] : []));
          expect(r.components.map((c) => c.name)).toEqual(installed);
          expect(r.rejected).toHaveLength(list.length - installed.length);
          for (const c of r.components) expectPurlRoundTrip(c);
        },
      ),
      { numRuns: 300 },
    );
  });
});
