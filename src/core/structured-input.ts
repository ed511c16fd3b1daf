/**
 * Parsing of JSON and YAML documents into plain values with errors that locate the problem:
 * the file, the line and column for syntax errors, the JSON pointer for shape errors.
 * Pure functions over strings; callers read the bytes.
 */
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
    const message = err instanceof Error ? err.message : String(err);
    // V8 reports "... at position N" (and, since Node 20, sometimes "(line L column C)").
    const pos = /position (\d+)/.exec(message);
    const offset = pos ? Number(pos[1]) : text.length;
    const { line, column } = lineColumnAt(text, offset);
    const reason = message.replace(/^JSON\.parse: /, '').replace(/, "[\s\S]*" is not valid JSON$/, '');
    throw new AppError('INPUT_MALFORMED_JSON', { file, line, column, reason: shorten(reason) });
  }
}

/** Parse YAML text (YAML 1.2 core schema); a syntax error names the file, line and column. */
export function parseYamlText(text: string, file: string): unknown {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, strict: true });
  const first = doc.errors[0];
  if (first) {
    const at = first.linePos?.[0];
    throw new AppError('INPUT_MALFORMED_YAML', {
      file,
      ...(at ? { line: at.line, column: at.col } : {}),
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
