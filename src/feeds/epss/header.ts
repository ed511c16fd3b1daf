/**
 * The lines before the scores: FIRST's comment line, the column header, and the date a file name
 * carries. FIRST's daily file (https://www.first.org/epss/data_stats) starts
 *
 *   #model_version:v2025.03.14,score_date:2025-06-01T12:55:00+0000
 *   cve,epss,percentile
 *
 * The EMBA per-year files (shared/data/epss-scores/README.md) have neither line.
 */
import { AppError } from '../../core/errors.js';

/** What a `#…` comment line says; keys other than these two are ignored. */
export interface EpssComment {
  modelVersion: string | null;
  scoreDate: string | null;
}

// Model versions seen so far are `v` + a release date (v2022.01.01, v2023.03.01, v2025.03.14);
// anything without spaces or commas is kept as given, so a new naming scheme does not fail imports.
const MODEL_VERSION = /^[^\s,]+$/;

// `score_date` has been written with a `+0000` offset (the form in the brief and in files since
// 2022); `Z` and `+00:00` are accepted too, since both are ISO 8601 for the same instant.
const SCORE_DATE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|([+-])(\d{2}):?(\d{2}))$/;

/** Parse a `#key:value,key:value` comment line; a malformed `score_date` is INPUT_SCHEMA. */
export function parseComment(text: string, file: string, line: number): EpssComment {
  const out: EpssComment = { modelVersion: null, scoreDate: null };
  for (const part of text.slice(1).split(',')) {
    const colon = part.indexOf(':');
    if (colon < 0) continue;
    const key = part.slice(0, colon).trim();
    // The value of score_date holds colons itself: split on the first one only.
    const value = part.slice(colon + 1).trim();
    if (key === 'model_version') {
      if (!MODEL_VERSION.test(value)) fail(file, line, 'model_version is empty or holds spaces');
      out.modelVersion = value;
    } else if (key === 'score_date') {
      out.scoreDate = isoInstant(value) ?? fail(file, line, 'score_date is not an ISO 8601 date-time');
    }
  }
  return out;
}

/** The column header's delimiter, or null when the line is not a header (then it should be a row). */
export function parseHeader(text: string, file: string, line: number): ',' | ';' | null {
  if (!/^cve\s*[,;]/i.test(text)) return null;
  const delimiter = text.includes(';') ? ';' : ',';
  const names = text.split(delimiter).map((n) => n.trim().toLowerCase());
  if (names.join() === 'cve,epss,percentile') return delimiter;
  if (names.join() === 'cve,epss') {
    // Without the percentile a score cannot be ranked the way triage policies use it.
    throw new AppError('INPUT_UNSUPPORTED_SPEC', {
      file,
      line,
      reason: 'the header has no percentile column (expected cve, epss, percentile)',
    });
  }
  return fail(file, line, 'the header does not name the columns cve, epss, percentile in that order');
}

/** The `YYYY-MM-DD` of a FIRST file name (`epss_scores-2025-06-01.csv.gz`), or null. */
export function dateFromFileName(file: string): string | null {
  const m = /(?:^|[\\/])epss_scores-(\d{4}-\d{2}-\d{2})[^\\/]*$/.exec(file);
  const date = m?.[1];
  return date !== undefined && isRealDate(date) ? date : null;
}

// The instant in canonical UTC form (`2025-06-01T12:55:00.000Z`), or null when it is not a
// real date or date-time (month 13, hour 25 and the like are refused, not rolled over by Date.UTC).
function isoInstant(value: string): string | null {
  // A bare calendar date is ISO 8601 too; kept as the date, with no invented time of day.
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return isRealDate(value) ? value : null;
  const m = SCORE_DATE.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, , sign, oh, om] = m.map((x) => x ?? '');
  if (!isRealDate(`${y}-${mo}-${d}`) || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null;
  if (Number(oh) > 23 || Number(om) > 59) return null;
  const offsetMinutes = sign === '' ? 0 : (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  return new Date(utc - offsetMinutes * 60_000).toISOString();
}

function isRealDate(date: string): boolean {
  const t = Date.parse(`${date}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === date;
}

function fail(file: string, line: number, reason: string): never {
  throw new AppError('INPUT_SCHEMA', { file, line, reason });
}
