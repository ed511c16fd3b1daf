/**
 * CSV → header + rows, each row with the line it starts on, for the device export and the MDS2
 * form. Parsing is csv-parse's (RFC 4180 quoting; sync API); line numbers are counted here.
 *
 * Why not csv-parse's `info.lines`: csv-parse 5.6 counts the CR and the LF of a CRLF line break
 * inside a quoted field as two lines, so every row after a multi-line cell in a Windows export
 * would be reported one line too high (its `raw` text is no help either: it drops the LF of
 * CRLF record ends). `info.bytes`, the byte offset where each record ends, is exact, so lines
 * are counted from it. Why `columns: false`: the header's own end offset is needed to number
 * the first row, and duplicate headers must be an error, not the silent overwrite `columns: true`
 * does; rows are keyed by header name here instead.
 */
import { parse } from 'csv-parse/sync';
import { AppError } from '../../core/errors.js';
import type { SourceInput } from '../types.js';

/** One data row: the line it starts on and its cells keyed by header name (trimmed). */
export interface CsvRow {
  line: number;
  cells: Record<string, string>;
}

/** A parsed CSV file: header names as written (trimmed), the header's line, the data rows. */
export interface CsvTable {
  header: string[];
  headerLine: number;
  rows: CsvRow[];
}

/** Strip a UTF-8 byte order mark (Excel writes one in "CSV UTF-8" exports). */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Parse a CSV file; a malformed record is AppError INPUT_SCHEMA naming the file and line. */
export function readCsvTable(input: SourceInput, delimiter = ','): CsvTable {
  const text = stripBom(input.text);
  const records: Array<{ line: number; fields: string[] }> = [];
  // csv-parse's `info.bytes` is the exact UTF-8 byte offset where a record (and its line break)
  // ends. `pos` walks the bytes up to it and `line` is the line number at `pos`; CR and LF are
  // ASCII, so counting them on bytes is safe for any UTF-8 text. A CRLF counts once.
  const bytes = Buffer.from(text, 'utf8');
  let pos = 0;
  let line = 1;
  const advance = (to: number) => {
    for (; pos < to; pos++) {
      const c = bytes[pos];
      if (c === 10 || (c === 13 && bytes[pos + 1] !== 10)) line++;
    }
  };
  // The line a record starts on: its first byte after any blank lines.
  const startLine = () => {
    let s = pos;
    while (bytes[s] === 10 || bytes[s] === 13) s++;
    advance(s);
    return line;
  };
  try {
    parse(text, {
      delimiter,
      columns: false,
      info: true,
      relax_column_count: false,
      // A blank line is no record (RFC 4180 has none; spreadsheets leave them at the end).
      skip_empty_lines: true,
      on_record: ({ record, info }: { record: string[]; info: { bytes: number } }) => {
        records.push({ line: startLine(), fields: record });
        advance(info.bytes);
        return null;
      },
    });
  } catch (err) {
    if (err instanceof AppError) throw err;
    // The failing record starts at the first non-blank line after the last good one.
    throw new AppError(
      'INPUT_SCHEMA',
      { file: input.file, line: startLine(), reason: csvReason(err) },
      { cause: err },
    );
  }
  const [head, ...body] = records;
  if (!head) throw new AppError('INPUT_EMPTY', { file: input.file, reason: 'no header row' });
  const header = headerNames(head.fields, input.file, head.line);
  const rows = body.map(({ line: at, fields }) => ({
    line: at,
    cells: Object.fromEntries(header.map((name, i) => [name, (fields[i] ?? '').trim()])),
  }));
  return { header, headerLine: head.line, rows };
}

/** The first record of a text as header names, or null when it is not CSV (for `accepts`). */
export function peekHeader(text: string, delimiter = ','): string[] | null {
  // Detection runs on every text input: look at the start only, not a copy of the whole file.
  const body = stripBom(text.slice(0, 65_536)).replace(/^[\r\n]+/, '');
  const firstLine = /^[^\r\n]*/.exec(body)?.[0] ?? '';
  try {
    const [row] = parse(firstLine, { delimiter, columns: false }) as string[][];
    return row ? row.map((h) => h.trim()) : null;
  } catch {
    return null;
  }
}

// Unnamed columns (a trailing delimiter in Excel exports) are named by position so they can be
// listed as ignored; two columns with one name would make every lookup ambiguous.
function headerNames(fields: string[], file: string, line: number): string[] {
  const seen = new Map<string, number>();
  return fields.map((raw, i) => {
    const name = raw.trim() || `#${i + 1}`;
    const key = name.toLowerCase().replace(/\s+/g, ' ');
    const first = seen.get(key);
    if (first !== undefined) {
      throw new AppError('INPUT_SCHEMA', {
        file,
        line,
        reason: `duplicate column "${name}" (columns ${first + 1} and ${i + 1})`,
      });
    }
    seen.set(key, i);
    return name;
  });
}

// Our own words per csv-parse error code: its messages embed cell text and its own (CRLF-skewed)
// line numbers.
function csvReason(err: unknown): string {
  const e = err as { code?: string; record?: unknown; columns?: unknown };
  switch (e.code) {
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
    case 'CSV_RECORD_INCONSISTENT_COLUMNS': {
      const found = Array.isArray(e.record) ? ` (found ${e.record.length})` : '';
      return `wrong number of columns: the row does not have as many columns as the header${found}`;
    }
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'unterminated quote: a quoted cell is never closed';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'text after a closing quote (a quote inside a quoted cell must be doubled)';
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return 'text after a closing quote';
    case 'INVALID_OPENING_QUOTE':
      return 'a quote inside an unquoted cell';
    default:
      return `malformed CSV (${e.code ?? 'parse error'})`;
  }
}
