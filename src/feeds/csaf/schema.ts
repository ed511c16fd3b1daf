/**
 * Boundary schema of a CSAF 2.0 document: only the fields the advisory reader uses (STYLE.md
 * "Ingest adapter"). The product tree is a superset of the VEX reader's `ProductTree`
 * (../vex/csaf-product-tree.ts), so the parsed tree is handed to `indexProductTree` as is.
 */
import { z } from 'zod';

/** §3.1.3.3 product_identification_helper: the identifiers a device can be matched on. */
const Helper = z.object({
  cpe: z.string().optional(),
  purl: z.string().optional(),
  model_numbers: z.array(z.string()).optional(),
  serial_numbers: z.array(z.string()).optional(),
  skus: z.array(z.string()).optional(),
});

/** §3.1.3 full_product_name_t. */
export const FullProductName = z.object({
  name: z.string(),
  product_id: z.string(),
  product_identification_helper: Helper.optional(),
});
export type CsafFullProductName = z.infer<typeof FullProductName>;

/** §3.1.2 branches_t: a category, a name, and either a product (leaf) or more branches. */
export interface CsafBranch {
  category: string;
  name: string;
  product?: CsafFullProductName | undefined;
  branches?: CsafBranch[] | undefined;
}
const Branch: z.ZodType<CsafBranch> = z.object({
  category: z.string(),
  name: z.string(),
  product: FullProductName.optional(),
  get branches() {
    return z.array(Branch).optional();
  },
});

/** §3.2.2 product_tree. */
export const ProductTree = z.object({
  branches: z.array(Branch).optional(),
  full_product_names: z.array(FullProductName).optional(),
  product_groups: z.array(z.object({ group_id: z.string(), product_ids: z.array(z.string()) })).optional(),
  relationships: z
    .array(
      z.object({
        category: z.string(),
        product_reference: z.string(),
        relates_to_product_reference: z.string(),
        full_product_name: FullProductName,
      }),
    )
    .optional(),
});
export type CsafProductTree = z.infer<typeof ProductTree>;

const Scope = { product_ids: z.array(z.string()).optional(), group_ids: z.array(z.string()).optional() };
const Cvss = z.object({
  version: z.string(),
  vectorString: z.string(),
  baseScore: z.number(),
  baseSeverity: z.string().optional(),
});

/** §3.2.3 vulnerabilities[]. */
export const Vulnerability = z.object({
  cve: z.string().optional(),
  ids: z.array(z.object({ system_name: z.string(), text: z.string() })).optional(),
  cwe: z.object({ id: z.string(), name: z.string() }).optional(),
  product_status: z.record(z.string(), z.array(z.string())).optional(),
  flags: z.array(z.object({ label: z.string(), ...Scope })).optional(),
  threats: z.array(z.object({ category: z.string(), details: z.string(), ...Scope })).optional(),
  remediations: z
    .array(z.object({ category: z.string(), details: z.string(), url: z.string().optional(), ...Scope }))
    .optional(),
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
