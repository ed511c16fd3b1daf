/**
 * One statement model for the three VEX formats PatchWarden reads: CycloneDX VEX (1.4–1.6
 * §vulnerabilities), OpenVEX (0.0.x and 0.2.0) and the CSAF 2.0 VEX profile (§4.5). A statement
 * says "vulnerability V has status S in products P"; the matcher decides which inventory
 * components the products denote. See readme.md for the per-format mapping.
 */

/** The four VEX statuses of the CISA "Minimum Requirements for VEX" (2023), as OpenVEX spells them. */
export const VEX_STATUSES = ['not_affected', 'affected', 'fixed', 'under_investigation'] as const;
export type VexStatus = (typeof VEX_STATUSES)[number];

export const VEX_FORMATS = ['cyclonedx', 'openvex', 'csaf'] as const;
export type VexFormat = (typeof VEX_FORMATS)[number];

/**
 * One version or range a CycloneDX `affects[].versions[]` entry names. `status` is kept only when
 * written: the schema's default is `affected`, which contradicts the statement in real documents
 * (CISA Case-7/8 list versions without status under a `resolved` analysis).
 */
export interface VexVersion {
  version?: string;
  /** A vers range (`vers:semver/>=2.2.0|<=2.4.0`), as written; not normalised. */
  range?: string;
  status?: 'affected' | 'unaffected' | 'unknown';
}

/** What a statement is about. At least one of purl, cpe, bomRef, id or name is set. */
export interface VexProduct {
  /** Package URL exactly as written (validated, not normalised). */
  purl?: string;
  cpe?: string;
  /** CycloneDX bom-ref or BOM-Link (`urn:cdx:serial/version#ref`) exactly as written. */
  bomRef?: string;
  /** Identifier inside the document: CSAF product_id, or an OpenVEX `@id` that is not the purl. */
  id?: string;
  name?: string;
  version?: string;
  /** CycloneDX only: the versions or ranges the statement covers (`affects[].versions`). */
  versions?: VexVersion[];
  /**
   * The components inside the product the statement is really about (OpenVEX subcomponents;
   * a CSAF relationship's `product_reference` inside its `relates_to_product_reference`).
   */
  subcomponents?: VexProduct[];
}

/** Where a statement came from: the evidence an auditor follows back into the file. */
export interface VexSource {
  file: string;
  format: VexFormat;
  /** RFC 6901 pointer of the statement (CycloneDX vulnerability, OpenVEX statement, CSAF product_status entry). */
  pointer: string;
  /**
   * The status label as written: CycloneDX `analysis.state` (`false_positive`, `resolved_with_pedigree`,
   * …), CSAF product_status list name (`first_fixed`, `known_not_affected`, …) or OpenVEX `status`.
   * Kept because the mapping onto VexStatus loses distinctions a risk review needs.
   */
  status: string;
}

export interface VexStatement {
  /** CVE/GHSA/… id as written. */
  vulnerability: string;
  /** Other ids the document gives for the same vulnerability (never including `vulnerability`). */
  aliases: string[];
  /** What the statement is about; never empty (statements without a product are rejected). */
  products: VexProduct[];
  status: VexStatus;
  /** CycloneDX analysis.justification / OpenVEX justification / CSAF flag label. */
  justification?: string;
  impactStatement?: string;
  actionStatement?: string;
  /**
   * Responses as written: CycloneDX analysis.response (`will_not_fix`, `update`, …) or CSAF
   * remediation categories (`vendor_fix`, `no_fix_planned`, …). Risk acceptance needs them.
   */
  response?: string[];
  /** Free text: CycloneDX analysis.detail, OpenVEX status_notes, CSAF threat details. */
  detail?: string;
  /** When the statement was made (own or inherited from the document, per each format's rules). */
  timestamp?: string;
  /** Who made it: OpenVEX author, CSAF publisher name, CycloneDX metadata author/manufacturer/supplier. */
  author?: string;
  source: VexSource;
}

/** A statement or product the reader could not use, with where it was and why. Never dropped silently. */
export interface VexRejected {
  /** JSON pointer of the rejected record in the file. */
  ref: string;
  reason: string;
}

/** What a parser returns for one document. */
export interface VexParseResult {
  statements: VexStatement[];
  rejected: VexRejected[];
}

/** What readVexFile returns. */
export interface VexReadResult extends VexParseResult {
  format: VexFormat;
}
