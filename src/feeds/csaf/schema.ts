/**
 * Boundary schema of a CSAF 2.0 document: only the fields the advisory reader uses (STYLE.md
 * "Ingest adapter"). The product tree schema is the VEX reader's (../vex/csaf-product-tree.ts),
 * one definition for both, so the parsed tree is handed to `indexProductTree` as is.
 */
import { z } from 'zod';

import { ProductTree } from '../vex/csaf-product-tree.js';
import { CsafVulnerabilityBase } from '../vex/parse-csaf-vex.js';

export {
  type CsafBranch,
  type CsafFullProductName,
  type CsafProductTree,
  FullProductName,
  ProductTree,
} from '../vex/csaf-product-tree.js';

const Cvss = z.object({
  version: z.string(),
  vectorString: z.string(),
  baseScore: z.number(),
  baseSeverity: z.string().optional(),
});

/** §3.2.3 vulnerabilities[]: the VEX reader's fields, plus the CWE and scores advisories carry. */
export const Vulnerability = CsafVulnerabilityBase.extend({
  cwe: z.object({ id: z.string(), name: z.string() }).optional(),
  scores: z
    .array(z.object({ products: z.array(z.string()), cvss_v3: Cvss.optional(), cvss_v2: Cvss.optional() }))
    .optional(),
});
export type CsafVulnerabilityInput = z.infer<typeof Vulnerability>;

/** A CSAF 2.0 document (§3.2.1 document, §3.2.2 product_tree, §3.2.3 vulnerabilities). */
export const CsafDocument = z.object({
  document: z.object({
    category: z.string(),
    csaf_version: z.string(),
    title: z.string(),
    publisher: z.object({ name: z.string(), category: z.string().optional() }),
    tracking: z.object({
      id: z.string(),
      version: z.string(),
      status: z.string(),
      initial_release_date: z.string(),
      current_release_date: z.string(),
    }),
  }),
  product_tree: ProductTree.optional(),
  vulnerabilities: z.array(Vulnerability).optional(),
});
export type CsafDocumentInput = z.infer<typeof CsafDocument>;
