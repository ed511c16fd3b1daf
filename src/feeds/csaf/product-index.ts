/**
 * Product ids → what a device matcher needs: vendor, product name and version text from the
 * branch path (CSAF 2.0 §3.1.2: `vendor` → [`product_family`] → `product_name` →
 * `product_version` | `product_version_range`), and the §3.1.3.3 helper identifiers. Resolution
 * itself (duplicate ids §6.1.2, undefined ids §6.1.1, cycles §6.1.3, groups §3.2.2.3) is the VEX
 * reader's `indexProductTree`; this module wraps it and adds the branch path it does not keep.
 */
import { type CsafProducts, indexProductTree } from '../vex/csaf-product-tree.js';
import type { CsafBranch, CsafFullProductName, CsafProductTree } from './schema.js';

/** Branch categories that carry a product's version (§3.1.2.2). */
export type VersionCategory = 'product_version' | 'product_version_range';

/** One product id, with its branch path and helper identifiers. */
export interface ProductInfo {
  productId: string;
  name: string;
  vendor?: string;
  family?: string;
  product?: string;
  version?: { category: VersionCategory; text: string };
  cpe?: string;
  purl?: string;
  modelNumbers?: string[];
  relationship?: { category: string; relatesTo: string };
}

/** Lookups over one document's products. */
export interface ProductIndex {
  /** The product an id denotes, or why it cannot be used. */
  resolve(id: string): ProductInfo | { problem: string };
  /** Ids of a product group (empty for an unknown group). */
  group(id: string): readonly string[];
}

type Path = Partial<Pick<ProductInfo, 'vendor' | 'family' | 'product' | 'version'>>;

/** Index a product tree; duplicate product ids throw INPUT_SCHEMA (CSAF §6.1.2) via the VEX index. */
export function indexProducts(tree: CsafProductTree | undefined, file: string): ProductIndex {
  const vex: CsafProducts = indexProductTree(tree, file);
  const own = new Map<string, ProductInfo>();
  const walk = (branches: CsafBranch[] | undefined, path: Path): void => {
    for (const b of branches ?? []) {
      const here = { ...path, ...pathStep(b) };
      if (b.product) own.set(b.product.product_id, { ...fromFpn(b.product), ...here });
      walk(b.branches, here);
    }
  };
  walk(tree?.branches, {});
  for (const fpn of tree?.full_product_names ?? []) own.set(fpn.product_id, fromFpn(fpn));
  const relationships = new Map((tree?.relationships ?? []).map((r) => [r.full_product_name.product_id, r]));

  const resolve = (id: string, seen: readonly string[]): ProductInfo | { problem: string } => {
    const rel = relationships.get(id);
    if (!rel) return own.get(id) ?? { problem: `product id ${JSON.stringify(id)} is not defined` };
    if (seen.includes(id))
      return { problem: `product id ${JSON.stringify(id)} is defined in a cycle (CSAF 6.1.3)` };
    // "A installed_on / default_component_of B" (§3.2.2.4): the product that carries the
    // vulnerability is A, so its branch path and identifiers are the ones a device can show.
    const inner = resolve(rel.product_reference, [...seen, id]);
    const outer = resolve(rel.relates_to_product_reference, [...seen, id]);
    if ('problem' in inner) return inner;
    if ('problem' in outer) return outer;
    const fpn = fromFpn(rel.full_product_name);
    // The relationship's own identifiers, when it has any, replace the inner product's.
    const path: ProductInfo = { productId: inner.productId, name: inner.name };
    for (const k of ['vendor', 'family', 'product', 'version'] as const) {
      if (inner[k] !== undefined) Object.assign(path, { [k]: inner[k] });
    }
    const helper = fpn.cpe || fpn.purl || fpn.modelNumbers ? pickHelper(fpn) : pickHelper(inner);
    return {
      ...path,
      ...helper,
      productId: id,
      name: fpn.name,
      relationship: { category: rel.category, relatesTo: outer.name },
    };
  };
  return {
    resolve: (id) => {
      const checked = vex.resolve(id);
      if ('problem' in checked) return checked;
      return resolve(id, []);
    },
    group: (id) => vex.group(id),
  };
}

function pathStep(b: CsafBranch): Path {
  switch (b.category) {
    case 'vendor':
      return { vendor: b.name };
    case 'product_family':
      return { family: b.name };
    case 'product_name':
      return { product: b.name };
    case 'product_version':
    case 'product_version_range':
      return { version: { category: b.category, text: b.name } };
    default:
      // architecture, language, patch_level, service_pack, …: not used for device matching.
      return {};
  }
}

function fromFpn(fpn: CsafFullProductName): ProductInfo {
  const h = fpn.product_identification_helper;
  const info: ProductInfo = { productId: fpn.product_id, name: fpn.name };
  if (h?.cpe) info.cpe = h.cpe;
  if (h?.purl) info.purl = h.purl;
  if (h?.model_numbers?.length) info.modelNumbers = h.model_numbers;
  return info;
}

function pickHelper(p: ProductInfo): Pick<ProductInfo, 'cpe' | 'purl' | 'modelNumbers'> {
  const out: Pick<ProductInfo, 'cpe' | 'purl' | 'modelNumbers'> = {};
  if (p.cpe) out.cpe = p.cpe;
  if (p.purl) out.purl = p.purl;
  if (p.modelNumbers) out.modelNumbers = p.modelNumbers;
  return out;
}
