/**
 * One SBOM package → ComponentRecord, the same way for CycloneDX and SPDX: the purl is the
 * identity, the document's own version fills in when the purl has none, OS packages take their
 * source package from the purl or from the producer's side channel, and their release from the
 * purl's `distro` qualifier or from the operating system the document lists.
 */
import type { ComponentRecord } from '../../core/inventory.js';
import { type PurlInfo, versionWithEpoch } from '../purl.js';

const OS_TYPES = new Set(['deb', 'rpm', 'apk', 'alpine']);

/** Build the record; `producerSource` reads the source package where the producer keeps it (Trivy). */
export function sbomComponentRecord(p: {
  purl: string;
  info: PurlInfo;
  ref: string;
  declaredVersion: string | undefined;
  distro: ReadonlyMap<string, string>;
  producerSource: () => { sourceName?: string; sourceVersion?: string };
}): ComponentRecord {
  const { info } = p;
  const record: ComponentRecord = {
    purl: p.purl,
    ecosystem: info.ecosystem,
    name: info.name,
    version: versionWithEpoch(info) ?? (p.declaredVersion || null),
    ref: p.ref,
  };
  const isOs = OS_TYPES.has(info.type);
  const source = info.sourceName ? info : isOs ? p.producerSource() : {};
  if (source.sourceName) record.sourceName = source.sourceName;
  if (source.sourceVersion) record.sourceVersion = source.sourceVersion;
  const release = info.distroRelease ?? (isOs && info.ecosystem ? p.distro.get(info.ecosystem) : undefined);
  if (release) record.distroRelease = release;
  return record;
}
