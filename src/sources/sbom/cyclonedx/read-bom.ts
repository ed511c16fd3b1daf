/**
 * The CycloneDX JSON pipeline shared by the plain adapter and the attestation adapter: spec
 * version check → official schema → boundary schema → extraction. The XML reader (read-xml.ts)
 * joins at the boundary schema, after its own XSD validation.
 */
import { basename } from 'node:path';
import { sha256Hex } from '../../../core/digest.js';
import { AppError, type ErrorDetails } from '../../../core/errors.js';
import type { Extraction } from '../../../core/inventory.js';
import { jsonPointer } from '../../../core/structured-input.js';
import { extractBom } from './extract.js';
import { Bom } from './schema.js';
import { checkSpecVersion, type Locate, validateAgainstSchema } from './validate.js';

/** Where a BOM sits: its file, how to locate a pointer in errors, and the pointer prefix for refs. */
export interface BomLocation {
  file: string;
  locate: Locate;
  base: string;
}

/**
 * Whether a parsed document is a CycloneDX inventory: `bomFormat` is "CycloneDX" (required by
 * every CycloneDX JSON schema) and it is not a VEX/VDR, i.e. vulnerabilities with no components
 * or services to describe (CycloneDX VEX guide: VEX documents may omit the inventory).
 */
export function isCycloneDxInventory(doc: unknown): boolean {
  if (!isRecord(doc) || doc.bomFormat !== 'CycloneDX') return false;
  return !(hasItems(doc.vulnerabilities) && !hasItems(doc.components) && !hasItems(doc.services));
}

/** Whether a parsed document is a CycloneDX VEX/VDR rather than an inventory. */
export function isCycloneDxVex(doc: unknown): boolean {
  return isRecord(doc) && doc.bomFormat === 'CycloneDX' && !isCycloneDxInventory(doc);
}

/** Validate and extract one CycloneDX JSON document; `json` is its text, as the schema validator reads text. */
export async function readBom(doc: unknown, json: string, at: BomLocation): Promise<Extraction> {
  if (!isRecord(doc))
    throw new AppError('INPUT_SCHEMA', { ...at.locate(''), reason: 'a BOM must be a JSON object' });
  const version = checkSpecVersion(doc, at.locate);
  await validateAgainstSchema(version, json.replace(/^\uFEFF/, ''), at.locate);
  return extractValidBom(doc, json, at);
}

/**
 * Boundary schema → extraction, once the official schema (JSON or XSD) has passed; shared by the
 * JSON and XML readers. `text` is the document as read (its digest identifies a BOM that names
 * nothing else); `locateIssue` turns a path in `doc` into error details (default: JSON pointer).
 */
export function extractValidBom(
  doc: unknown,
  text: string,
  at: BomLocation,
  locateIssue: (path: ReadonlyArray<PropertyKey>) => ErrorDetails = (path) => at.locate(jsonPointer(path)),
): Extraction {
  const result = Bom.safeParse(doc);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new AppError('INPUT_SCHEMA', {
      ...locateIssue(issue?.path ?? []),
      reason: issue?.message ?? 'invalid value',
    });
  }
  // Neither serialNumber nor metadata.component (both optional in every spec version): the
  // content digest is the only stable identity left.
  const fallback = {
    name: basename(at.file),
    externalId: `sha256:${sha256Hex(text)}`,
  };
  return extractBom(result.data, at.base, fallback);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function hasItems(v: unknown): boolean {
  return Array.isArray(v) && v.length > 0;
}
