/**
 * The result of reading one FIRST EPSS scores file. Shapes only; the parser is parser.ts.
 */

/** One CVE's score as published: the parsed numbers and the exact text they were parsed from. */
export interface EpssScore {
  /** Probability of exploitation activity in the next 30 days, in [0, 1]. */
  epss: number;
  /** Rank of `epss` among all scored CVEs that day, in [0, 1]. */
  percentile: number;
  /** `epss` exactly as written in the file (e.g. `0.999990000`), so a deadline traces to the data. */
  epssText: string;
  /** `percentile` exactly as written in the file. */
  percentileText: string;
  /** 1-based line of the row in the (decompressed) file. */
  line: number;
}

/** A row refused by the reader, with the line it is on. */
export interface EpssRejection {
  line: number;
  reason: string;
}

/** Where `scoreDate` came from: the `#model_version…,score_date:…` comment, the file name, or nowhere. */
export type ScoreDateSource = 'header' | 'file-name' | null;

/** One EPSS scores file, read whole. */
export interface EpssRead {
  /** The file as named by the caller (path or label). */
  file: string;
  /** True when the bytes were gzip (detected by magic number, not by name). */
  compressed: boolean;
  /** `,` for FIRST's official daily file, `;` for the EMBA per-year files. */
  delimiter: ',' | ';';
  /** `model_version` from the comment line (e.g. `v2025.03.14`), null when the file has none. */
  modelVersion: string | null;
  /** ISO 8601: a UTC date-time from the comment line, or a calendar date from the file name. */
  scoreDate: string | null;
  /** Which of the two `scoreDate` is, or null when neither was available. */
  scoreDateFrom: ScoreDateSource;
  /** Data rows read (header and comment lines excluded); equals `scores.size`. */
  rows: number;
  /** CVE id → score, in file order. */
  scores: Map<string, EpssScore>;
  /**
   * Always empty: imports are all-or-nothing, so a bad row throws AppError INPUT_SCHEMA instead.
   * Kept so the read has the ingest-adapter shape (STYLE.md "Ingest adapter").
   */
  rejected: EpssRejection[];
  /** Plain-language remarks on provenance, e.g. that the model header was missing. */
  notes: string[];
}
