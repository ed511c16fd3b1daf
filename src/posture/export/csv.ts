/**
 * CSV export per RFC 4180: CRLF line breaks (§2.1), a header line (§2.3), and a field enclosed in
 * double quotes when it holds a comma, a double quote, CR or LF, with inner quotes doubled
 * (§2.6, §2.7). Cells that a spreadsheet would read as a formula are neutralised (OWASP "CSV
 * Injection"): a leading `=`, `+`, `-` or `@` (or tab / CR) is prefixed with `'`.
 */
import type { CheckResult } from '../check.js';
import { checkLookup, type ExportInput } from './input.js';

export const CSV_HEADER = [
  'finding_id',
  'check_id',
  'status',
  'severity',
  'citations',
  'account',
  'region',
  'resource_type',
  'resource_id',
  'message',
] as const;

/** The results as an RFC 4180 CSV document with a header line. */
export function toCsv(input: ExportInput): string {
  const checkOf = checkLookup(input.checks);
  const rows: string[][] = [[...CSV_HEADER]];
  for (const r of input.results)
    rows.push(csvRow(r, checkOf(r.checkId).severity, checkOf(r.checkId).citations));
  // §2.2: the last record may or may not end with a line break; we end it, as most tools do.
  return `${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

function csvRow(r: CheckResult, severity: string, citations: readonly string[]): string[] {
  return [
    r.findingId,
    r.checkId,
    r.status,
    severity,
    citations.join('; '),
    r.account,
    r.region,
    r.resourceType,
    r.resourceId,
    r.message,
  ];
}

/** One field: formula guard first, then RFC 4180 quoting. */
export function csvField(value: string): string {
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}
