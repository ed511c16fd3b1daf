/**
 * One normalised model of vulnerability intelligence for a CVE, read from either the NVD CVE API
 * 2.0 (https://nvd.nist.gov/developers/vulnerabilities) or a CVE JSON 5.x record
 * (https://github.com/CVEProject/cve-schema). Triage reads CVSS, CWE, KEV and SSVC from here; the
 * per-format mapping is in readme.md. Plain JSON data only: a record survives JSON round-trips.
 */

/** The CVSS versions both formats carry (NVD `cvssMetricV2/V30/V31/V40`, CVE 5 `cvssV2_0…cvssV4_0`). */
export const CVSS_VERSIONS = ['2.0', '3.0', '3.1', '4.0'] as const;
export type CvssVersion = (typeof CVSS_VERSIONS)[number];

/**
 * Outcome of re-scoring a vector with ae-cvss-calculator: `ok` when the stated base score equals
 * the computed one, `mismatch` when it parses but scores differently, `unparsable` when the vector
 * is not a complete, valid vector of its declared version. Nothing is ever corrected.
 */
export type ScoreCheck = 'ok' | 'mismatch' | 'unparsable';

/** NVD's `type`; CVE 5 has no such field, so the CNA container maps to Primary and ADPs to Secondary. */
export type MetricType = 'Primary' | 'Secondary';

/** One CVSS assessment exactly as the source stated it, plus our check of it. */
export interface CvssMetric {
  version: CvssVersion;
  /** The vector string byte-for-byte as given. */
  vector: string;
  /** The stated base score (for 4.0: CVSS-B, the score of the base metrics). */
  baseScore: number;
  /** The stated qualitative rating (e.g. `HIGH`), or null where the source omits it (common for 2.0). */
  baseSeverity: string | null;
  /** Who scored: an NVD source identifier (`nvd@nist.gov`, a CNA e-mail or UUID) or a CVE 5 provider short name. */
  source: string;
  type: MetricType;
  scoreCheck: ScoreCheck;
  /** The calculator's base score, or null when the vector is unparsable. */
  computedBaseScore: number | null;
}

/** CISA KEV listing as embedded in the record (NVD `cisa*` fields, CISA ADP `other.type == "kev"`). */
export interface KevFlag {
  dateAdded: string;
  dueDate?: string;
  requiredAction?: string;
  /** CISA ADP only: the catalog link for the entry. */
  reference?: string;
}

/** CISA's SSVC decision-point values as written in Vulnrichment (SSVC 2.0.3 "Exploitation" etc.). */
export const SSVC_EXPLOITATION = ['none', 'poc', 'active'] as const;
export const SSVC_AUTOMATABLE = ['no', 'yes'] as const;
export const SSVC_TECHNICAL_IMPACT = ['partial', 'total'] as const;

/** The three CVE-level SSVC decision points a coordinator (CISA) publishes for a CVE. */
export interface SsvcPoints {
  exploitation: (typeof SSVC_EXPLOITATION)[number];
  automatable: (typeof SSVC_AUTOMATABLE)[number];
  technicalImpact: (typeof SSVC_TECHNICAL_IMPACT)[number];
  /** When the assessment was made, as written. */
  timestamp: string;
  /** Who assessed: CVE 5 provider short name (`CISA-ADP`) or the NVD metric `source` (CISA's org UUID). */
  source: string;
  /** SSVC version of the decision points, e.g. `2.0.3`; null when absent. */
  version: string | null;
  /** SSVC role, e.g. `CISA Coordinator`; null when absent. */
  role: string | null;
}

/** The input formats `readCveIntel` recognises. */
export type CveIntelFormat = 'nvd-2.0' | 'cve-5';

/** Vulnerability intelligence for one CVE id from one source file. */
export interface CveIntel {
  id: string;
  /** Publication time as written (NVD: UTC without a zone designator); null for CVE 5 records never published. */
  published: string | null;
  /** Last modification as written; null when a CVE 5 record has no `dateUpdated`. */
  modified: string | null;
  /** NVD `vulnStatus` (Analyzed, Modified, Deferred, Rejected, …) or CVE 5 `cveMetadata.state`. */
  status: string | null;
  rejected: boolean;
  cvss: CvssMetric[];
  /** Distinct `CWE-<n>` ids in source order; NVD placeholders (`NVD-CWE-noinfo`, `NVD-CWE-Other`) excluded. */
  cwes: string[];
  kev?: KevFlag;
  ssvc?: SsvcPoints;
  /** Number of distinct reference URLs. */
  references: number;
  sourceFile: string;
  /** JSON pointer of the record inside the file (`/vulnerabilities/3/cve` for an NVD page, `` for a whole file). */
  sourcePointer: string;
}

/** What `readCveIntel` returns: the detected format and every record, in file order. */
export interface CveIntelReadResult {
  format: CveIntelFormat;
  records: CveIntel[];
}
