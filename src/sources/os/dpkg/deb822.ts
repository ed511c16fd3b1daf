/**
 * deb822 control data (deb822(5)), as dpkg writes /var/lib/dpkg/status: paragraphs of
 * `Field: value` lines; a line starting with a space or tab continues the previous field
 * (multi-line fields such as Description and Conffiles). Syntax errors throw, as dpkg's own
 * parser refuses the whole file ("parsing file '…/status' near line N").
 */
import { AppError } from '../../../core/errors.js';
import { paragraphs } from '../paragraphs.js';

/** One field: its value (continuation lines joined with `\n`) and the line it starts on. */
export interface Field {
  value: string;
  line: number;
}

/** One paragraph; field names lower-cased (deb822(5): "The field name is case-insensitive"). */
export interface Stanza {
  line: number;
  fields: Map<string, Field>;
}

// deb822(5): a field name is US-ASCII printable characters except colon, not starting with `#`
// (comments exist only in debian/control) or `-` (reserved for PGP armor).
const FIELD = /^([!-9;-~]+):(.*)$/;

/** Parse deb822 text into stanzas; a malformed line throws INPUT_SCHEMA with file and line. */
export function parseDeb822(text: string, file: string): Stanza[] {
  const fail = (line: number, reason: string): never => {
    throw new AppError('INPUT_SCHEMA', { file, line, reason });
  };
  return paragraphs(text).map((p) => {
    const fields = new Map<string, Field>();
    let last: Field | undefined;
    for (const { n, text: line } of p.lines) {
      if (line.startsWith(' ') || line.startsWith('\t')) {
        if (last === undefined) return fail(n, 'continuation line before any field');
        // Folded and multiline fields keep their line structure; `.` alone marks an empty line.
        last.value += `\n${line.slice(1)}`;
        continue;
      }
      const m = FIELD.exec(line);
      const name = m?.[1];
      if (m === null || name === undefined) return fail(n, 'expected "Field: value" or a continuation line');
      if (name.startsWith('#') || name.startsWith('-'))
        return fail(n, `invalid field name ${JSON.stringify(name)}`);
      const key = name.toLowerCase();
      if (fields.has(key)) return fail(n, `duplicate ${name} field in the paragraph`);
      last = { value: (m[2] ?? '').trim(), line: n };
      fields.set(key, last);
    }
    return { line: p.line, fields };
  });
}
