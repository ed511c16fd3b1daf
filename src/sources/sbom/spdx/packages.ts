/**
 * One SPDX package → what the inventory needs from it: its purl and CPEs (SPDX 2.3 §7.21 and
 * Annex F "External repository identifiers"), whether it is the operating system, and the
 * source package of OS binary packages as Trivy records it.
 */
import { releaseContext } from '../../distro.js';
import type { SpdxPackage } from './schema.js';

/** Annex F: purl refs are category PACKAGE-MANAGER; the 2.3 JSON schema also allows PACKAGE_MANAGER. */
const PACKAGE_MANAGER = new Set(['PACKAGE-MANAGER', 'PACKAGE_MANAGER']);
/** Annex F: CPE refs are category SECURITY, type cpe22Type (URI binding) or cpe23Type (formatted string). */
const CPE_TYPES = new Set(['cpe22Type', 'cpe23Type']);

/** The package's first purl (`referenceType: purl` in a package-manager category), if any. */
export function packagePurl(pkg: SpdxPackage): string | undefined {
  return pkg.externalRefs?.find((r) => PACKAGE_MANAGER.has(r.referenceCategory) && r.referenceType === 'purl')
    ?.referenceLocator;
}

/** The package's CPE names (2.2 and 2.3 bindings), in document order. */
export function packageCpes(pkg: SpdxPackage): string[] {
  return (pkg.externalRefs ?? [])
    .filter((r) => r.referenceCategory === 'SECURITY' && CPE_TYPES.has(r.referenceType))
    .map((r) => r.referenceLocator);
}

/**
 * Whether the package is the operating system: §7.24 purpose OPERATING_SYSTEM (schema spelling)
 * or OPERATING-SYSTEM (spec text, Trivy), or — Trivy wrote no purpose before trivy#4119 (2023) —
 * Trivy's element id prefix `SPDXRef-OperatingSystem-` (trivy pkg/sbom/spdx/marshal.go).
 */
export function isOperatingSystem(pkg: SpdxPackage): boolean {
  const purpose = pkg.primaryPackagePurpose;
  if (purpose === 'OPERATING_SYSTEM' || purpose === 'OPERATING-SYSTEM') return true;
  return purpose === undefined && pkg.SPDXID.startsWith('SPDXRef-OperatingSystem-');
}

/** Whether the package is one of Trivy's per-lock-file/binary application nodes (no purl by design). */
export function isTrivyApplication(pkg: SpdxPackage): boolean {
  return pkg.SPDXID.startsWith('SPDXRef-Application-');
}

/** The operating systems the document lists, for the release context of OS packages. */
export function distroContext(packages: readonly SpdxPackage[]): Map<string, string> {
  return releaseContext(
    packages.flatMap((p) =>
      isOperatingSystem(p) && p.versionInfo ? [{ name: p.name, version: p.versionInfo }] : [],
    ),
  );
}

// trivy pkg/sbom/spdx/marshal.go: sourceInfo = "built package from: <SrcName> <SrcVersion>",
// SrcVersion already in native form (rpm `1:1.0.2k-16.el7`, dpkg `1:2.3-4`, apk `1.2.3-r0`).
const BUILT_FROM = /^built package from: (\S+)(?: (\S+))?$/;

/** Source package of an OS binary package from Trivy's sourceInfo, else from its `Src*` properties. */
export function trivySource(pkg: SpdxPackage): { sourceName?: string; sourceVersion?: string } {
  const m = BUILT_FROM.exec(pkg.sourceInfo?.trim() ?? '');
  if (m?.[1]) return m[2] ? { sourceName: m[1], sourceVersion: m[2] } : { sourceName: m[1] };
  // Trivy leaves SrcName/SrcVersion/SrcRelease/SrcEpoch out of its annotations because sourceInfo
  // carries them; other writers reusing Trivy's "Key: Value" property convention may not.
  const props = trivyProperties(pkg);
  const name = props.get('SrcName');
  const version = props.get('SrcVersion');
  if (!name) return {};
  if (!version) return { sourceName: name };
  const epoch = props.get('SrcEpoch');
  const release = props.get('SrcRelease');
  const full = `${epoch && epoch !== '0' ? `${epoch}:` : ''}${version}${release ? `-${release}` : ''}`;
  return { sourceName: name, sourceVersion: full };
}

/**
 * Trivy's component properties: annotation comments (current Trivy) or, in older output,
 * attributionTexts, each "Key: Value" (trivy pkg/sbom/spdx/unmarshal.go parsePackage).
 */
function trivyProperties(pkg: SpdxPackage): Map<string, string> {
  const texts = pkg.annotations?.length
    ? pkg.annotations.map((a) => a.comment)
    : (pkg.attributionTexts ?? []);
  const props = new Map<string, string>();
  for (const text of texts) {
    const at = text.indexOf(': ');
    if (at > 0 && !props.has(text.slice(0, at))) props.set(text.slice(0, at), text.slice(at + 2));
  }
  return props;
}
