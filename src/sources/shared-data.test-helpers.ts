/**
 * Test-only access to the shared sample data (/work/shared/data, a sibling of the checkout).
 * Excluded from the build by tsconfig.build.json (`*.test-helpers.ts`).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// This file is src/sources/<name>: three levels up is the folder holding the checkout and `shared`.
const SBOM_DATA = new URL('../../../shared/data/sbom/', import.meta.url);

/** Absolute path of a file under shared/data/sbom, e.g. `cyclonedx-bom-examples/…json`. */
export function sbomPath(relative: string): string {
  return fileURLToPath(new URL(relative, SBOM_DATA));
}

/** Text of a file under shared/data/sbom. */
export function sbomText(relative: string): string {
  return readFileSync(sbomPath(relative), 'utf8');
}
