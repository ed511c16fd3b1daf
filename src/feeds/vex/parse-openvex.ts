/**
 * OpenVEX → VexStatement, one per `statements[]` entry. Reads the 0.2.0 shape (OPENVEX-SPEC.md
 * v0.2.0: `vulnerability` and `products` are objects) and the 0.0.x shape vexctl wrote in early
 * 2023 (`"vulnerability": "CVE-…"`, products and statement-level subcomponents as purl strings,
 * `"version": "1"` as a string). Both forms may appear under either `@context`.
 */
import { z } from 'zod';
import { jsonPointer, validateShape } from '../../core/structured-input.js';
import {
  compact,
  distinct,
  isVexStatus,
  looksLikePurl,
  productProblem,
  quote,
  Rejections,
} from './common.js';
import type { VexParseResult, VexProduct, VexStatement } from './types.js';

// OpenVEX spec "Component Fields": `@id` (an IRI, often a purl) and `identifiers`; `hashes` are
// not read (the matcher has no hashes to compare them with).
const Component = z.object({
  '@id': z.string().optional(),
  identifiers: z
    .object({ purl: z.string().optional(), cpe23: z.string().optional(), cpe22: z.string().optional() })
    .optional(),
});
type OvComponent = z.infer<typeof Component>;
const ComponentRef = z.union([z.string(), Component]);

const Statement = z.object({
  // 0.2.0 "Vulnerability Data Structure": `name` is the required id; the VEX-repository
  // documents in the trivy data give only `@id`, so it stands in for a missing name.
  vulnerability: z
    .union([
      z.string(),
      z.object({
        '@id': z.string().optional(),
        name: z.string().optional(),
        aliases: z.array(z.string()).optional(),
      }),
    ])
    .optional(),
  products: z
    .array(z.union([z.string(), Component.extend({ subcomponents: z.array(ComponentRef).optional() })]))
    .optional(),
  // 0.0.x: subcomponents listed once per statement, for all its products.
  subcomponents: z.array(ComponentRef).optional(),
  status: z.string().optional(),
  justification: z.string().optional(),
  impact_statement: z.string().optional(),
  action_statement: z.string().optional(),
  status_notes: z.string().optional(),
  timestamp: z.string().optional(),
});
type OvStatement = z.infer<typeof Statement>;

const Document = z.object({
  '@context': z.string(),
  author: z.string().optional(),
  timestamp: z.string().optional(),
  statements: z.array(Statement),
});

/** Validate a parsed OpenVEX document and map its statements; unusable statements are rejected. */
export function parseOpenVex(value: unknown, file: string): VexParseResult {
  const doc = validateShape(Document, value, file);
  const rejections = new Rejections();
  const statements: VexStatement[] = [];
  for (const [i, st] of doc.statements.entries()) {
    const at = ['statements', i];
    const { id, aliases } = vulnerabilityOf(st);
    if (!id) {
      rejections.add([...at, 'vulnerability'], 'the statement names no vulnerability (name or @id)');
      continue;
    }
    if (st.status === undefined) {
      rejections.add(at, `${id}: the statement has no status`);
      continue;
    }
    const status = st.status;
    if (!isVexStatus(status)) {
      rejections.add([...at, 'status'], `${id}: unknown status ${quote(status)}`);
      continue;
    }
    // "products … can cascade down from the encapsulating document" (in-toto subjects); a bare
    // document has no encapsulating one, so a statement without products says nothing usable.
    if (!st.products?.length) {
      rejections.add(at, `${id}: no products (nothing for the statement to cascade from in a bare document)`);
      continue;
    }
    const products: VexProduct[] = [];
    for (const [j, raw] of st.products.entries()) {
      const product = toProduct(raw, st);
      const problem = productProblem(product);
      if (problem) rejections.add([...at, 'products', j], `${id}: ${problem}`);
      else products.push(product);
    }
    if (products.length === 0) {
      rejections.add(at, `${id}: none of its products is usable`);
      continue;
    }
    statements.push({
      vulnerability: id,
      aliases,
      products,
      status,
      ...compact({
        justification: st.justification,
        impactStatement: st.impact_statement,
        actionStatement: st.action_statement,
        detail: st.status_notes,
        // "Inheritance": a statement without a timestamp takes the document's.
        timestamp: st.timestamp ?? doc.timestamp,
        author: doc.author,
      }),
      source: { file, format: 'openvex', pointer: jsonPointer(at), status },
    });
  }
  return { statements, rejected: rejections.list };
}

function vulnerabilityOf(st: OvStatement): { id: string | undefined; aliases: string[] } {
  const v = st.vulnerability;
  if (v === undefined || typeof v === 'string') return { id: v || undefined, aliases: [] };
  const id = v.name || v['@id'] || undefined;
  // "it is not an error to include the identifier used in the `name` field in the list of aliases".
  return { id, aliases: distinct((v.aliases ?? []).map((a) => (a === id ? undefined : a))) ?? [] };
}

function toProduct(raw: NonNullable<OvStatement['products']>[number], st: OvStatement): VexProduct {
  const product = toComponent(raw);
  const subs =
    typeof raw === 'string' ? (st.subcomponents ?? []) : (raw.subcomponents ?? st.subcomponents ?? []);
  if (subs.length > 0) product.subcomponents = subs.map(toComponent);
  return product;
}

/**
 * A product or subcomponent. `purl` is `identifiers.purl`, else `@id` when `@id` is a purl
 * ("As Package URLs are valid IRIs, the `@id` can take a purl"); `id` keeps an `@id` that was
 * not used as the purl. `cpe` prefers the 2.3 form.
 */
function toComponent(raw: string | OvComponent): VexProduct {
  const c: OvComponent = typeof raw === 'string' ? { '@id': raw } : raw;
  const atId = c['@id'];
  const purl = c.identifiers?.purl ?? (atId !== undefined && looksLikePurl(atId) ? atId : undefined);
  return compact({
    purl,
    cpe: c.identifiers?.cpe23 ?? c.identifiers?.cpe22,
    id: atId === purl ? undefined : atId,
  });
}
