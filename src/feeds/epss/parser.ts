/**
 * The EPSS line parser: fed one line at a time (from a string or from decompressed chunks) so a
 * 300k-row file is never held as one string. Imports are all-or-nothing: the first bad line
 * throws AppError naming the file and line; nothing is skipped except blank lines.
 */
import { AppError } from '../../core/errors.js';
import { dateFromFileName, parseComment, parseHeader } from './header.js';
import { parseRow } from './row.js';
import type { EpssRead, EpssScore } from './types.js';

/** Incremental parser for one file: `push` each line in order, then `finish`. */
export class EpssParser {
  /** Lines pushed so far (the 1-based number of the last one). */
  lines = 0;
  private delimiter: ',' | ';' | null = null;
  private modelVersion: string | null = null;
  private headerDate: string | null = null;
  private readonly scores = new Map<string, EpssScore>();

  constructor(
    private readonly file: string,
    private readonly compressed: boolean,
  ) {}

  /** Take the next line (without its LF; a trailing CR is dropped here). */
  push(raw: string): void {
    const line = ++this.lines;
    let text = raw.charCodeAt(raw.length - 1) === 13 ? raw.slice(0, -1) : raw;
    // A UTF-8 byte order mark (spreadsheet exports write one) is not part of the first field.
    if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text === '') return;
    if (this.delimiter === null) this.preamble(text, line);
    else this.row(text, line, this.delimiter);
  }

  /** The read, once every line is pushed; INPUT_EMPTY when no score row was seen. */
  finish(): EpssRead {
    if (this.scores.size === 0) {
      throw new AppError('INPUT_EMPTY', { file: this.file, reason: 'no score rows' });
    }
    const notes: string[] = [];
    const nameDate = dateFromFileName(this.file);
    let scoreDate = this.headerDate;
    let scoreDateFrom: EpssRead['scoreDateFrom'] = scoreDate ? 'header' : null;
    if (this.modelVersion === null) notes.push('no #model_version comment line: the EPSS model is unknown');
    if (scoreDate === null && nameDate !== null) {
      [scoreDate, scoreDateFrom] = [nameDate, 'file-name'];
      notes.push(`no score_date in the file: the date ${nameDate} is taken from the file name`);
    } else if (scoreDate === null) {
      notes.push(
        'no score_date in the file and no epss_scores-YYYY-MM-DD file name: the score date is unknown',
      );
    } else if (nameDate !== null && !scoreDate.startsWith(nameDate)) {
      notes.push(`the file name says ${nameDate} but score_date is ${scoreDate}; score_date is used`);
    }
    return {
      file: this.file,
      compressed: this.compressed,
      delimiter: this.delimiter ?? ',',
      modelVersion: this.modelVersion,
      scoreDate,
      scoreDateFrom,
      rows: this.scores.size,
      scores: this.scores,
      rejected: [],
      notes,
    };
  }

  // Before the first row: `#` comment lines, then either the header or (EMBA files) a row.
  private preamble(text: string, line: number): void {
    if (text.startsWith('#')) {
      const comment = parseComment(text, this.file, line);
      this.modelVersion = comment.modelVersion ?? this.modelVersion;
      this.headerDate = comment.scoreDate ?? this.headerDate;
      return;
    }
    const header = parseHeader(text, this.file, line);
    if (header !== null) {
      this.delimiter = header;
      return;
    }
    if (!text.startsWith('CVE-')) {
      throw new AppError('INPUT_UNRECOGNISED', {
        file: this.file,
        line,
        reason: 'not an EPSS scores file: expected the header cve,epss,percentile or a CVE row',
      });
    }
    // No header: the delimiter is whichever the first row uses (a CVE id contains neither).
    this.delimiter = text.includes(';') ? ';' : ',';
    this.row(text, line, this.delimiter);
  }

  private row(text: string, line: number, delimiter: ',' | ';'): void {
    const row = parseRow(text, delimiter);
    if (typeof row === 'string') throw new AppError('INPUT_SCHEMA', { file: this.file, line, reason: row });
    const first = this.scores.get(row.cve);
    if (first) {
      throw new AppError('INPUT_SCHEMA', {
        file: this.file,
        line,
        reason: `duplicate ${row.cve} (first on line ${first.line})`,
      });
    }
    const { epss, percentile, epssText, percentileText } = row;
    this.scores.set(row.cve, { epss, percentile, epssText, percentileText, line });
  }
}

/** Parse a whole EPSS scores text (official `cve,epss,percentile` or EMBA `cve;epss;percentile`). */
export function parseEpssText(text: string, file: string): EpssRead {
  const parser = new EpssParser(file, false);
  let start = 0;
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
    parser.push(text.slice(start, nl));
    start = nl + 1;
  }
  // The last line when the text does not end with a line break.
  if (start < text.length) parser.push(text.slice(start));
  return parser.finish();
}
