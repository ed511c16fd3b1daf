/**
 * CycloneDX SBOM adapters: JSON (specVersion 1.2–1.6), in-toto attestations, and XML (namespace
 * 1.2–1.6). See readme.md for the mapping decisions.
 */
import type { InventoryAdapter } from '../../types.js';
import { isCycloneDxInventory, readBom } from './read-bom.js';

/** Adapter for plain CycloneDX JSON files (`bomFormat: "CycloneDX"`). */
export const cyclonedxJsonAdapter: InventoryAdapter = {
  id: 'sbom/cyclonedx-json',
  version: '1',
  accepts: (_input, parsed) => isCycloneDxInventory(parsed),
  extract: (input, parsed) =>
    readBom(parsed, input.text, {
      file: input.file,
      locate: (pointer) => ({ file: input.file, pointer }),
      base: '',
    }),
};

export { cyclonedxAttestationAdapter } from './attestation.js';
export { cyclonedxXmlAdapter } from './xml.js';
