/**
 * The inventory model shared by every source adapter: an asset and the components that run on it.
 */

export const ASSET_KINDS = [
  'host',
  'container-image',
  'function',
  'application',
  'medical-device',
  'database',
  'storage',
  'network',
  'identity',
  'other',
] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];

export const ENVIRONMENTS = ['prod', 'staging', 'test', 'dev', 'unknown'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export const CLINICAL_CRITICALITY = ['none', 'low', 'medium', 'high', 'life-critical'] as const;
export type ClinicalCriticality = (typeof CLINICAL_CRITICALITY)[number];

export const SUPPORT_STATUS = ['supported', 'end-of-support', 'unknown'] as const;
export type SupportStatus = (typeof SUPPORT_STATUS)[number];

/** What a source says about one asset. Fields a source cannot know are left out. */
export interface AssetRecord {
  /** Stable identifier used to merge sightings, e.g. `sbom:<serialNumber>`, an ARN, a device serial. */
  externalId: string;
  name: string;
  kind: AssetKind;
  provider?: string;
  account?: string;
  region?: string;
  tags: Record<string, string>;
  environment?: Environment;
  internetExposed?: boolean;
  clinicalCriticality?: ClinicalCriticality;
  supportStatus?: SupportStatus;
  owner?: string;
  /** Version of the asset itself (application version, firmware). */
  version?: string;
}

/** One installed package as a source reports it. */
export interface ComponentRecord {
  /** The package URL exactly as the input gave it. */
  purl: string;
  /** OSV ecosystem name derived from the purl type (`npm`, `PyPI`, `Go`, …), or null when none maps. */
  ecosystem: string | null;
  /** Name as the ecosystem's advisories spell it (`@scope/pkg`, `group:artifact`, Go module path). */
  name: string;
  version: string | null;
  /** Source package for OS packages (dpkg `Source:`, rpm SOURCERPM, apk origin). */
  sourceName?: string;
  sourceVersion?: string;
  /** Distro release the package belongs to, e.g. `Debian:12`. */
  distroRelease?: string;
  /** Reference inside the input (CycloneDX bom-ref, SPDX id) so an auditor can find it. */
  ref?: string;
}

/** A record an adapter could not use, with where it was and why. Never dropped silently. */
export interface Rejected {
  ref: string;
  reason: string;
}

export interface Extraction {
  asset: AssetRecord;
  components: ComponentRecord[];
  rejected: Rejected[];
}

/**
 * The asset id of a container image: `oci:` and its manifest digest (`oci:sha256:<hex>`). Every
 * source names images this way (ECR, Syft, CycloneDX with a repository digest), so an image seen
 * in a registry and in an SBOM is one asset.
 */
export function containerImageId(digest: string): string {
  return `oci:${digest.toLowerCase()}`;
}
