/**
 * CycloneDX boundary schema for VEX reading (only the members read; CycloneDX 1.6 JSON schema
 * names in comments) and bom-ref resolution inside one BOM (§vulnerabilities.affects.ref: a
 * bom-ref of this BOM or a BOM-Link, cyclonedx.org/capabilities/bomlink).
 */
import { z } from 'zod';

const Named = z.object({ name: z.string().optional() }).optional();

export interface CdxElement {
  'bom-ref'?: string | undefined;
  name?: string | undefined;
  version?: string | undefined;
  purl?: string | undefined;
  cpe?: string | undefined;
  components?: CdxElement[] | undefined;
  services?: CdxElement[] | undefined;
}
// Components and services both carry bom-refs an `affects[].ref` may name (§vulnerabilities.affects).
const Element: z.ZodType<CdxElement> = z.object({
  'bom-ref': z.string().optional(),
  name: z.string().optional(),
  version: z.string().optional(),
  purl: z.string().optional(),
  cpe: z.string().optional(),
  get components() {
    return z.array(Element).optional();
  },
  get services() {
    return z.array(Element).optional();
  },
});

const Vulnerability = z.object({
  id: z.string().optional(),
  // §vulnerabilities.references: "pointers to vulnerabilities that are the equivalent of" this one.
  references: z.array(z.object({ id: z.string() })).optional(),
  recommendation: z.string().optional(),
  workaround: z.string().optional(),
  analysis: z
    .object({
      state: z.string().optional(),
      justification: z.string().optional(),
      response: z.array(z.string()).optional(),
      detail: z.string().optional(),
      firstIssued: z.string().optional(),
      lastUpdated: z.string().optional(),
    })
    .optional(),
  affects: z
    .array(
      z.object({
        ref: z.string(),
        versions: z
          .array(
            z.object({
              version: z.string().optional(),
              range: z.string().optional(),
              status: z.enum(['affected', 'unaffected', 'unknown']).optional(),
            }),
          )
          .optional(),
      }),
    )
    .optional(),
});
export type CdxVulnerability = z.infer<typeof Vulnerability>;

/** A CycloneDX BOM carrying VEX: `vulnerabilities` present (standalone VEX or embedded in an SBOM). */
export const Bom = z.object({
  bomFormat: z.literal('CycloneDX'),
  specVersion: z.string(),
  serialNumber: z.string().optional(),
  version: z.number().optional(),
  metadata: z
    .object({
      timestamp: z.string().optional(),
      component: Element.optional(),
      authors: z.array(z.object({ name: z.string().optional() })).optional(),
      manufacturer: Named,
      // 1.4 and 1.5 spell it `manufacture` (renamed `manufacturer` in 1.6).
      manufacture: Named,
      supplier: Named,
    })
    .optional(),
  components: z.array(Element).optional(),
  services: z.array(Element).optional(),
  vulnerabilities: z.array(Vulnerability),
});
export type CdxBom = z.infer<typeof Bom>;

// BOM-Link (cyclonedx.org/capabilities/bomlink): urn:cdx:<serial uuid>/<bom version>#<bom-ref>.
const BOM_LINK =
  /^urn:cdx:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/([1-9][0-9]*)#(.+)$/i;

/**
 * The component or service a ref names in this document, if any. A BOM-Link resolves here only
 * when it names this BOM's serial number and version; otherwise it points into another BOM and
 * stays a bare `bomRef` for the matcher to resolve against that inventory.
 */
export function resolveRef(
  ref: string,
  elements: Map<string, CdxElement>,
  bom: CdxBom,
): CdxElement | undefined {
  const link = BOM_LINK.exec(ref);
  if (!link) return elements.get(ref);
  const [, serial, version, fragment] = link;
  const own = bom.serialNumber?.toLowerCase() === `urn:uuid:${serial?.toLowerCase()}`;
  if (!own || String(bom.version ?? 1) !== version || fragment === undefined) return undefined;
  return elements.get(fragment) ?? elements.get(safeDecode(fragment));
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Every component and service (nested ones included) by bom-ref, metadata.component first. */
export function indexElements(bom: CdxBom): Map<string, CdxElement> {
  const index = new Map<string, CdxElement>();
  const visit = (list: CdxElement[] | undefined): void => {
    for (const e of list ?? []) {
      const ref = e['bom-ref'];
      // bom-refs are unique within a BOM (§bom-ref); the first definition wins if one is not.
      if (ref !== undefined && !index.has(ref)) index.set(ref, e);
      visit(e.components);
      visit(e.services);
    }
  };
  visit(bom.metadata?.component ? [bom.metadata.component] : []);
  visit(bom.components);
  visit(bom.services);
  return index;
}
