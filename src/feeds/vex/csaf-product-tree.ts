/**
 * CSAF 2.0 §3.2.2 product_tree → product ids resolved to VexProducts. A product id is defined by
 * a `full_product_name` (§3.2.2.2), a leaf `product` in `branches` (§3.2.2.1, §3.1.2.4) or the
 * `full_product_name` of a relationship (§3.2.2.4); its purl and cpe come from
 * `product_identification_helper` (§3.1.3.3.4, §3.1.3.3.1). Groups (§3.2.2.3) name sets of ids.
 */
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import { jsonPointer } from '../../core/structured-input.js';
import { compact, type Path } from './common.js';
import type { VexProduct } from './types.js';

/** §3.1.3.3 product_identification_helper: the identifiers products are matched on. */
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

/**
 * §3.1.2 branches_t: a name, and either a product (leaf) or more branches. `category` is
 * required by the spec; VEX resolution does not need it, the advisory reader reads versions off it.
 */
export interface CsafBranch {
  category?: string | undefined;
  name: string;
  product?: CsafFullProductName | undefined;
  branches?: CsafBranch[] | undefined;
}
const Branch: z.ZodType<CsafBranch> = z.object({
  category: z.string().optional(),
  name: z.string(),
  product: FullProductName.optional(),
  get branches() {
    return z.array(Branch).optional();
  },
});

/** §3.2.2 product_tree, shared by the VEX reader and the advisory reader (feeds/csaf). */
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
type Tree = CsafProductTree;
type Relationship = NonNullable<Tree['relationships']>[number];

type Definition = { fpn: CsafFullProductName; relationship?: Relationship };

/** Product ids and groups of one document, with lookups that say why an id cannot be used. */
export interface CsafProducts {
  /** The product an id denotes, or the reason it cannot be resolved. */
  resolve(id: string): VexProduct | { problem: string };
  /** Ids of the products in a group (empty for an unknown group). */
  group(id: string): readonly string[];
}

/** Index a product tree; a product id defined twice is INPUT_SCHEMA (CSAF §6.1.2). */
export function indexProductTree(tree: Tree | undefined, file: string): CsafProducts {
  const defs = new Map<string, Definition>();
  const define = (fpn: CsafFullProductName, path: Path, relationship?: Relationship): void => {
    if (defs.has(fpn.product_id)) {
      throw new AppError('INPUT_SCHEMA', {
        file,
        pointer: jsonPointer([...path, 'product_id']),
        reason: `product id ${JSON.stringify(fpn.product_id)} is defined more than once (CSAF 6.1.2)`,
      });
    }
    defs.set(fpn.product_id, relationship ? { fpn, relationship } : { fpn });
  };
  const walk = (branches: CsafBranch[] | undefined, path: Path): void => {
    for (const [i, b] of (branches ?? []).entries()) {
      if (b.product) define(b.product, [...path, i, 'product']);
      walk(b.branches, [...path, i, 'branches']);
    }
  };
  walk(tree?.branches, ['product_tree', 'branches']);
  for (const [i, fpn] of (tree?.full_product_names ?? []).entries()) {
    define(fpn, ['product_tree', 'full_product_names', i]);
  }
  for (const [i, rel] of (tree?.relationships ?? []).entries()) {
    define(rel.full_product_name, ['product_tree', 'relationships', i, 'full_product_name'], rel);
  }
  const groups = new Map((tree?.product_groups ?? []).map((g) => [g.group_id, g.product_ids]));
  return {
    resolve: (id) => resolve(id, defs, []),
    group: (id) => groups.get(id) ?? [],
  };
}

/**
 * A relationship "product_reference <category> relates_to_product_reference" (e.g. a package
 * `default_component_of` a distribution, an app `installed_on` a platform) becomes the outer
 * product with the referenced one as its subcomponent — the OpenVEX product/subcomponent shape,
 * so a statement about the combination never reads as one about the outer product alone. The
 * outer product's purl/cpe are used unless the relationship's own name carries a helper.
 */
function resolve(
  id: string,
  defs: Map<string, Definition>,
  seen: string[],
): VexProduct | { problem: string } {
  const def = defs.get(id);
  if (!def)
    return { problem: `product id ${JSON.stringify(id)} is not defined in product_tree (CSAF 6.1.1)` };
  if (seen.includes(id))
    return { problem: `product id ${JSON.stringify(id)} is defined in a cycle (CSAF 6.1.3)` };
  const own = fromCsafFullProductName(def.fpn);
  const rel = def.relationship;
  if (!rel) return own;
  const outer = resolve(rel.relates_to_product_reference, defs, [...seen, id]);
  if ('problem' in outer) return outer;
  const inner = resolve(rel.product_reference, defs, [...seen, id]);
  if ('problem' in inner) return inner;
  const helper = def.fpn.product_identification_helper;
  const identity =
    helper?.purl || helper?.cpe ? own : { ...compact({ purl: outer.purl, cpe: outer.cpe }), ...own };
  return { ...identity, subcomponents: nest(outer, inner) };
}

// When the outer product is itself a relationship ("lib in (app on platform)"), the inner one
// goes under the outer's innermost component, so no level of the chain is lost.
function nest(outer: VexProduct, inner: VexProduct): VexProduct[] {
  if (!outer.subcomponents?.length) return [inner];
  return outer.subcomponents.map((s) => ({ ...s, subcomponents: nest(s, inner) }));
}

function fromCsafFullProductName(fpn: CsafFullProductName): VexProduct {
  const helper = fpn.product_identification_helper;
  return {
    id: fpn.product_id,
    name: fpn.name,
    ...compact({ purl: helper?.purl, cpe: helper?.cpe }),
  };
}
