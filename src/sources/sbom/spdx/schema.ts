/**
 * Boundary schemas for SPDX 2.2/2.3 JSON: only the fields the adapter reads. The whole document
 * is validated against the official SPDX 2.3 JSON schema first (validate.ts); these give the
 * extractor typed values and keep unread fields (licences, checksums, files' contents) out.
 * Field names: SPDX 2.3 spec, Annex "SPDX JSON/YAML" and schemas/spdx-schema.json.
 */
import { z } from 'zod';

/**
 * `spdxVersion` values this adapter reads. The JSON serialisation was first specified in 2.2;
 * 2.3 only added optional fields (primaryPackagePurpose, dates, the PACKAGE_MANAGER spelling),
 * so a 2.2 document is validated against the 2.3 schema.
 */
export const SUPPORTED_SPDX_VERSIONS = ['SPDX-2.2', 'SPDX-2.3'] as const;
export type SpdxVersion = (typeof SUPPORTED_SPDX_VERSIONS)[number];

/** Whether an spdxVersion value is one this adapter supports. */
export function isSupportedSpdxVersion(v: unknown): v is SpdxVersion {
  return typeof v === 'string' && (SUPPORTED_SPDX_VERSIONS as readonly string[]).includes(v);
}

/** SPDX 2.3 §7.21 External reference: category, type and locator (a purl, a CPE, …). */
const ExternalRef = z.object({
  referenceCategory: z.string(),
  referenceType: z.string(),
  referenceLocator: z.string(),
});
export type SpdxExternalRef = z.infer<typeof ExternalRef>;

/** SPDX 2.3 §7 Package information: the fields read for identity, version and source package. */
export const Package = z.object({
  SPDXID: z.string(),
  name: z.string(),
  versionInfo: z.string().optional(),
  // §7.24; the JSON schema spells it OPERATING_SYSTEM, the spec text and Trivy OPERATING-SYSTEM.
  primaryPackagePurpose: z.string().optional(),
  // §7.12 Source information: Trivy writes "built package from: <srcName> <srcVersion>" here.
  sourceInfo: z.string().optional(),
  externalRefs: z.array(ExternalRef).optional(),
  // §12 annotations and §7.23 attribution texts: Trivy writes its properties as "Key: Value".
  annotations: z.array(z.object({ comment: z.string() })).optional(),
  attributionTexts: z.array(z.string()).optional(),
});
export type SpdxPackage = z.infer<typeof Package>;

/** SPDX 2.3 §11 Relationship between two elements (ids may be DocumentRef-x:SPDXRef-y, NONE, NOASSERTION). */
const Relationship = z.object({
  spdxElementId: z.string(),
  relationshipType: z.string(),
  relatedSpdxElement: z.string(),
});
export type SpdxRelationship = z.infer<typeof Relationship>;

const Element = z.object({ SPDXID: z.string() });

/** The document: §6 creation information fields used, and the element lists. */
export const SpdxDocument = z.object({
  spdxVersion: z.string(),
  SPDXID: z.string(),
  name: z.string(),
  // Deprecated in 2.3 in favour of DESCRIBES relationships, still written by many tools.
  documentDescribes: z.array(z.string()).optional(),
  packages: z.array(Package).optional(),
  files: z.array(Element).optional(),
  snippets: z.array(Element).optional(),
  relationships: z.array(Relationship).optional(),
});
export type SpdxDoc = z.infer<typeof SpdxDocument>;
