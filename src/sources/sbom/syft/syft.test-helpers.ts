/**
 * Test-only: read Syft JSON the way read-inventory.ts does (JSON parse, accepts → extract) but
 * through this adapter alone, and build minimal documents. Excluded from the build by
 * tsconfig.build.json (`*.test-helpers.ts`).
 */
import type { Extraction } from '../../../core/inventory.js';
import { parseJsonText } from '../../../core/structured-input.js';
import { sbomPath, sbomText } from '../../shared-data.test-helpers.js';
import { syftJsonAdapter } from './index.js';

/** Parse and extract Syft JSON text; throws if the adapter does not accept it. */
export async function readSyftText(file: string, text: string): Promise<Extraction> {
  const parsed = parseJsonText(text, file);
  if (!syftJsonAdapter.accepts({ file, text }, parsed)) throw new Error(`${file}: not accepted as Syft JSON`);
  return syftJsonAdapter.extract({ file, text }, parsed);
}

/** Extract a file under shared/data/sbom. */
export function readSyftFile(relative: string): Promise<Extraction> {
  return readSyftText(sbomPath(relative), sbomText(relative));
}

/** Extract an in-memory document, pretty-printed as Syft writes it. */
export function runDoc(doc: unknown, file = 'uploads/sbom.syft.json'): Promise<Extraction> {
  return readSyftText(file, JSON.stringify(doc, null, 2));
}

/** A minimal schema-16 Syft document of a directory scan with the given extra fields. */
export function syft16(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    artifacts: [],
    artifactRelationships: [],
    source: { id: 'd0c5', name: 'billing-api', version: '2.4.1', type: 'directory', metadata: { path: '.' } },
    distro: {},
    descriptor: { name: 'syft', version: '1.20.0' },
    schema: {
      version: '16.0.24',
      url: 'https://raw.githubusercontent.com/anchore/syft/main/schema/json/schema-16.0.24.json',
    },
    ...extra,
  };
}

/** An artifact as schema 16 writes it (fields not read by the adapter included for realism). */
export function artifact(
  id: string,
  name: string,
  version: string,
  type: string,
  purl: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    id,
    name,
    version,
    type,
    foundBy: 'test-cataloger',
    locations: [],
    licenses: [],
    language: '',
    cpes: [],
    purl,
    ...extra,
  };
}
