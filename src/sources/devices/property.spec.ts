/**
 * Properties of the device CSV reader (fast-check): any export written by an RFC 4180 writer —
 * quoted cells with commas, quotes and line breaks, CRLF or LF, a BOM, blank lines — reads back
 * to the same devices, and every rejected row is reported at the line it starts on.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.js';
import { createCsvDevicesAdapter } from './index.js';

const adapter = createCsvDevicesAdapter({ now: () => new Date('2026-01-15T00:00:00Z') });

// Cell text as exports hold it: any characters, line breaks and quotes included, no surrounding
// whitespace (cells are trimmed on read).
const cellText = fc
  .string({
    unit: fc.constantFrom('a', 'Z', '7', '-', ' ', ',', '"', ';', '\n', '\r\n', 'é', '/', '.'),
    minLength: 1,
    maxLength: 12,
  })
  .map((s) => s.trim())
  .filter((s) => s !== '');

const row = fc.record({
  serial: cellText,
  model: cellText,
  criticality: fc.constantFrom('High', 'Life support', '', 'life-critical', 'Tier 9'),
  firmware: fc.constantFrom('', '1.0.3', 'C.03.12'),
});

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

describe('device CSV reader (properties)', () => {
  it('reads back every device written, and rejects bad rows at the line they start on', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(row, { minLength: 1, maxLength: 12, selector: (r) => r.serial }),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.array(fc.nat(2), { minLength: 12, maxLength: 12 }),
        async (rows, eol, bom, blanks) => {
          let text = `${bom ? '\uFEFF' : ''}Serial Number,Model,Clinical Criticality,Firmware Version${eol}`;
          const lines: number[] = [];
          rows.forEach((r, i) => {
            text += eol.repeat(blanks[i] ?? 0);
            lines.push(text.split(/\r\n|\n/).length);
            text += [r.serial, r.model, r.criticality, r.firmware].map(quote).join(',') + eol;
          });
          const result = await adapter.extractMany({ file: 'p.csv', text });
          const bad = rows.map((r, i) => [r, lines[i]] as const).filter(([r]) => r.criticality === 'Tier 9');
          const good = rows.filter((r) => r.criticality !== 'Tier 9');
          expect(result.rejected.map((x) => x.ref)).toEqual(bad.map(([, line]) => `line ${line}`));
          expect(result.items.map((d) => [d.asset.externalId, d.asset.tags['device:model']])).toEqual(
            good.map((r) => [`device:${r.serial}`, r.model]),
          );
          expect(result.items.map((d) => d.components.length)).toEqual(good.map((r) => (r.firmware ? 1 : 0)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('any text either extracts or fails with an AppError, never another exception', async () => {
    const text = fc.string({
      unit: fc.constantFrom('Serial', 'Model', ',', '"', '\n', '\r', 'x', ' ', 'High', '\uFEFF'),
      maxLength: 40,
    });
    await fc.assert(
      fc.asyncProperty(text, async (t) => {
        const input = { file: 'fuzz.csv', text: `Serial,Model\n${t}` };
        try {
          const r = await adapter.extractMany(input);
          expect(r.items.length + r.rejected.length).toBeGreaterThan(0);
        } catch (err) {
          expect(err).toBeInstanceOf(AppError);
          expect((err as AppError).details.file).toBe('fuzz.csv');
        }
      }),
      { numRuns: 500 },
    );
  });
});
