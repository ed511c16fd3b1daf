/**
 * Boundary schemas for CycloneDX JSON: only the fields the adapter reads. The whole document is
 * validated against the official CycloneDX schema first (validate.ts); these give the extractor
 * typed values and keep unread fields out of the domain.
 */
import { z } from 'zod';

/** Spec versions with a JSON schema this adapter validates against (CycloneDX 1.2 was the first JSON one). */
export const SUPPORTED_SPEC_VERSIONS = ['1.2', '1.3', '1.4', '1.5', '1.6', '1.7'] as const;
export type SpecVersion = (typeof SUPPORTED_SPEC_VERSIONS)[number];

/** Whether a specVersion value is one this adapter supports. */
export function isSupportedSpecVersion(v: unknown): v is SpecVersion {
  return typeof v === 'string' && (SUPPORTED_SPEC_VERSIONS as readonly string[]).includes(v);
}

const Property = z.object({ name: z.string(), value: z.string().optional() });

/** A component (CycloneDX §components): may nest further components. */
export interface CdxComponent {
  type: string;
  group?: string | undefined;
  name: string;
  version?: string | undefined;
  purl?: string | undefined;
  'bom-ref'?: string | undefined;
  cpe?: string | undefined;
  properties?: Array<z.infer<typeof Property>> | undefined;
  components?: CdxComponent[] | undefined;
}

export const Component: z.ZodType<CdxComponent> = z.object({
  type: z.string(),
  group: z.string().optional(),
  name: z.string(),
  version: z.string().optional(),
  purl: z.string().optional(),
  'bom-ref': z.string().optional(),
  cpe: z.string().optional(),
  properties: z.array(Property).optional(),
  get components() {
    return z.array(Component).optional();
  },
});

/** A service (CycloneDX §services, SaaSBOM): reported, never a package. */
export interface CdxService {
  name: string;
  'bom-ref'?: string | undefined;
  services?: CdxService[] | undefined;
}

export const Service: z.ZodType<CdxService> = z.object({
  name: z.string(),
  'bom-ref': z.string().optional(),
  get services() {
    return z.array(Service).optional();
  },
});

export const Bom = z.object({
  bomFormat: z.literal('CycloneDX'),
  specVersion: z.string(),
  serialNumber: z.string().optional(),
  metadata: z.object({ component: Component.optional() }).optional(),
  components: z.array(Component).optional(),
  services: z.array(Service).optional(),
  vulnerabilities: z.array(z.unknown()).optional(),
});
export type CdxBom = z.infer<typeof Bom>;
