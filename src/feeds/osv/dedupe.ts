/**
 * One record per advisory id within one read. The same id can arrive twice (a folder and a zip of
 * the same database, a record moved between folders upstream); OSV "id, modified fields" says
 * `modified` changes on every edit, so the copy with the latest `modified` is the current one.
 */
import type { Advisory, AdvisorySource } from '../../core/advisory.js';

/** An advisory with the file it was read from. */
export interface SourcedAdvisory {
  advisory: Advisory;
  source: AdvisorySource;
}

/** A file the reader did not turn into an advisory, and why. */
export interface SkippedFile {
  file: string;
  reason: string;
}

/** Order two OSV timestamps (schema.ts guarantees `YYYY-MM-DDTHH:MM:SS[.fraction]Z`): -1, 0 or 1. */
export function compareTimestamps(a: string, b: string): -1 | 0 | 1 {
  // Fixed-width UTC seconds order lexically; fractions of any length order as right-padded digits
  // (`.5` = `.500000`), which Date.parse would round to milliseconds.
  const [aSeconds = '', aFraction = ''] = a.slice(0, -1).split('.');
  const [bSeconds = '', bFraction = ''] = b.slice(0, -1).split('.');
  if (aSeconds !== bSeconds) return aSeconds < bSeconds ? -1 : 1;
  const width = Math.max(aFraction.length, bFraction.length);
  const x = aFraction.padEnd(width, '0');
  const y = bFraction.padEnd(width, '0');
  return x === y ? 0 : x < y ? -1 : 1;
}

/**
 * Keep, per id, the record with the latest `modified` (the first by file name on a tie) and report
 * every other copy. Input and output are sorted by file name.
 */
export function keepLatest(sorted: SourcedAdvisory[]): {
  records: SourcedAdvisory[];
  duplicates: SkippedFile[];
} {
  const kept = new Map<string, SourcedAdvisory>();
  const dropped: SourcedAdvisory[] = [];
  for (const record of sorted) {
    const current = kept.get(record.advisory.id);
    if (current === undefined) {
      kept.set(record.advisory.id, record);
    } else if (compareTimestamps(record.advisory.modified, current.advisory.modified) > 0) {
      kept.set(record.advisory.id, record);
      dropped.push(current);
    } else {
      dropped.push(record);
    }
  }
  const records = sorted.filter((r) => kept.get(r.advisory.id) === r);
  const duplicates = dropped.map((d) => {
    const winner = kept.get(d.advisory.id);
    return { file: d.source.file, reason: `duplicate id ${d.advisory.id} (kept ${winner?.source.file})` };
  });
  return { records, duplicates: duplicates.sort(byFile) };
}

/** Code-unit order of file names: the same on every platform and locale. */
export function compareFileNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byFile(a: SkippedFile, b: SkippedFile): number {
  return compareFileNames(a.file, b.file);
}
