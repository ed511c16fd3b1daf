/**
 * Read one VEX file (CycloneDX VEX, OpenVEX or CSAF VEX, JSON) into VexStatements. The document
 * is all-or-nothing: malformed JSON, wrong types or an unsupported spec version throw an AppError
 * naming the file (and the line/column or JSON pointer). Statements and products that are well
 * formed but unusable are returned in `rejected` with their pointer and a reason.
 *
 * The format is detected by the member each format makes mandatory: CycloneDX `bomFormat` +
 * `vulnerabilities` (§vulnerabilities), OpenVEX `@context` under https://openvex.dev/ns, CSAF
 * `document.csaf_version` with `document.category: csaf_vex` (§4.5). Anything else is
 * INPUT_UNRECOGNISED with a reason that says what the file looks like instead.
 */

import { sha256Hex } from '../../core/digest.js';
import { AppError } from '../../core/errors.js';
import { parseJsonText } from '../../core/structured-input.js';
import { decodeText } from '../../io/decode-text.js';
import { readBoundedFile } from '../../io/read-bounded.js';
import { parseCsafVex } from './parse-csaf-vex.js';
import { parseCycloneDxVex } from './parse-cyclonedx-vex.js';
import { parseOpenVex } from './parse-openvex.js';
import type { VexFormat, VexParseResult, VexReadResult } from './types.js';

/** Default size limit: vendor CSAF VEX files (Red Hat's per-CVE files) reach tens of MB. */
export const DEFAULT_MAX_VEX_BYTES = 64 * 1024 * 1024;

export interface ReadVexOptions {
  /** Largest file accepted, in bytes (INPUT_TOO_LARGE above it). */
  maxBytes?: number;
}

const PARSERS: Readonly<Record<VexFormat, (value: unknown, file: string) => VexParseResult>> = {
  cyclonedx: parseCycloneDxVex,
  openvex: parseOpenVex,
  csaf: parseCsafVex,
};

/**
 * Read a VEX file, detect its format and map it to statements; unusable records are in
 * `rejected`. `sha256` is the digest of the bytes read, for the import record.
 */
export async function readVexFile(
  path: string,
  opts: ReadVexOptions = {},
): Promise<VexReadResult & { sha256: string }> {
  const bytes = await readBoundedFile(path, opts.maxBytes ?? DEFAULT_MAX_VEX_BYTES);
  return { ...parseVexText(decodeText(bytes, path, { utf16: false }), path), sha256: sha256Hex(bytes) };
}

/** Parse VEX JSON text (a leading byte-order mark is ignored); `file` names it in errors and sources. */
export function parseVexText(text: string, file: string): VexReadResult {
  return parseVexDocument(parseJsonText(text.replace(/^\uFEFF/, ''), file), file);
}

/** Map an already parsed JSON value; throws INPUT_UNRECOGNISED when it is no VEX format. */
export function parseVexDocument(value: unknown, file: string): VexReadResult {
  const format = detectVexFormat(value, file);
  return { format, ...PARSERS[format](value, file) };
}

type Doc = Record<string, unknown>;

const isRecord = (v: unknown): v is Doc => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The format of a parsed VEX document; throws INPUT_UNRECOGNISED naming the file and why. */
export function detectVexFormat(value: unknown, file: string): VexFormat {
  const found = classify(value);
  if (typeof found === 'string') return found;
  throw new AppError('INPUT_UNRECOGNISED', { file, reason: found.reason });
}

// Only fixed strings and short format labels from the file are echoed in reasons, never free text.
function classify(value: unknown): VexFormat | { reason: string } {
  if (Array.isArray(value)) return { reason: 'a JSON array: expected a VEX document object' };
  if (!isRecord(value)) return { reason: 'a JSON scalar: expected a VEX document object' };
  if (value.bomFormat === 'CycloneDX') {
    // Present but mistyped `vulnerabilities` is still CycloneDX VEX: the schema reports it with a pointer.
    if ('vulnerabilities' in value) return 'cyclonedx';
    return { reason: 'a CycloneDX BOM without vulnerabilities[]: an SBOM, not a VEX document' };
  }
  if (typeof value.bomFormat === 'string') return { reason: 'bomFormat is not "CycloneDX"' };
  const context = value['@context'];
  if (typeof context === 'string' && /^https?:\/\/openvex\.dev\/ns(\/|$)/.test(context)) return 'openvex';
  if (typeof value.predicateType === 'string' && value.predicateType.includes('openvex')) {
    return {
      reason: 'an in-toto statement with an OpenVEX predicate: read the predicate as its own document',
    };
  }
  const document = value.document;
  if (isRecord(document) && typeof document.csaf_version === 'string') {
    if (document.category === 'csaf_vex') return 'csaf';
    const category = typeof document.category === 'string' ? document.category.slice(0, 40) : 'none';
    return {
      reason: `a CSAF document of category ${JSON.stringify(category)}: only the VEX profile (csaf_vex) is read`,
    };
  }
  const repo = vexRepositoryFile(value);
  if (repo) return { reason: repo };
  if (typeof value.spdxVersion === 'string') return { reason: 'an SPDX document: not a VEX document' };
  return {
    reason:
      'no VEX format recognised: expected CycloneDX (bomFormat + vulnerabilities), OpenVEX ' +
      '(@context https://openvex.dev/ns…) or CSAF VEX (document.csaf_version, category csaf_vex)',
  };
}

/**
 * The two files of a VEX repository (aquasecurity/vex-repo-spec v0.1) that are not VEX documents:
 * the manifest (§2, vex-repository.json) and a version's index (§4.2, index.json). Trivy reads
 * both; here they are refused by name so the operator points the reader at the documents instead.
 */
function vexRepositoryFile(doc: Doc): string | undefined {
  const { packages, versions } = doc;
  if (Array.isArray(packages) && packages.every((p) => isRecord(p) && 'id' in p && 'location' in p)) {
    return 'a VEX repository index (vex-repo-spec §4.2 index.json): it lists VEX documents by location, it holds no statements; read the listed documents';
  }
  if (
    Array.isArray(versions) &&
    versions.every((v) => isRecord(v) && 'spec_version' in v && 'locations' in v)
  ) {
    return 'a VEX repository manifest (vex-repo-spec §2 vex-repository.json): it locates a repository archive, it holds no statements';
  }
  return undefined;
}
