/**
 * SPDX document → one asset (the package the document DESCRIBES) and its components (every other
 * package). Each package that is not described becomes a ComponentRecord or a Rejected entry with
 * a reason; nothing in `packages` is skipped silently. Relationships are read only to find the
 * described packages and to report dependency/containment edges that leave the document.
 */
import { isAppError } from '../../../core/errors.js';
import type {
  AssetKind,
  AssetRecord,
  ComponentRecord,
  Extraction,
  Rejected,
} from '../../../core/inventory.js';
import { versionlessPurl } from '../../../core/purl-text.js';
import { type PurlInfo, parsePurl } from '../../purl.js';
import { sbomComponentRecord } from '../component-record.js';
import {
  distroContext,
  isOperatingSystem,
  isTrivyApplication,
  packageCpes,
  packagePurl,
  trivySource,
} from './packages.js';
import type { SpdxDoc, SpdxPackage } from './schema.js';

/** A component with the CPE names SPDX gave it (Annex F cpe22Type/cpe23Type), for CSAF/NVD matching. */
export interface SpdxComponentRecord extends ComponentRecord {
  cpes?: string[];
}

/** Extract asset, components and rejected records from a validated SPDX document. */
export function extractDocument(doc: SpdxDoc): Extraction {
  const packages = doc.packages ?? [];
  const rejected: Rejected[] = [];
  const described = describedPackages(doc, rejected);
  const [subject, ...others] = described;
  for (const pkg of others) {
    rejected.push({
      ref: pkg.SPDXID,
      reason: `also described by the document; only the first described package (${subject?.SPDXID}) is the asset`,
    });
  }
  const distro = distroContext(packages);
  const components: SpdxComponentRecord[] = [];
  const seen = new Set<string>();
  for (const pkg of packages) {
    if (described.includes(pkg)) continue;
    const purl = packagePurl(pkg);
    if (purl === undefined) {
      rejected.push({ ref: pkg.SPDXID, reason: noPurlReason(pkg) });
      continue;
    }
    let info: PurlInfo;
    try {
      info = parsePurl(purl);
    } catch (err) {
      if (!isAppError(err)) throw err;
      rejected.push({ ref: pkg.SPDXID, reason: err.details.reason ?? 'invalid purl' });
      continue;
    }
    // The store keeps one component per purl and asset; a second package with the same purl
    // (one library found in two lock files) is the same package, counted as a duplicate.
    if (seen.has(purl)) {
      rejected.push({ ref: pkg.SPDXID, reason: 'duplicate' });
      continue;
    }
    seen.add(purl);
    components.push(toRecord(pkg, purl, info, distro));
  }
  rejected.push(...externalEdges(doc));
  return { asset: toAsset(doc, subject), components, rejected };
}

/**
 * The packages the document describes (§6 documentDescribes, deprecated in 2.3 but common, then
 * §11 `SPDXRef-DOCUMENT DESCRIBES x` and its inverse `x DESCRIBED_BY SPDXRef-DOCUMENT`), in that
 * order. Described files and snippets are not inventory; a described id that is not in the
 * document is reported.
 */
function describedPackages(doc: SpdxDoc, rejected: Rejected[]): SpdxPackage[] {
  const ids: string[] = [...(doc.documentDescribes ?? [])];
  for (const r of doc.relationships ?? []) {
    if (r.relationshipType === 'DESCRIBES' && r.spdxElementId === doc.SPDXID) ids.push(r.relatedSpdxElement);
    if (r.relationshipType === 'DESCRIBED_BY' && r.relatedSpdxElement === doc.SPDXID)
      ids.push(r.spdxElementId);
  }
  const known = knownIds(doc);
  const out: SpdxPackage[] = [];
  for (const id of new Set(ids)) {
    const pkg = doc.packages?.find((p) => p.SPDXID === id);
    if (pkg) out.push(pkg);
    else if (!known.has(id)) rejected.push({ ref: id, reason: missingReason('described element') });
  }
  return out;
}

// §11: dependency and containment, in both directions. Only these can put software on the asset.
const EDGES = new Set(['DEPENDS_ON', 'CONTAINS', 'DEPENDENCY_OF', 'CONTAINED_BY']);

/** Dependency/containment endpoints that are not elements of this document, once each. */
function externalEdges(doc: SpdxDoc): Rejected[] {
  const known = knownIds(doc);
  const out = new Map<string, Rejected>();
  (doc.relationships ?? []).forEach((r, i) => {
    if (!EDGES.has(r.relationshipType)) return;
    for (const id of [r.spdxElementId, r.relatedSpdxElement]) {
      if (known.has(id) || out.has(id)) continue;
      out.set(id, { ref: id, reason: missingReason(`${r.relationshipType} at /relationships/${i}`) });
    }
  });
  return [...out.values()];
}

function knownIds(doc: SpdxDoc): Set<string> {
  // §11.1: NONE and NOASSERTION may stand for the related element.
  const ids = new Set([doc.SPDXID, 'NONE', 'NOASSERTION']);
  for (const list of [doc.packages, doc.files, doc.snippets]) for (const e of list ?? []) ids.add(e.SPDXID);
  return ids;
}

function missingReason(what: string): string {
  // §6.6 external document references: `DocumentRef-<id>:SPDXRef-<id>` names an element elsewhere.
  return `${what}: not an element of this document (an external SPDX document, or a dangling id); its packages are not imported`;
}

function noPurlReason(pkg: SpdxPackage): string {
  if (isOperatingSystem(pkg)) {
    return 'operating system without a purl: its name and version give OS packages their distro release';
  }
  if (isTrivyApplication(pkg)) {
    return 'no purl: Trivy application node (a lock file or binary; its packages are listed separately)';
  }
  return packageCpes(pkg).length > 0 ? 'no purl; cpe only' : 'no purl';
}

// The purl is the identity; §7.3 versionInfo fills in when the purl has no version.
function toRecord(
  pkg: SpdxPackage,
  purl: string,
  info: PurlInfo,
  distro: Map<string, string>,
): SpdxComponentRecord {
  const record: SpdxComponentRecord = sbomComponentRecord({
    purl,
    info,
    ref: pkg.SPDXID,
    declaredVersion: pkg.versionInfo,
    distro,
    producerSource: () => trivySource(pkg),
  });
  const cpes = packageCpes(pkg);
  if (cpes.length > 0) record.cpes = cpes;
  return record;
}

// §7.24 primary package purpose → asset kind (both spellings of OPERATING_SYSTEM). SOURCE and
// INSTALL are software the team builds or installs: an application. DEVICE and FIRMWARE map to
// `other` as in the CycloneDX adapter: medical-device status comes from the device inventory.
const KINDS: Record<string, AssetKind> = {
  APPLICATION: 'application',
  FRAMEWORK: 'application',
  LIBRARY: 'application',
  SOURCE: 'application',
  INSTALL: 'application',
  CONTAINER: 'container-image',
  OPERATING_SYSTEM: 'host',
  'OPERATING-SYSTEM': 'host',
};

function toAsset(doc: SpdxDoc, subject: SpdxPackage | undefined): AssetRecord {
  // The asset is what the document describes, not the document: documentNamespace is unique per
  // generation (§6.5), so a regenerated SBOM of the same software must land on the same asset.
  if (subject === undefined)
    return { externalId: `spdx:${doc.name}`, name: doc.name, kind: 'other', tags: {} };
  const purl = packagePurl(subject);
  const asset: AssetRecord = {
    externalId: `spdx:${purl ? versionlessPurl(purl) : subject.name}`,
    name: subject.name,
    kind: assetKind(subject),
    tags: {},
  };
  if (subject.versionInfo) asset.version = subject.versionInfo;
  return asset;
}

function assetKind(pkg: SpdxPackage): AssetKind {
  const kind = pkg.primaryPackagePurpose ? KINDS[pkg.primaryPackagePurpose] : undefined;
  if (kind) return kind;
  // Trivy before primaryPackagePurpose: the root's element id names its type.
  return pkg.SPDXID.startsWith('SPDXRef-ContainerImage-') ? 'container-image' : 'other';
}
