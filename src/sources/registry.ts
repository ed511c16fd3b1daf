/**
 * The inventory adapters, in detection order, and format detection. Each adapter's id starts
 * with its folder under src/sources (contract-tested in registry.spec.ts).
 */
import { AppError } from '../core/errors.js';
import { bottlerocketInventoryAdapter } from './os/bottlerocket/index.js';
import { apkInstalledAdapter, dpkgStatusAdapter, rpmQaAdapter } from './os/index.js';
import {
  cyclonedxAttestationAdapter,
  cyclonedxJsonAdapter,
  cyclonedxXmlAdapter,
} from './sbom/cyclonedx/index.js';
import { isCycloneDxVex } from './sbom/cyclonedx/read-bom.js';
import { spdxJsonAdapter } from './sbom/spdx/index.js';
import { syftJsonAdapter } from './sbom/syft/index.js';
import type { InventoryAdapter, SourceInput } from './types.js';

/** Every registered inventory adapter; the first whose `accepts` is true handles the input. */
export const ADAPTERS: readonly InventoryAdapter[] = [
  cyclonedxJsonAdapter,
  cyclonedxAttestationAdapter,
  cyclonedxXmlAdapter,
  spdxJsonAdapter,
  syftJsonAdapter,
  bottlerocketInventoryAdapter,
  dpkgStatusAdapter,
  rpmQaAdapter,
  apkInstalledAdapter,
];

/** Folder (under src/sources) of each adapter, for the registry contract test. */
export const ADAPTER_FOLDERS: Readonly<Record<string, string>> = {
  [cyclonedxJsonAdapter.id]: 'sbom/cyclonedx',
  [cyclonedxAttestationAdapter.id]: 'sbom/cyclonedx',
  [cyclonedxXmlAdapter.id]: 'sbom/cyclonedx',
  [spdxJsonAdapter.id]: 'sbom/spdx',
  [syftJsonAdapter.id]: 'sbom/syft',
  [bottlerocketInventoryAdapter.id]: 'os/bottlerocket',
  [dpkgStatusAdapter.id]: 'os/dpkg',
  [rpmQaAdapter.id]: 'os/rpm',
  [apkInstalledAdapter.id]: 'os/apk',
};

/**
 * The adapter for an input (`parsed` is the JSON value, or undefined for non-JSON text); throws
 * INPUT_UNRECOGNISED naming the file and, for formats we know of, what the input looks like.
 */
export function detectAdapter(input: SourceInput, parsed: unknown): InventoryAdapter {
  const adapter = ADAPTERS.find((a) => a.accepts(input, parsed));
  if (adapter) return adapter;
  throw new AppError('INPUT_UNRECOGNISED', {
    file: input.file,
    reason: describeUnrecognised(input.text, parsed),
    adapters: ADAPTERS.map((a) => a.id),
  });
}

// Identify well-known neighbours so the message says what to do. Only fixed strings and format
// version fields are echoed back, never free text from the file.
function describeUnrecognised(text: string, parsed: unknown): string {
  if (parsed === undefined) {
    if (/^\s*</.test(text))
      return 'XML whose root element is not a CycloneDX <bom>: SPDX XML is not supported (use JSON)';
    return 'not JSON, and no text-format adapter accepts it';
  }
  if (Array.isArray(parsed)) return 'a JSON array: expected an SBOM object';
  if (typeof parsed !== 'object' || parsed === null) return 'a JSON scalar: expected an SBOM object';
  const doc = parsed as Record<string, unknown>;
  if (isCycloneDxVex(doc)) {
    return 'a CycloneDX VEX/VDR document (vulnerabilities without components): not an inventory';
  }
  if (typeof doc.spdxVersion === 'string') return 'spdxVersion does not start with "SPDX-"';
  if (typeof doc['@context'] === 'string' && doc['@context'].includes('openvex')) {
    return 'an OpenVEX document: not an inventory';
  }
  const document = doc.document as Record<string, unknown> | undefined;
  if (typeof document?.csaf_version === 'string') return 'a CSAF document: not an inventory';
  if (typeof doc.payloadType === 'string' && 'payload' in doc) {
    return 'an attestation envelope whose payload is not an in-toto statement with a CycloneDX predicate';
  }
  if (typeof doc.bomFormat === 'string') return 'bomFormat is not "CycloneDX"';
  return 'no registered adapter recognises this JSON document';
}
