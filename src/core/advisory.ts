/**
 * The advisory model: the subset of the OSV schema (1.7) that matching and triage read.
 * Field names follow OSV so a record can be traced back to its source unchanged.
 */

export type RangeType = 'SEMVER' | 'ECOSYSTEM' | 'GIT';

/** One OSV range event: exactly one of the keys is set. */
export type RangeEvent =
  | { introduced: string }
  | { fixed: string }
  | { last_affected: string }
  | { limit: string };

export interface AffectedRange {
  type: RangeType;
  repo?: string;
  events: RangeEvent[];
}

export interface AffectedPackage {
  /** OSV ecosystem string as given, e.g. `PyPI`, `Debian:12`, `Ubuntu:22.04:LTS`. */
  ecosystem: string;
  name: string;
  purl?: string;
  ranges: AffectedRange[];
  versions: string[];
  /** Severity scoped to this package (OSV allows it per affected entry). */
  severity: Severity[];
}

export interface Severity {
  /** `CVSS_V2`, `CVSS_V3`, `CVSS_V4`, `Ubuntu`, … */
  type: string;
  /** The vector string (CVSS) or the label (Ubuntu); kept verbatim. */
  score: string;
}

export interface Advisory {
  id: string;
  modified: string;
  published?: string;
  withdrawn?: string;
  aliases: string[];
  related: string[];
  upstream: string[];
  summary?: string;
  details?: string;
  severity: Severity[];
  affected: AffectedPackage[];
  /** `database_specific.severity` (GHSA: LOW/MODERATE/HIGH/CRITICAL) when the source gives one. */
  sourceSeverity?: string;
  references: { type: string; url: string }[];
}

/** Where an advisory came from: the file (or zip entry) and the digest of its bytes. */
export interface AdvisorySource {
  file: string;
  sha256: string;
}
