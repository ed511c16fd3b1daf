/**
 * CSAF 2.0 VEX profile (§4.5, `document.category: csaf_vex`) → VexStatement: one statement per
 * product id in each `vulnerabilities[].product_status` list (§3.2.3.9), so every statement points
 * at the exact list entry it came from. Flags (§3.2.3.5), threats (§3.2.3.14) and remediations
 * (§3.2.3.12) that name the product — directly or through a product group — add the
 * justification, impact, detail and action texts.
 */
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import { jsonPointer, validateShape } from '../../core/structured-input.js';
import { compact, distinct, joinText, own, productProblem, quote, Rejections } from './common.js';
import { type CsafProducts, indexProductTree, ProductTree } from './csaf-product-tree.js';
import type { VexParseResult, VexStatement, VexStatus } from './types.js';

// §3.2.3.9 product_status lists → VEX status. `recommended` has no VEX meaning (it names the
// version to use) and is rejected with a reason rather than mapped.
const LISTS: Readonly<Record<string, VexStatus>> = {
  first_affected: 'affected',
  known_affected: 'affected',
  last_affected: 'affected',
  first_fixed: 'fixed',
  fixed: 'fixed',
  known_not_affected: 'not_affected',
  under_investigation: 'under_investigation',
};

const Scope = { product_ids: z.array(z.string()).optional(), group_ids: z.array(z.string()).optional() };
/** §3.2.3 vulnerabilities[]: the fields VEX reads; the advisory reader (feeds/csaf) extends it. */
export const CsafVulnerabilityBase = z.object({
  cve: z.string().optional(),
  ids: z.array(z.object({ system_name: z.string(), text: z.string() })).optional(),
  product_status: z.record(z.string(), z.array(z.string())).optional(),
  flags: z.array(z.object({ label: z.string(), ...Scope })).optional(),
  threats: z.array(z.object({ category: z.string(), details: z.string(), ...Scope })).optional(),
  remediations: z
    .array(z.object({ category: z.string(), details: z.string(), url: z.string().optional(), ...Scope }))
    .optional(),
});
type CsafVulnerability = z.infer<typeof CsafVulnerabilityBase>;
type Scoped = { product_ids?: string[] | undefined; group_ids?: string[] | undefined };

const Document = z.object({
  document: z.object({
    category: z.string(),
    csaf_version: z.string(),
    publisher: z.object({ name: z.string() }),
    tracking: z.object({ current_release_date: z.string() }),
  }),
  product_tree: ProductTree.optional(),
  vulnerabilities: z.array(CsafVulnerabilityBase).optional(),
});

/** Validate a parsed CSAF 2.0 VEX document and map its product statuses to statements. */
export function parseCsafVex(value: unknown, file: string): VexParseResult {
  const doc = validateShape(Document, value, file);
  if (doc.document.csaf_version !== '2.0') {
    throw new AppError('INPUT_UNSUPPORTED_SPEC', {
      file,
      pointer: '/document/csaf_version',
      found: doc.document.csaf_version.slice(0, 12),
      supported: ['2.0'],
    });
  }
  const products = indexProductTree(doc.product_tree, file);
  const rejections = new Rejections();
  const statements: VexStatement[] = [];
  const context = {
    file,
    products,
    rejections,
    // tracking.current_release_date is when this revision of every statement was published.
    timestamp: doc.document.tracking.current_release_date,
    author: doc.document.publisher.name,
  };
  for (const [i, vuln] of (doc.vulnerabilities ?? []).entries()) {
    statements.push(...fromVulnerability(vuln, ['vulnerabilities', i], context));
  }
  return { statements, rejected: rejections.list };
}

interface Context {
  file: string;
  products: CsafProducts;
  rejections: Rejections;
  timestamp: string;
  author: string;
}

function fromVulnerability(
  vuln: CsafVulnerability,
  at: Array<string | number>,
  ctx: Context,
): VexStatement[] {
  // §3.2.3.2 cve, else the first §3.2.3.6 id (VEX profile 6.1.27.8 requires one of the two).
  const id = vuln.cve || vuln.ids?.[0]?.text;
  if (!id) {
    ctx.rejections.add(at, 'the vulnerability has neither cve nor ids (CSAF 6.1.27.8)');
    return [];
  }
  const aliases = distinct((vuln.ids ?? []).map((x) => (x.text === id ? undefined : x.text))) ?? [];
  if (!vuln.product_status || Object.keys(vuln.product_status).length === 0) {
    ctx.rejections.add(at, `${id}: no product_status, so no VEX status (CSAF 6.1.27.6)`);
    return [];
  }
  const out: VexStatement[] = [];
  for (const [list, ids] of Object.entries(vuln.product_status)) {
    const status = own(LISTS, list);
    if (status === undefined) {
      ctx.rejections.add(
        [...at, 'product_status', list],
        `${id}: product_status ${quote(list)} is not a VEX status`,
      );
      continue;
    }
    for (const [k, productId] of ids.entries()) {
      const path = [...at, 'product_status', list, k];
      const product = ctx.products.resolve(productId);
      const problem = 'problem' in product ? product.problem : productProblem(product);
      if ('problem' in product || problem !== undefined) {
        ctx.rejections.add(path, `${id}: ${problem}`);
        continue;
      }
      const applies = (e: Scoped) => names(e, productId, ctx.products) || unscoped(e);
      const threats = vuln.threats ?? [];
      const impact = threats.filter((t) => t.category === 'impact' && names(t, productId, ctx.products));
      const remediations = (vuln.remediations ?? []).filter(applies);
      out.push({
        vulnerability: id,
        aliases,
        products: [product],
        status,
        ...compact({
          // 6.1.33 allows one VEX justification flag per product; more are kept, joined.
          justification: distinct((vuln.flags ?? []).filter(applies).map((f) => f.label))?.join(', '),
          impactStatement: joinText(impact.map((t) => t.details)),
          actionStatement: joinText(remediations.map((r) => (r.url ? `${r.details} (${r.url})` : r.details))),
          response: distinct(remediations.map((r) => r.category)),
          // Threats that name no product are about the vulnerability as a whole: free text, not
          // an impact statement for this product (the Red Hat fixture's is a severity, "Moderate").
          detail: joinText(threats.filter((t) => applies(t) && !impact.includes(t)).map((t) => t.details)),
          timestamp: ctx.timestamp,
          author: ctx.author,
        }),
        source: { file: ctx.file, format: 'csaf', pointer: jsonPointer(path), status: list },
      });
    }
  }
  return out;
}

/** Whether a flag/threat/remediation names the product, directly or through one of its groups. */
function names(e: Scoped, productId: string, products: CsafProducts): boolean {
  if (e.product_ids?.includes(productId)) return true;
  return (e.group_ids ?? []).some((g) => products.group(g).includes(productId));
}

function unscoped(e: Scoped): boolean {
  return !e.product_ids?.length && !e.group_ids?.length;
}
