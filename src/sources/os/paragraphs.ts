/**
 * Blank-line separated paragraphs of a text package database, with 1-based line numbers for
 * errors. Shared by the dpkg status file (deb822(5): "paragraphs are separated by empty lines";
 * lines of only spaces and tabs may be accepted as separators) and the apk installed database
 * (apk-tools `apk_db_index_read`: one package per blank-line separated block).
 */

/** One line of a paragraph: its 1-based number in the file and its text (no line terminator). */
export interface Line {
  n: number;
  text: string;
}

/** A paragraph: its lines in order; `line` is the number of its first line. */
export interface Paragraph {
  line: number;
  lines: Line[];
}

/** Split text into paragraphs; CRLF line ends are accepted, blank lines dropped. */
export function paragraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  let current: Paragraph | undefined;
  const rows = text.replace(/^\uFEFF/, '').split('\n');
  rows.forEach((raw, index) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (/^[ \t]*$/.test(line)) {
      current = undefined;
      return;
    }
    if (current === undefined) {
      current = { line: index + 1, lines: [] };
      out.push(current);
    }
    current.lines.push({ n: index + 1, text: line });
  });
  return out;
}

/** The first non-blank line of a text, cheaply (for `accepts`, which may see large inputs). */
export function firstLine(text: string): string | undefined {
  const m = /^[ \t\r\n]*([^\r\n]*)/.exec(text.slice(0, 64 * 1024).replace(/^\uFEFF/, ''));
  return m?.[1] || undefined;
}
