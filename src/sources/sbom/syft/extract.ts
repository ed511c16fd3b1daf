/**
 * Syft artifacts → components. Every artifact is either a ComponentRecord or a Rejected entry
 * with its id and a reason; nothing in `artifacts` is skipped silently. The purl is the identity
 * (built by the same helper as the CycloneDX and SPDX adapters); Syft's package-database
 * metadata and `distro` fill in the source package, epoch and release the purl lacks.
 */
import { isAppError } from '../../../core/errors.js';
import type { ComponentRecord, Extraction, Rejected } from '../../../core/inventory.js';
import { releaseContext } from '../../distro.js';
import { type PurlInfo, parsePurl } from '../../purl.js';
import { sbomComponentRecord } from '../component-record.js';
import { syftAsset } from './asset.js';
import { osMetadata } from './os-metadata.js';
import type { SyftArtifact, SyftDistro, SyftDoc } from './schema.js';

/** Extract asset, components and rejected records from a validated Syft document. */
export function extractSyft(doc: SyftDoc, file: string, fallbackName: string): Extraction {
  const distro = releaseContext(distroOf(doc.distro));
  const components: ComponentRecord[] = [];
  const rejected: Rejected[] = [];
  const seen = new Set<string>();
  doc.artifacts.forEach((artifact, i) => {
    const pointer = `/artifacts/${i}`;
    // Schema 1.0.x artifacts have no id; the pointer finds them.
    const ref = artifact.id || pointer;
    if (!artifact.purl) {
      rejected.push({ ref, reason: noPurlReason(artifact) });
      return;
    }
    let info: PurlInfo;
    try {
      info = parsePurl(artifact.purl);
    } catch (err) {
      if (!isAppError(err)) throw err;
      rejected.push({ ref, reason: err.details.reason ?? 'invalid purl' });
      return;
    }
    // One component per purl and asset: Syft lists a package once per location it was found
    // (a jar in two lib directories), which is the same package.
    if (seen.has(artifact.purl)) {
      rejected.push({ ref, reason: 'duplicate' });
      return;
    }
    seen.add(artifact.purl);
    const meta = osMetadata(artifact, file, pointer);
    const record = sbomComponentRecord({
      purl: artifact.purl,
      info,
      ref,
      declaredVersion: artifact.version,
      distro,
      producerSource: () => meta,
    });
    // An rpm purl without an `epoch` qualifier loses the epoch Syft read from the header; a
    // missing epoch is a known false-positive class (grype#437), so put it back on the version.
    if (info.type === 'rpm' && info.epoch === undefined && meta.epoch && record.version !== null) {
      if (!record.version.includes(':')) record.version = `${meta.epoch}:${record.version}`;
    }
    components.push(record);
  });
  return { asset: syftAsset(doc.source, file, fallbackName), components, rejected };
}

/**
 * The scanned root's operating system for releaseContext: os-release ID and VERSION_ID (schema
 * 2+), else schema 1.x's `name`/`version`. Syft writes empty strings when it found none.
 */
function distroOf(d: SyftDistro | null | undefined): Array<{ name: string; version: string }> {
  const name = d?.id || d?.name;
  const version = d?.versionID || d?.version;
  return name && version ? [{ name, version }] : [];
}

function noPurlReason(a: SyftArtifact): string {
  return (a.cpes?.length ?? 0) > 0 ? 'no purl; cpe only' : 'no purl';
}
