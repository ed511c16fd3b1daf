/**
 * Boundary schema for the NVD CVE API 2.0 response (https://nvd.nist.gov/developers/vulnerabilities,
 * JSON schema https://csrc.nist.gov/schema/nvd/api/2.0/cve_api_json_2.0.schema). Only the members
 * the reader maps are declared; everything else (descriptions, configurations, cveTags, …) passes
 * unchecked so that NVD adding members never fails an import.
 */
import { z } from 'zod';
import { BaseScore, CalendarDate, CveId, Timestamp } from './common.js';
import { SsvcContent } from './ssvc.js';

// cvss-v2.0.json / cvss-v3.x.json / cvss-v4.0.json (FIRST): `version` is a fixed value per
// schema, so a V31 array holding a 3.0 vector is a structural error, not a scoring question.
function cvssData<V extends string>(version: V) {
  return z.object({
    version: z.literal(version),
    vectorString: z.string(),
    baseScore: BaseScore,
    baseSeverity: z.string().optional(),
  });
}

function metric<V extends string>(version: V) {
  return z.object({
    source: z.string(),
    type: z.enum(['Primary', 'Secondary']),
    cvssData: cvssData(version),
    // CVSS 2.0 has no severity in its own schema; NVD puts it beside `cvssData`.
    baseSeverity: z.string().optional(),
  });
}

/** NVD `metrics` keys in the order the reader emits them: newest CVSS version first. */
export const NVD_METRIC_KEYS = [
  ['cvssMetricV40', '4.0'],
  ['cvssMetricV31', '3.1'],
  ['cvssMetricV30', '3.0'],
  ['cvssMetricV2', '2.0'],
] as const;

/** One `cve` object (`vulnerabilities[].cve`). */
export const NvdCve = z.object({
  id: CveId,
  sourceIdentifier: z.string().optional(),
  published: Timestamp,
  lastModified: Timestamp,
  vulnStatus: z.string().optional(),
  metrics: z
    .object({
      cvssMetricV40: z.array(metric('4.0')).optional(),
      cvssMetricV31: z.array(metric('3.1')).optional(),
      cvssMetricV30: z.array(metric('3.0')).optional(),
      cvssMetricV2: z.array(metric('2.0')).optional(),
      ssvcV203: z.array(z.object({ source: z.string(), ssvcData: SsvcContent })).optional(),
    })
    .optional(),
  weaknesses: z
    .array(
      z.object({
        source: z.string(),
        type: z.string(),
        description: z.array(z.object({ lang: z.string(), value: z.string() })),
      }),
    )
    .optional(),
  references: z.array(z.object({ url: z.string() })),
  cisaExploitAdd: CalendarDate.optional(),
  cisaActionDue: CalendarDate.optional(),
  cisaRequiredAction: z.string().optional(),
});
export type NvdCve = z.infer<typeof NvdCve>;

/** One API response page. `format`/`version` are checked before this schema (unsupported spec). */
export const NvdPage = z.object({
  resultsPerPage: z.number().int().min(0),
  startIndex: z.number().int().min(0),
  totalResults: z.number().int().min(0),
  timestamp: Timestamp,
  vulnerabilities: z.array(z.object({ cve: NvdCve })),
});
