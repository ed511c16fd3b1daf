/**
 * CycloneDX XML SBOM adapter (spec 1.2–1.6, the versions that also have a JSON encoding, so the
 * JSON model and its extractor apply unchanged). Pipeline: well-formedness (saxes, DOCTYPE
 * refused) → spec version from the namespace → the official XSD (xmllint-wasm) → the JSON
 * model (xml-model.ts) → the shared boundary schema and extraction (read-bom.ts).
 */
import { AppError, type ErrorDetails } from '../../../core/errors.js';
import type { Extraction } from '../../../core/inventory.js';
import type { InventoryAdapter } from '../../types.js';
import { extractValidBom, isCycloneDxInventory } from './read-bom.js';
import { bomFromXml, type Origins } from './xml-model.js';
import { hasXmlRoot, parseXmlTree, xpathOf } from './xml-tree.js';
import { validateXmlSchema, xmlSpecVersion } from './xml-validate.js';

/** Read one CycloneDX XML document into an extraction; every failure is an AppError naming the file. */
export async function readXmlBom(text: string, file: string): Promise<Extraction> {
  const root = parseXmlTree(text, file);
  const version = xmlSpecVersion(root, file);
  await validateXmlSchema(version, text, root, file);
  const origins: Origins = new WeakMap();
  const doc = bomFromXml(root, version, origins);
  // Same rule as the JSON adapter's accepts(): a VEX/VDR (vulnerabilities, no inventory) is
  // not an inventory. For XML it can only be told after parsing, hence here.
  if (!isCycloneDxInventory(doc)) {
    throw new AppError('INPUT_UNRECOGNISED', {
      file,
      reason: 'a CycloneDX VEX/VDR document (vulnerabilities without components): not an inventory',
    });
  }
  return extractValidBom(doc, text, { file, locate: (pointer) => ({ file, pointer }), base: '' }, (path) =>
    locateInXml(doc, path, origins, file),
  );
}

// A shape error found after conversion points at the XML element the offending value came
// from: walk the path through the converted document and keep the deepest recorded origin.
function locateInXml(
  doc: unknown,
  path: ReadonlyArray<PropertyKey>,
  origins: Origins,
  file: string,
): ErrorDetails {
  let value: unknown = doc;
  let origin = origins.get(doc as object);
  for (const key of path) {
    if (typeof value !== 'object' || value === null) break;
    value = (value as Record<PropertyKey, unknown>)[key];
    const found = typeof value === 'object' && value !== null ? origins.get(value) : undefined;
    if (found) origin = found;
  }
  return origin ? { file, line: origin.line, column: origin.column, pointer: xpathOf(origin) } : { file };
}

/** Adapter for CycloneDX XML files: any XML document whose root element is `<bom>`. */
export const cyclonedxXmlAdapter: InventoryAdapter = {
  id: 'sbom/cyclonedx-xml',
  version: '1',
  // Recognised by content, not by file extension: the root element, whatever its namespace,
  // so that an old (1.0/1.1) or unknown namespace is reported as such, not as "unrecognised".
  accepts: (input, parsed) => parsed === undefined && hasXmlRoot(input.text, 'bom'),
  extract: (input) => readXmlBom(input.text, input.file),
};
