/**
 * Turning ajv's JSON-schema errors into one located reason, shared by the SBOM validators.
 */
import type { ErrorObject } from 'ajv';

/**
 * The most specific error: without allErrors ajv stops at the first failing keyword, but under
 * anyOf/oneOf it reports every branch it tried; the deepest instancePath is where to point.
 */
export function deepestError(errors: unknown): ErrorObject | undefined {
  if (!Array.isArray(errors)) return undefined;
  let best: ErrorObject | undefined;
  for (const e of errors as ErrorObject[]) {
    if (best === undefined || e.instancePath.length > best.instancePath.length) best = e;
  }
  return best;
}

/** ajv's message, with the offending property or the allowed values where they help. */
export function describeSchemaError(e: ErrorObject): string {
  const message = e.message ?? e.keyword;
  const params = e.params as Record<string, unknown>;
  if (e.keyword === 'additionalProperties') return `${message}: "${String(params.additionalProperty)}"`;
  if (e.keyword === 'enum' && Array.isArray(params.allowedValues)) {
    const allowed = params.allowedValues.slice(0, 8).join(', ');
    return `${message}: ${allowed}${params.allowedValues.length > 8 ? ', …' : ''}`;
  }
  return message;
}
