/**
 * Whole-document validation against the official SPDX 2.3 JSON schema (spdx/spdx-spec
 * schemas/spdx-schema.json, branch support/2.3.1, copied verbatim as spdx-2.3-schema.json).
 * The schema declares `$schema: https://json-schema.org/draft/2019-09/schema`, so it is compiled
 * with ajv's draft 2019-09 class (Ajv2019), not the default draft-07 one. It uses no `format`
 * keyword, so ajv-formats is not needed.
 *
 * Two documented tolerances are applied to a copy of the schema (readme.md "Validation"):
 * - `packages[].downloadLocation` is not required: Trivy's own SPDX fixtures omit it, Trivy and
 *   spdx/tools-golang read them, and this adapter does not read the field.
 * - `primaryPackagePurpose` also accepts the hyphenated spelling (`OPERATING-SYSTEM`): the spec
 *   text (§7.24) and Trivy write it so, the 2.3 schema's enum only has `OPERATING_SYSTEM`. The
 *   schema itself already accepts both spellings for `referenceCategory` (PACKAGE-MANAGER/_).
 */
import { Ajv2019, type ValidateFunction } from 'ajv/dist/2019.js';
import { AppError } from '../../../core/errors.js';
import { deepestError, describeSchemaError } from '../schema-errors.js';
import { isSupportedSpdxVersion, type SpdxVersion, SUPPORTED_SPDX_VERSIONS } from './schema.js';
import officialSchema from './spdx-2.3-schema.json' with { type: 'json' };

/** The official schema with the two tolerances above; exported so tests can pin them. */
export function tolerantSchema(): Record<string, unknown> {
  const schema = structuredClone(officialSchema) as unknown as SchemaNode;
  const pkg = schema.properties?.packages?.items;
  if (pkg?.required === undefined || pkg.properties?.primaryPackagePurpose?.enum === undefined) {
    // The shipped file is fixed; this guards against someone replacing it with another version.
    throw new Error('spdx-2.3-schema.json does not have the expected package definition');
  }
  pkg.required = pkg.required.filter((p) => p !== 'downloadLocation');
  const purposes = pkg.properties.primaryPackagePurpose.enum;
  const hyphenated = purposes.filter((p) => p.includes('_')).map((p) => p.replaceAll('_', '-'));
  pkg.properties.primaryPackagePurpose.enum = [...purposes, ...hyphenated];
  return schema as Record<string, unknown>;
}

interface SchemaNode {
  required?: string[];
  enum?: string[];
  items?: SchemaNode;
  properties?: Record<string, SchemaNode | undefined>;
}

// Compiling the 46 kB schema takes ~100 ms (validating the example ~25 µs): once per process, on first use.
let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  compiled ??= new Ajv2019({ strict: true, allErrors: false }).compile(tolerantSchema());
  return compiled;
}

/** Check the declared spdxVersion; throws INPUT_UNSUPPORTED_SPEC naming /spdxVersion when unknown. */
export function checkSpdxVersion(doc: Record<string, unknown>, file: string): SpdxVersion {
  const found = doc.spdxVersion;
  if (isSupportedSpdxVersion(found)) return found;
  const shown = typeof found === 'string' ? found.slice(0, 20) : typeof found;
  throw new AppError('INPUT_UNSUPPORTED_SPEC', {
    file,
    pointer: '/spdxVersion',
    found: shown,
    supported: [...SUPPORTED_SPDX_VERSIONS],
    reason: `${shown} is not supported; supported: ${SUPPORTED_SPDX_VERSIONS.join(', ')}`,
  });
}

/** Validate a parsed SPDX document against the (tolerant) 2.3 schema; the first error becomes INPUT_SCHEMA. */
export function validateAgainstSchema(doc: unknown, file: string): void {
  const validate = validator();
  if (validate(doc)) return;
  const error = deepestError(validate.errors ?? []);
  throw new AppError('INPUT_SCHEMA', {
    file,
    pointer: error?.instancePath ?? '',
    reason: error ? describeSchemaError(error) : 'does not match the SPDX 2.3 schema',
    schema: 'SPDX 2.3',
  });
}
