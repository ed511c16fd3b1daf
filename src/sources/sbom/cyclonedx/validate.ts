/**
 * Whole-document validation against the official CycloneDX JSON schema of the declared spec
 * version, through the CycloneDX library's own validator (ajv with the schemas it ships in
 * res/schema, remote $refs disabled).
 *
 * We use `JsonStrictValidator`. For 1.4–1.6 it loads the very same schema files as the lenient
 * `JsonValidator`; only 1.2 and 1.3 differ, where the strict variants forbid properties the
 * spec does not define (additionalProperties: false). Every CycloneDX JSON file in
 * shared/data/sbom passes the strict schemas, so there was no real-world reason to relax it.
 */
import { Spec, Validation } from '@cyclonedx/cyclonedx-library';
import type { ErrorObject } from 'ajv';
import { AppError, type ErrorDetails } from '../../../core/errors.js';
import { isSupportedSpecVersion, type SpecVersion, SUPPORTED_SPEC_VERSIONS } from './schema.js';

/** Turns a JSON pointer inside the BOM into error details (file, pointer, maybe an envelope). */
export type Locate = (pointer: string) => ErrorDetails;

const VERSIONS: Record<SpecVersion, Spec.Version> = {
  '1.2': Spec.Version.v1dot2,
  '1.3': Spec.Version.v1dot3,
  '1.4': Spec.Version.v1dot4,
  '1.5': Spec.Version.v1dot5,
  '1.6': Spec.Version.v1dot6,
};

// One validator per spec version: the library compiles the schema on first use and caches it
// inside the instance (compiling 1.6 takes ~100 ms; validation of a 2 MB BOM about as long).
const validators = new Map<SpecVersion, Validation.JsonStrictValidator>();

/** Check the declared specVersion; throws INPUT_SCHEMA when absent, INPUT_UNSUPPORTED_SPEC when unknown. */
export function checkSpecVersion(doc: Record<string, unknown>, locate: Locate): SpecVersion {
  const found = doc.specVersion;
  if (typeof found !== 'string') {
    throw new AppError('INPUT_SCHEMA', {
      ...locate('/specVersion'),
      reason: 'specVersion is required and must be a string such as "1.6"',
    });
  }
  if (!isSupportedSpecVersion(found)) {
    throw new AppError('INPUT_UNSUPPORTED_SPEC', {
      ...locate('/specVersion'),
      found: found.slice(0, 20),
      supported: [...SUPPORTED_SPEC_VERSIONS],
      reason: `CycloneDX ${found.slice(0, 20)} is not supported; supported: ${SUPPORTED_SPEC_VERSIONS.join(', ')}`,
    });
  }
  return found;
}

/** Validate the JSON text of a BOM against its spec version's schema; the first error becomes INPUT_SCHEMA. */
export async function validateAgainstSchema(
  version: SpecVersion,
  json: string,
  locate: Locate,
): Promise<void> {
  let validator = validators.get(version);
  if (validator === undefined) {
    validator = new Validation.JsonStrictValidator(VERSIONS[version]);
    validators.set(version, validator);
  }
  const result: unknown = await validator.validate(json);
  if (result === null) return;
  const error = pickError(result);
  throw new AppError('INPUT_SCHEMA', {
    ...locate(error?.instancePath ?? ''),
    reason: error ? describeError(error) : 'does not match the CycloneDX schema',
    schema: `CycloneDX ${version}`,
  });
}

// ajv stops at the first failing keyword but reports every branch it tried under anyOf/oneOf;
// the deepest instancePath is the most specific place to point a person at.
function pickError(result: unknown): ErrorObject | undefined {
  if (!Array.isArray(result)) return undefined;
  let best: ErrorObject | undefined;
  for (const e of result as ErrorObject[]) {
    if (best === undefined || e.instancePath.length > best.instancePath.length) best = e;
  }
  return best;
}

function describeError(e: ErrorObject): string {
  const message = e.message ?? e.keyword;
  const params = e.params as Record<string, unknown>;
  if (e.keyword === 'additionalProperties') return `${message}: "${String(params.additionalProperty)}"`;
  if (e.keyword === 'enum' && Array.isArray(params.allowedValues)) {
    const allowed = params.allowedValues.slice(0, 8).join(', ');
    return `${message}: ${allowed}${params.allowedValues.length > 8 ? ', …' : ''}`;
  }
  return message;
}
