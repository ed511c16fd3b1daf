/**
 * Vulnerability intelligence readers for NVD CVE API 2.0 and CVE JSON 5.x: detect the format of
 * a parsed JSON document and map it to CveIntel records. Pure: callers read and parse the bytes
 * (parseJsonText from src/core/structured-input.ts gives INPUT_MALFORMED_JSON with line/column).
 */
import { AppError } from '../../core/errors.js';
import { readCve5Record } from './cve5.js';
import { readNvdCve, readNvdPage } from './nvd.js';
import type { CveIntelReadResult } from './types.js';

export { readCve5Record } from './cve5.js';
export { checkCvss, computeBaseScore } from './cvss-check.js';
export { readNvdCve, readNvdPage } from './nvd.js';
export * from './types.js';

/** Detect NVD 2.0 (page, `{cve}` item or bare `cve`) or CVE 5 and read every record; all-or-nothing. */
export function readCveIntel(parsed: unknown, file: string): CveIntelReadResult {
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new AppError('INPUT_UNRECOGNISED', { file, pointer: '', reason: 'expected a JSON object' });
  }
  const v = parsed as Record<string, unknown>;
  if ('vulnerabilities' in v || v.format === 'NVD_CVE') {
    return { format: 'nvd-2.0', records: readNvdPage(v, file) };
  }
  if ('dataType' in v || 'cveMetadata' in v) return { format: 'cve-5', records: [readCve5Record(v, file)] };
  if (isObject(v.cve)) return { format: 'nvd-2.0', records: [readNvdCve(v.cve, file, '/cve')] };
  // A bare `cve` object: its id plus at least one member only NVD's cve object has.
  if (typeof v.id === 'string' && ('lastModified' in v || 'vulnStatus' in v || 'sourceIdentifier' in v)) {
    return { format: 'nvd-2.0', records: [readNvdCve(v, file)] };
  }
  if (v.data_type === 'CVE' || 'CVE_Items' in v) {
    const reason = 'CVE JSON 4 / NVD 1.1 data feed; convert to CVE JSON 5 or use the NVD CVE API 2.0';
    throw new AppError('INPUT_UNSUPPORTED_SPEC', { file, pointer: '', reason });
  }
  throw new AppError('INPUT_UNRECOGNISED', {
    file,
    pointer: '',
    reason: 'neither an NVD CVE API 2.0 nor a CVE JSON 5 document',
  });
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
