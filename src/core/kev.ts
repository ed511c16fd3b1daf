/** One entry of CISA's Known Exploited Vulnerabilities catalog, as triage reads it. */
export interface KevEntry {
  cveId: string;
  vendor: string | null;
  product: string | null;
  name: string | null;
  /** YYYY-MM-DD, as CISA publishes it. */
  dateAdded: string;
  dueDate: string | null;
  knownRansomware: string | null;
}
