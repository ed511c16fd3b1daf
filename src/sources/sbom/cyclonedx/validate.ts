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
import { AppError, type ErrorDetails } from '../../../core/errors.js';
import { deepestError, describeSchemaError } from '../schema-errors.js';
import { isSupportedSpecVersion, type SpecVersion, SUPPORTED_SPEC_VERSIONS } from './schema.js';

/** Turns a JSON pointer inside the BOM into error details (file, pointer, maybe an envelope). */
export type Locate = (pointer: string) => ErrorDetails;

const VERSIONS: Record<SpecVersion, Spec.Version> = {
  '1.2': Spec.Version.v1dot2,
  '1.3': Spec.Version.v1dot3,
  '1.4': Spec.Version.v1dot4,
  '1.5': Spec.Version.v1dot5,
  '1.6': Spec.Version.v1dot6,
  '1.7': Spec.Version.v1dot7,
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
  const error = deepestError(result);
  throw new AppError('INPUT_SCHEMA', {
    ...locate(error?.instancePath ?? ''),
    reason: error ? describeSchemaError(error) : 'does not match the CycloneDX schema',
    schema: `CycloneDX ${version}`,
  });
}
