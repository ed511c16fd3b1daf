/**
 * CycloneDX BOM → one asset (the BOM's subject, `metadata.component`) and its components.
 * Every component is either a ComponentRecord or a Rejected entry with a reason, except
 * operating-system components without a purl: they describe the platform and become the distro
 * context of the OS packages (CycloneDX §component.type "operating-system").
 */

import { isAppError } from '../../../core/errors.js';
import {
  type AssetKind,
  type AssetRecord,
  type ComponentRecord,
  containerImageId,
  type Extraction,
  type Rejected,
} from '../../../core/inventory.js';
import { versionlessPurl } from '../../../core/purl-text.js';
import { releaseContext } from '../../distro.js';
import { type PurlInfo, parsePurl } from '../../purl.js';
import { sbomComponentRecord } from '../component-record.js';
import type { CdxBom, CdxComponent, CdxService } from './schema.js';

/** How the BOM is identified when it has neither serialNumber nor a subject component. */
export interface Fallback {
  name: string;
  externalId: string;
}

/** Extract asset, components and rejected records from a validated BOM; `base` prefixes JSON pointers. */
export function extractBom(bom: CdxBom, base: string, fallback: Fallback): Extraction {
  const subject = bom.metadata?.component;
  const items: Array<[CdxComponent, string]> = [];
  if (subject?.components) collect(subject.components, `${base}/metadata/component/components`, items);
  if (bom.components) collect(bom.components, `${base}/components`, items);

  const distro = releaseContext(
    items.flatMap(([c]) =>
      c.type === 'operating-system' && c.version ? [{ name: c.name, version: c.version }] : [],
    ),
  );
  const components: ComponentRecord[] = [];
  const rejected: Rejected[] = [];
  const seen = new Set<string>();
  for (const [c, pointer] of items) {
    const ref = c['bom-ref'] ?? pointer;
    // Every entry is accounted for: a component is a package, or `rejected` says what it was.
    if (subject !== undefined && isSubject(c, subject)) {
      rejected.push({ ref, reason: 'the SBOM subject (metadata.component) listed again: it is the asset' });
      continue;
    }
    if (c.purl === undefined) {
      rejected.push({
        ref,
        reason:
          c.type === 'operating-system'
            ? 'operating system without a purl: its name and version give OS packages their distro release'
            : noPurlReason(c),
      });
      continue;
    }
    let info: PurlInfo;
    try {
      info = parsePurl(c.purl);
    } catch (err) {
      if (!isAppError(err)) throw err;
      rejected.push({ ref, reason: err.details.reason ?? 'invalid purl' });
      continue;
    }
    // Several bom-refs may carry one purl (npm installs the same version at several paths);
    // one record per package, the rest counted as duplicates.
    if (seen.has(c.purl)) {
      rejected.push({ ref, reason: 'duplicate' });
      continue;
    }
    seen.add(c.purl);
    components.push(toRecord(c, info, ref, distro));
  }
  for (const [s, pointer] of collectServices(bom.services ?? [], `${base}/services`)) {
    rejected.push({
      ref: s['bom-ref'] ?? pointer,
      reason: 'service has no package identity (CycloneDX service)',
    });
  }
  return { asset: toAsset(bom, subject, fallback), components, rejected };
}

function collect(list: CdxComponent[], pointer: string, out: Array<[CdxComponent, string]>): void {
  list.forEach((c, i) => {
    out.push([c, `${pointer}/${i}`]);
    if (c.components) collect(c.components, `${pointer}/${i}/components`, out);
  });
}

function collectServices(list: CdxService[], pointer: string): Array<[CdxService, string]> {
  return list.flatMap(
    (s, i): Array<[CdxService, string]> => [
      [s, `${pointer}/${i}`],
      ...collectServices(s.services ?? [], `${pointer}/${i}/services`),
    ],
  );
}

// bom-refs are unique within a BOM (CycloneDX §bom-ref), so a component sharing the subject's
// bom-ref, or its purl, is the subject listed again, not a dependency of it.
function isSubject(c: CdxComponent, subject: CdxComponent): boolean {
  if (c['bom-ref'] !== undefined && c['bom-ref'] === subject['bom-ref']) return true;
  return c.purl !== undefined && c.purl === subject.purl;
}

function noPurlReason(c: CdxComponent): string {
  const cpe = c.cpe ? '; cpe only' : '';
  if (c.type === 'device') return `hardware component has no package identity (no purl${cpe})`;
  if (c.type === 'firmware') return `firmware component has no package identity (no purl${cpe})`;
  return `no purl${cpe}`;
}

// The purl is the identity; the component's own version fills in when the purl has none
// (the medical-device SBOMs write `pkg:github/wolfssl/wolfssl` with version 4.8.1 beside it).
function toRecord(
  c: CdxComponent,
  info: PurlInfo,
  ref: string,
  distro: Map<string, string>,
): ComponentRecord {
  return sbomComponentRecord({
    purl: c.purl ?? '',
    info,
    ref,
    declaredVersion: c.version,
    distro,
    producerSource: () => trivySource(c),
  });
}

/**
 * Trivy records the source package of OS packages as properties, not in the purl
 * (aquasecurity:trivy:SrcName / SrcVersion / SrcRelease / SrcEpoch). Debian, Ubuntu and Alpine
 * advisories are keyed by source package, so this is what the matcher needs.
 */
function trivySource(c: CdxComponent): { sourceName?: string; sourceVersion?: string } {
  const prop = (n: string) => c.properties?.find((p) => p.name === `aquasecurity:trivy:${n}`)?.value;
  const name = prop('SrcName');
  if (!name) return {};
  const version = prop('SrcVersion');
  if (!version) return { sourceName: name };
  const release = prop('SrcRelease');
  const epoch = prop('SrcEpoch');
  const full = `${epoch && epoch !== '0' ? `${epoch}:` : ''}${version}${release ? `-${release}` : ''}`;
  return { sourceName: name, sourceVersion: full };
}

// CycloneDX §metadata.component.type → asset kind. `device` and `firmware` map to `other`: the
// type says "hardware", not "medical" (the HBOM example is a PCIe adapter board); medical-device
// status and clinical criticality come from the device inventory, not from an SBOM.
const KINDS: Record<string, AssetKind> = {
  application: 'application',
  framework: 'application',
  library: 'application',
  container: 'container-image',
  'operating-system': 'host',
};

/**
 * The manifest digest of a container subject: the version of its `pkg:oci` purl (PURL-TYPES:
 * "the version is the sha256:hex digest of the image manifest"), else Trivy's RepoDigest
 * property (`name@sha256:…`). Trivy's ImageID is the config digest, not the manifest's: unused.
 */
function manifestDigest(subject: CdxComponent): string | undefined {
  const fromPurl = /^pkg:oci\/[^@?#]+@(sha256(?::|%3A)[0-9a-f]{64})/i.exec(subject.purl ?? '')?.[1];
  if (fromPurl) return fromPurl.replace(/%3A/i, ':');
  const repo = subject.properties?.find((p) => p.name === 'aquasecurity:trivy:RepoDigest')?.value;
  return /@(sha256:[0-9a-f]{64})$/i.exec(repo ?? '')?.[1];
}

function toAsset(bom: CdxBom, subject: CdxComponent | undefined, fallback: Fallback): AssetRecord {
  // The asset is the thing the BOM describes, not the BOM: CycloneDX asks for a new serialNumber
  // on every generation, so a regenerated (or next-version) SBOM of the same application must
  // land on the same asset. Identity = the subject's purl without version, else its group/name;
  // the serialNumber only when there is no subject. Deployments of one application on several
  // hosts are told apart by the importer (`--asset-id`).
  const id = subject
    ? ((subject.purl ? versionlessPurl(subject.purl) : undefined) ??
      (subject.group ? `${subject.group}/${subject.name}` : subject.name))
    : (bom.serialNumber ?? fallback.externalId);
  // A container image is one artifact per manifest digest: the id every source uses for it
  // (registry, Syft, CycloneDX), so an image in ECR and its SBOM are one asset.
  const digest = subject?.type === 'container' ? manifestDigest(subject) : undefined;
  const asset: AssetRecord = {
    externalId: digest ? containerImageId(digest) : `cyclonedx:${id}`,
    name: subject?.name || fallback.name,
    kind: (subject && KINDS[subject.type]) ?? 'other',
    tags: {},
  };
  if (subject?.version) asset.version = subject.version;
  return asset;
}
