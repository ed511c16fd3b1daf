/**
 * Posture result exports: OCSF Compliance Finding events, SARIF 2.1.0, RFC 4180 CSV and a
 * self-contained HTML report. One switch from format name to exporter.
 */
import { toCsv } from './csv.js';
import { toHtml } from './html.js';
import type { ExportInput } from './input.js';
import { toOcsf } from './ocsf.js';
import { toSarif } from './sarif.js';

export type { ExportInput, ExportSnapshot } from './input.js';

export const EXPORT_FORMATS = ['ocsf', 'sarif', 'csv', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const EXPORTERS: Record<ExportFormat, (input: ExportInput) => string> = {
  ocsf: toOcsf,
  sarif: toSarif,
  csv: toCsv,
  html: toHtml,
};

/** Render a posture run in `format`. */
export function exportPosture(format: ExportFormat, input: ExportInput): string {
  return EXPORTERS[format](input);
}
