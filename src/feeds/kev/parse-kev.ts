/**
 * The CISA Known Exploited Vulnerabilities catalog (JSON feed,
 * known_exploited_vulnerabilities.json, schema known_exploited_vulnerabilities_schema.json).
 */
import { z } from 'zod';
import type { KevEntry } from '../../core/kev.js';
import { validateShape } from '../../core/structured-input.js';

const Catalog = z.object({
  catalogVersion: z.string(),
  dateReleased: z.string(),
  vulnerabilities: z.array(
    z.object({
      cveID: z.string().regex(/^CVE-\d{4}-\d{4,}$/, 'expected a CVE id'),
      vendorProject: z.string().optional(),
      product: z.string().optional(),
      vulnerabilityName: z.string().optional(),
      dateAdded: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD'),
      dueDate: z.string().optional(),
      knownRansomwareCampaignUse: z.string().optional(),
    }),
  ),
});

export interface KevCatalog {
  catalogVersion: string;
  dateReleased: string;
  entries: KevEntry[];
}

/** Validate a parsed KEV catalog; errors name the file and JSON pointer. */
export function parseKevCatalog(value: unknown, file: string): KevCatalog {
  const c = validateShape(Catalog, value, file);
  return {
    catalogVersion: c.catalogVersion,
    dateReleased: c.dateReleased,
    entries: c.vulnerabilities.map((v) => ({
      cveId: v.cveID,
      vendor: v.vendorProject ?? null,
      product: v.product ?? null,
      name: v.vulnerabilityName ?? null,
      dateAdded: v.dateAdded,
      dueDate: v.dueDate ?? null,
      knownRansomware: v.knownRansomwareCampaignUse ?? null,
    })),
  };
}
