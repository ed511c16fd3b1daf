/**
 * MDS2 forms (Manufacturer Disclosure Statement for Medical Device Security, ANSI/NEMA HN 1-2019)
 * exported as CSV: one row per question with its id (`MPII-2.2`), the question, the answer
 * (Yes / No / N/A / See Note, or free text in the DOC section) and a note. Rows without an id
 * are the form's section headings. The answers describe a device MODEL, so a form attaches to
 * every device of that manufacturer and model (`devicesForForm`), never to one serial.
 */
import { AppError } from '../../core/errors.js';
import type { Extraction, Rejected } from '../../core/inventory.js';
import type { SourceInput } from '../types.js';
import { DEVICE_TAGS, deviceModelKey } from './contract.js';
import { headerKey } from './mapping.js';
import { deriveFacts, type Mds2Facts } from './mds2-facts.js';
import { peekHeader, readCsvTable } from './read-csv.js';

/** One answered question: the answer and note as written, and the line it is on. */
export interface Mds2Answer {
  answer: string;
  note: string;
  line: number;
}

/** A parsed MDS2 form. `model` is DOC-3 as written; `models` its comma/semicolon-separated list. */
export interface Mds2Form {
  manufacturer: string;
  model: string;
  models: string[];
  answers: Record<string, Mds2Answer>;
  facts: Mds2Facts;
  /** Rows that are neither a question nor a section heading, with the reason. */
  rejected: Rejected[];
}

// Column headers seen in MDS2 CSV exports: NEMA's workbook heads the answer column with the
// choices themselves ("Yes/No/N/A"), re-keyed exports call it "Answer".
const COLUMNS = {
  id: ['Question ID', 'QuestionID', 'ID', 'Question #'],
  question: ['Question', 'Question Text'],
  answer: ['Answer', 'Yes/No/N/A', 'Yes/No/NA', 'Response'],
  note: ['Note', 'Notes', 'Note #', 'Comments', 'Comment'],
} as const;

// Section code of 3–4 letters, then dotted numbers: DOC-11.1, MPII-2.2, AUDT-2.8.1, SBOM-2.4.
const QUESTION_ID = /^[A-Z]{3,4}-\d+(?:\.\d+)*$/;

function find(header: readonly string[], names: readonly string[]): string | undefined {
  const keys = names.map(headerKey);
  return header.find((h) => keys.includes(headerKey(h)));
}

/** True when a text is a CSV whose header has a question-id and an answer column. */
export function isMds2Csv(text: string): boolean {
  const header = peekHeader(text);
  return (
    header !== null && find(header, COLUMNS.id) !== undefined && find(header, COLUMNS.answer) !== undefined
  );
}

/** Parse an MDS2 CSV; the manufacturer (DOC-1) and model (DOC-3) must be answered. */
export function parseMds2(input: SourceInput): Mds2Form {
  const table = readCsvTable(input);
  const [id, answer] = [find(table.header, COLUMNS.id), find(table.header, COLUMNS.answer)];
  if (id === undefined || answer === undefined) {
    const want = id === undefined ? COLUMNS.id : COLUMNS.answer;
    throw new AppError('INPUT_SCHEMA', {
      file: input.file,
      line: table.headerLine,
      reason: `not an MDS2 form: no column ${want.map((w) => `"${w}"`).join(' or ')}`,
    });
  }
  const note = find(table.header, COLUMNS.note);
  const answers: Record<string, Mds2Answer> = {};
  const rejected: Rejected[] = [];
  for (const { line, cells } of table.rows) {
    const qid = (cells[id] ?? '').toUpperCase();
    const a = cells[answer] ?? '';
    const ref = `line ${line}`;
    if (qid === '') {
      if (a !== '') rejected.push({ ref, reason: 'answer without a question id' });
      continue; // a section heading ("MALWARE DETECTION/PROTECTION (MLDP)") or a blank row
    }
    if (!QUESTION_ID.test(qid)) {
      rejected.push({ ref, reason: `"${qid.slice(0, 20)}" is not an MDS2 question id (e.g. MPII-2.2)` });
      continue;
    }
    const first = answers[qid];
    if (first) {
      rejected.push({ ref, reason: `duplicate question ${qid} (first on line ${first.line})` });
      continue;
    }
    answers[qid] = { answer: a, note: note === undefined ? '' : (cells[note] ?? ''), line };
  }
  const manufacturer = required(answers, 'DOC-1', 'manufacturer name', input.file);
  const model = required(answers, 'DOC-3', 'device model', input.file);
  // DOC-3 often lists a product family ("MVR435, MVR436, MVR450"): the form covers each.
  const models = model
    .split(/[,;]/)
    .map((m) => m.trim())
    .filter((m) => m !== '');
  return { manufacturer, model, models, answers, facts: deriveFacts(answers), rejected };
}

function required(answers: Record<string, Mds2Answer>, qid: string, what: string, file: string): string {
  const a = answers[qid];
  if (a && a.answer !== '') return a.answer;
  throw new AppError('INPUT_SCHEMA', {
    file,
    ...(a ? { line: a.line } : {}),
    reason: `MDS2 form has no ${what} (${qid} ${a ? 'unanswered' : 'missing'})`,
  });
}

/** True when the form covers this manufacturer and model (case and spacing ignored). */
export function formCovers(form: Mds2Form, manufacturer: string | undefined, model: string): boolean {
  const key = deviceModelKey(manufacturer, model);
  return form.models.some((m) => deviceModelKey(form.manufacturer, m) === key);
}

/** The devices (from the device CSV adapter) whose manufacturer and model the form covers. */
export function devicesForForm(form: Mds2Form, devices: readonly Extraction[]): Extraction[] {
  return devices.filter((d) => {
    const model = d.asset.tags[DEVICE_TAGS.model];
    return model !== undefined && formCovers(form, d.asset.tags[DEVICE_TAGS.manufacturer], model);
  });
}

/** The MDS2 reader: detection and parsing, keyed like an adapter for a future attachment registry. */
export const mds2Reader = {
  id: 'devices/mds2',
  version: '1',
  accepts: (input: SourceInput, parsed: unknown): boolean => parsed === undefined && isMds2Csv(input.text),
  read: (input: SourceInput): Mds2Form => parseMds2(input),
} as const;
