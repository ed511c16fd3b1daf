/**
 * A CSAF 2.0 advisory (vendor advisory, CISA ICS/ICSMA advisory, or VEX) normalised for device
 * matching: per CVE, the products it names with their vendor, product name, versions, helper
 * identifiers, status, remediations and flags. See readme.md for the field mapping.
 */
import type { VexRejected, VexStatement } from '../vex/types.js';
import type { VersionSpec } from './version-spec.js';

/** §3.2.3.9 product_status lists. */
export const PRODUCT_STATUSES = [
  'first_affected',
  'known_affected',
  'last_affected',
  'under_investigation',
  'first_fixed',
  'fixed',
  'known_not_affected',
  'recommended',
] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

/** Where a product's versionSpec came from: its version branch, its full name's wording, or nothing. */
export type VersionSource = 'product_version' | 'product_version_range' | 'name' | 'none';

/** §3.2.3.12 remediation, as it applies to one product. */
export interface CsafRemediation {
  category: string;
  details: string;
  url?: string;
}

/** §3.2.3.13 score: one CVSS object and the products it is for. */
export interface CsafScore {
  version: string;
  vectorString: string;
  baseScore: number;
  baseSeverity?: string;
  productIds: string[];
}

/** One product an entry of a vulnerability's product_status names. */
export interface CsafProductEntry {
  productId: string;
  /** §3.1.3.1 full product name. */
  name: string;
  /** Branch `vendor` name (§3.1.2.2); absent for products outside the branches. */
  vendor?: string;
  /** Branch `product_family` name, when there is one. */
  family?: string;
  /** Branch `product_name` name. */
  product?: string;
  versionSpec: VersionSpec;
  versionSource: VersionSource;
  /** Why the branch's version text was not used, when the name's wording replaced it. */
  versionNote?: string;
  cpe?: string;
  purl?: string;
  modelNumbers?: string[];
  /** §3.2.2.4 relationship that defines the product (`installed_on` …) and the product it relates to. */
  relationship?: { category: string; relatesTo: string };
  status: ProductStatus;
  remediations: CsafRemediation[];
  /** §3.2.3.5 flag labels naming the product (VEX justifications). */
  flags: string[];
  /** §3.2.3.14 threats naming the product, or naming none. */
  threats: Array<{ category: string; details: string }>;
  /** JSON pointer of the product_status entry. */
  pointer: string;
}

/** One vulnerability of the advisory. */
export interface CsafCve {
  /** §3.2.3.2 cve, else the first §3.2.3.6 id. */
  cve: string;
  aliases: string[];
  cwe?: { id: string; name: string };
  cvss: CsafScore[];
  products: CsafProductEntry[];
  pointer: string;
}

/** A normalised CSAF advisory. */
export interface CsafAdvisory {
  file: string;
  /** §3.2.1.12.6 tracking.id, e.g. `ICSMA-17-017-02`. */
  id: string;
  title: string;
  /** §3.2.1.2 category: csaf_security_advisory, csaf_vex, csaf_base, … */
  category: string;
  publisher: string;
  trackingVersion: string;
  trackingStatus: string;
  initialReleaseDate: string;
  currentReleaseDate: string;
  cves: CsafCve[];
  /** Entries that could not be used (unknown product id, unknown status list, no id), never dropped silently. */
  rejected: VexRejected[];
  /** For `csaf_vex` documents: the VEX reader's statements, cited by suppressed matches. */
  vexStatements?: VexStatement[];
}
