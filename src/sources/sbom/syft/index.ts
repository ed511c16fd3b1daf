/**
 * Syft JSON SBOM adapter (`syft -o syft-json`, JSON schema 1.x–16.x). Pipeline: schema version
 * check → zod boundary schema (schema.ts) → extraction (extract.ts, asset.ts, os-metadata.ts).
 * Syft publishes no stable spec beyond its per-version JSON schemas, so only the fields read
 * are validated. See readme.md for the mapping decisions.
 */
import { basename } from 'node:path';
import { AppError } from '../../../core/errors.js';
import type { Extraction } from '../../../core/inventory.js';
import { validateShape } from '../../../core/structured-input.js';
import type { InventoryAdapter, SourceInput } from '../../types.js';
import { extractSyft } from './extract.js';
import { SUPPORTED_SCHEMA_MAJORS, SyftDocument } from './schema.js';

/**
 * Whether a parsed document is Syft JSON: an object whose `descriptor.name` is "syft" (required
 * by every schema version) and that has an `artifacts` member. Its shape is checked by extract(),
 * so a damaged document is reported where it is damaged rather than as unrecognised.
 */
export function isSyftDocument(parsed: unknown): parsed is Record<string, unknown> {
  if (!isRecord(parsed) || !('artifacts' in parsed)) return false;
  return isRecord(parsed.descriptor) && parsed.descriptor.name === 'syft';
}

/** Validate and extract one parsed Syft JSON document. */
export async function readSyft(input: SourceInput, parsed: unknown): Promise<Extraction> {
  if (!isSyftDocument(parsed)) {
    throw new AppError('INPUT_SCHEMA', {
      file: input.file,
      pointer: '/descriptor/name',
      reason: 'a Syft document is a JSON object whose descriptor.name is "syft"',
    });
  }
  checkSchemaVersion(parsed, input.file);
  const doc = validateShape(SyftDocument, parsed, input.file);
  return extractSyft(doc, input.file, basename(input.file));
}

// The `schema.version` major changes when Syft renames or removes a field; a document from a
// major this adapter has not been checked against is refused rather than half-read.
function checkSchemaVersion(doc: Record<string, unknown>, file: string): void {
  const found = isRecord(doc.schema) ? doc.schema.version : undefined;
  if (typeof found !== 'string') {
    throw new AppError('INPUT_SCHEMA', {
      file,
      pointer: '/schema/version',
      reason: 'expected the Syft JSON schema version as a string',
    });
  }
  const major = /^(\d+)\.\d+\.\d+/.exec(found)?.[1];
  const { min, max } = SUPPORTED_SCHEMA_MAJORS;
  if (major === undefined || Number(major) < min || Number(major) > max) {
    throw new AppError('INPUT_UNSUPPORTED_SPEC', {
      file,
      pointer: '/schema/version',
      found,
      supported: `${min}.x–${max}.x`,
    });
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Adapter for Syft's native JSON (`descriptor.name: "syft"`). */
export const syftJsonAdapter: InventoryAdapter = {
  id: 'sbom/syft-json',
  version: '1',
  accepts: (_input, parsed) => isSyftDocument(parsed),
  extract: readSyft,
};
