/**
 * CycloneDX BOMs inside in-toto attestations: a DSSE envelope (`syft attest`, `cosign attest
 * --type cyclonedx`; payloadType application/vnd.in-toto+json, payload base64) or a bare in-toto
 * Statement, whose predicateType is https://cyclonedx.org/bom and whose predicate is the BOM.
 *
 * The signature is NOT verified here: that needs the signer's key or Sigstore identity, which a
 * file import does not have. The BOM is read exactly as a plain CycloneDX file would be.
 */
import type { InventoryAdapter } from '../../types.js';
import { isCycloneDxInventory, readBom } from './read-bom.js';

const IN_TOTO_PAYLOAD = 'application/vnd.in-toto+json';
// in-toto attestation predicate registry: CycloneDX, optionally with a version suffix (/v1.4).
const CYCLONEDX_PREDICATE = /^https:\/\/cyclonedx\.org\/bom(\/v?\d+(\.\d+)*)?$/;

interface Unwrapped {
  predicate: unknown;
  /** Whether the statement came base64-encoded in a DSSE envelope's payload. */
  enveloped: boolean;
}

// accepts() and extract() see the same parsed object: decode the payload once.
const cache = new WeakMap<object, Unwrapped | null>();

/** The in-toto statement's CycloneDX predicate, or null when `doc` is not such an attestation. */
export function unwrapAttestation(doc: unknown): Unwrapped | null {
  if (typeof doc !== 'object' || doc === null) return null;
  const hit = cache.get(doc);
  if (hit !== undefined) return hit;
  const result = unwrap(doc as Record<string, unknown>);
  cache.set(doc, result);
  return result;
}

function unwrap(doc: Record<string, unknown>): Unwrapped | null {
  let statement: unknown = doc;
  const enveloped = doc.payloadType === IN_TOTO_PAYLOAD && typeof doc.payload === 'string';
  if (enveloped) {
    try {
      statement = JSON.parse(Buffer.from(doc.payload as string, 'base64').toString('utf8'));
    } catch {
      return null;
    }
  }
  if (typeof statement !== 'object' || statement === null) return null;
  const { predicateType, predicate } = statement as Record<string, unknown>;
  if (typeof predicateType !== 'string' || !CYCLONEDX_PREDICATE.test(predicateType)) return null;
  return { predicate, enveloped };
}

/** Adapter for CycloneDX BOMs carried as in-toto attestation predicates. */
export const cyclonedxAttestationAdapter: InventoryAdapter = {
  id: 'sbom/cyclonedx-attestation',
  version: '1',
  accepts: (_input, parsed) => isCycloneDxInventory(unwrapAttestation(parsed)?.predicate),
  extract: (input, parsed) => {
    const unwrapped = unwrapAttestation(parsed);
    const predicate = unwrapped?.predicate;
    // Errors point into the decoded statement: for an envelope the file pointer is /payload and
    // `payloadPointer` locates the problem inside the decoded payload.
    const locate = unwrapped?.enveloped
      ? (p: string) => ({ file: input.file, pointer: '/payload', payloadPointer: `/predicate${p}` })
      : (p: string) => ({ file: input.file, pointer: `/predicate${p}` });
    return readBom(predicate, JSON.stringify(predicate), { file: input.file, locate, base: '/predicate' });
  },
};
