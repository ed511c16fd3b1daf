/**
 * Parsing of JSON and YAML documents into plain values with errors that locate the problem:
 * the file, the line and column for syntax errors, the JSON pointer for shape errors.
 * Pure functions over strings; callers read the bytes.
 */
import { parse as locateJson, type ParseError, printParseErrorCode } from 'jsonc-parser';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { AppError } from './errors.js';

/** Line and column (1-based) of a character offset in a text. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lastBreak = -1;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lastBreak = i;
    }
  }
  return { line, column: end - lastBreak };
}

/** Parse JSON text; a syntax error names the file, line and column. */
export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw jsonSyntaxError(text, file, err);
  }
}

// JSON.parse is fast but V8 often omits the position ("Unexpected token"); on failure only,
// re-scan with a parser that reports the offset of the first error.
function jsonSyntaxError(text: string, file: string, err: unknown): AppError {
  const errors: ParseError[] = [];
  locateJson(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  // An unterminated string or number is reported where it starts; the reader's question is
  // where the text stops.
  const atEnd = !first || printParseErrorCode(first.error).startsWith('UnexpectedEndOf');
  const offset = atEnd ? text.length : first.offset;
  const { line, column } = lineColumnAt(text, offset);
  const reason = first
    ? describeJsonError(printParseErrorCode(first.error))
    : (err instanceof Error ? err.message : String(err)).replace(/, "[\s\S]*" is not valid JSON$/, '');
  return new AppError('INPUT_MALFORMED_JSON', { file, line, column, reason: shorten(reason) });
}

function describeJsonError(code: string): string {
  // 'CloseBraceExpected' → 'close brace expected'
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** Parse YAML text (YAML 1.2 core schema); a syntax error names the file, line and column. */
export function parseYamlText(text: string, file: string): unknown {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, strict: true });
  const first = doc.errors[0];
  if (first) {
    const { line, column } = lineColumnAt(text, first.pos[0]);
    throw new AppError('INPUT_MALFORMED_YAML', {
      file,
      line,
      column,
      reason: shorten(first.message.split('\n')[0] ?? first.code),
    });
  }
  return doc.toJS({ maxAliasCount: 100 });
}

/** RFC 6901 JSON pointer for a path of keys and indices. */
export function jsonPointer(path: ReadonlyArray<PropertyKey>): string {
  return path.map((seg) => `/${String(seg).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/**
 * Validate a parsed value against a boundary schema; the first issue becomes INPUT_SCHEMA with
 * the JSON pointer of the offending value. `base` prefixes the pointer when the value is a part
 * of a larger document.
 */
export function validateShape<T>(schema: z.ZodType<T>, value: unknown, file: string, base = ''): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new AppError('INPUT_SCHEMA', {
    file,
    pointer: base + jsonPointer(issue?.path ?? []),
    reason: shorten(issue?.message ?? 'invalid value'),
  });
}

function shorten(s: string, max = 200): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
