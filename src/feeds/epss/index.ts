/**
 * FIRST EPSS scores reader (https://www.first.org/epss/data_stats): the official daily
 * `epss_scores-YYYY-MM-DD.csv.gz` (gzip or plain) and the EMBA per-year `cve;epss;percentile`
 * files. See readme.md for formats, model versions and limits.
 */
export { parseEpssText } from './parser.js';
export { DEFAULT_MAX_EPSS_BYTES, parseEpssStream, type ReadEpssOptions, readEpss } from './read-epss.js';
export type { EpssRead, EpssRejection, EpssScore, ScoreDateSource } from './types.js';
