/**
 * Test-only: read a document the way read-inventory.ts does (JSON parse with located syntax
 * errors, then accepts → extract) but through this adapter alone, so the specs do not depend on
 * the registry. Excluded from the build by tsconfig.build.json (`*.test-helpers.ts`).
 */
import type { Extraction } from '../../../core/inventory.js';
import { parseJsonText } from '../../../core/structured-input.js';
import { sbomPath, sbomText } from '../../shared-data.test-helpers.js';
import type { SpdxComponentRecord } from './extract.js';
import { spdxJsonAdapter } from './index.js';

/** Extraction whose components carry the CPEs this adapter keeps. */
export type SpdxExtraction = Extraction & { components: SpdxComponentRecord[] };

/** Parse and extract SPDX JSON text; throws if the adapter does not accept it. */
export async function readSpdxText(file: string, text: string): Promise<SpdxExtraction> {
  const parsed = parseJsonText(text, file);
  if (!spdxJsonAdapter.accepts({ file, text }, parsed)) throw new Error(`${file}: not accepted as SPDX`);
  return spdxJsonAdapter.extract({ file, text }, parsed);
}

/** Extract a file under shared/data/sbom. */
export function readSpdxFile(relative: string): Promise<SpdxExtraction> {
  return readSpdxText(sbomPath(relative), sbomText(relative));
}

/** Extract an in-memory document, pretty-printed as a tool would write it. */
export function runDoc(doc: unknown, file = 'uploads/sbom.spdx.json'): Promise<SpdxExtraction> {
  return readSpdxText(file, JSON.stringify(doc, null, 2));
}

/** A minimal valid SPDX 2.3 document with the given extra fields. */
export function spdx23(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    spdxVersion: 'SPDX-2.3',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: 'app-sbom',
    dataLicense: 'CC0-1.0',
    documentNamespace: 'https://example.invalid/spdx/app-1',
    creationInfo: { created: '2024-01-01T00:00:00Z', creators: ['Tool: test'] },
    ...extra,
  };
}

/** A package with a purl ref (PACKAGE-MANAGER spelling unless given). */
export function pkg(id: string, name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { SPDXID: `SPDXRef-${id}`, name, downloadLocation: 'NOASSERTION', ...extra };
}

/** An externalRefs entry holding a purl. */
export function purlRef(purl: string, category = 'PACKAGE-MANAGER'): Record<string, string> {
  return { referenceCategory: category, referenceType: 'purl', referenceLocator: purl };
}
