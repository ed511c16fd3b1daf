/**
 * SPDX JSON SBOM adapter (spdxVersion SPDX-2.2 and SPDX-2.3). Pipeline: spdxVersion check →
 * official SPDX 2.3 JSON schema (validate.ts) → zod boundary schema (schema.ts) → extraction
 * (extract.ts). See readme.md for the mapping decisions.
 */
import { AppError } from '../../../core/errors.js';
import type { Extraction } from '../../../core/inventory.js';
import { validateShape } from '../../../core/structured-input.js';
import type { InventoryAdapter, SourceInput } from '../../types.js';
import { extractDocument } from './extract.js';
import { SpdxDocument } from './schema.js';
import { checkSpdxVersion, validateAgainstSchema } from './validate.js';

/**
 * Whether a parsed document is SPDX (any version): a JSON object whose `spdxVersion` starts with
 * `SPDX-` (§6.1 "SPDX-M.N"). Unsupported versions are accepted so that extract() can say which.
 */
export function isSpdxDocument(parsed: unknown): parsed is Record<string, unknown> {
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return false;
  const version = (parsed as Record<string, unknown>).spdxVersion;
  return typeof version === 'string' && version.startsWith('SPDX-');
}

/** Validate and extract one parsed SPDX JSON document. */
export async function readSpdx(input: SourceInput, parsed: unknown): Promise<Extraction> {
  if (!isSpdxDocument(parsed)) {
    throw new AppError('INPUT_SCHEMA', {
      file: input.file,
      pointer: '/spdxVersion',
      reason: 'an SPDX document is a JSON object whose spdxVersion starts with "SPDX-"',
    });
  }
  checkSpdxVersion(parsed, input.file);
  validateAgainstSchema(parsed, input.file);
  return extractDocument(validateShape(SpdxDocument, parsed, input.file));
}

/** Adapter for SPDX 2.2/2.3 JSON documents (`spdxVersion: "SPDX-2.3"`). */
export const spdxJsonAdapter: InventoryAdapter = {
  id: 'sbom/spdx-json',
  version: '1',
  accepts: (_input, parsed) => isSpdxDocument(parsed),
  extract: readSpdx,
};

export type { SpdxComponentRecord } from './extract.js';
