/**
 * Boundary schema for CVE JSON 5.x records (CVEProject/cve-schema,
 * schema/CVE_Record_Format.json; 5.0–5.2 share these members). Only what the reader maps is
 * declared; `affected`, `descriptions`, `x_*` and other members pass unchecked.
 */
import { z } from 'zod';
import { BaseScore, CveId, Timestamp } from './common.js';

// The CVSS objects embed FIRST's cvss-v2.0/v3.0/v3.1/v4.0 JSON schemas: fixed `version`,
// `vectorString` and `baseScore` required (`baseSeverity` required from 3.0 on; kept optional
// here because the reader only copies it).
function cvss<V extends string>(version: V) {
  return z.object({
    version: z.literal(version),
    vectorString: z.string(),
    baseScore: BaseScore,
    baseSeverity: z.string().optional(),
  });
}

/** CVE 5 metric keys in the order the reader emits them within one metric object: newest first. */
export const CVE5_METRIC_KEYS = [
  ['cvssV4_0', '4.0'],
  ['cvssV3_1', '3.1'],
  ['cvssV3_0', '3.0'],
  ['cvssV2_0', '2.0'],
] as const;

const Metric = z.object({
  cvssV4_0: cvss('4.0').optional(),
  cvssV3_1: cvss('3.1').optional(),
  cvssV3_0: cvss('3.0').optional(),
  cvssV2_0: cvss('2.0').optional(),
  // `other` is free-form except `type`; CISA ADP uses types "ssvc" and "kev".
  other: z.object({ type: z.string(), content: z.unknown() }).optional(),
});

const ProblemType = z.object({
  descriptions: z.array(
    z.object({
      cweId: z
        .string()
        .regex(/^CWE-[1-9]\d*$/, 'expected CWE-<n>')
        .optional(),
      type: z.string().optional(),
      description: z.string(),
    }),
  ),
});

/** A CNA or ADP container (cnaPublishedContainer / cnaRejectedContainer / adpContainer). */
export const Container = z.object({
  providerMetadata: z.object({ orgId: z.string(), shortName: z.string().optional() }),
  metrics: z.array(Metric).optional(),
  problemTypes: z.array(ProblemType).optional(),
  references: z.array(z.object({ url: z.string() })).optional(),
});
export type Container = z.infer<typeof Container>;

/** A whole record; `dataType`/`dataVersion` are checked before this schema (unsupported spec). */
export const Cve5Record = z.object({
  cveMetadata: z.object({
    cveId: CveId,
    state: z.enum(['PUBLISHED', 'REJECTED']),
    datePublished: Timestamp.optional(),
    dateUpdated: Timestamp.optional(),
  }),
  containers: z.object({ cna: Container, adp: z.array(Container).optional() }),
});
export type Cve5Record = z.infer<typeof Cve5Record>;

/** CISA ADP `other.content` for `type: "kev"` (Vulnrichment): the KEV catalog's dateAdded and a link. */
export const KevContent = z.object({
  dateAdded: z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'expected a date (YYYY-MM-DD…)'),
  reference: z.string().optional(),
});
