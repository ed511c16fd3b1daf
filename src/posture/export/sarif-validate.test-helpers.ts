/**
 * Validates a SARIF log against the official OASIS SARIF 2.1.0 JSON schema (errata01), vendored
 * unchanged in schemas/sarif-2.1.0/ (see its README for source and licence).
 *
 * The file declares JSON Schema draft-04, which ajv 8 does not ship. Draft-04 and draft-07 differ
 * in two places: the identifier keyword (`id` became `$id`) and boolean `exclusiveMinimum`/
 * `exclusiveMaximum`. The schema uses only the first, once, at its root (sarif-validate.spec.ts
 * walks every subschema to prove it), so a copy with `id` renamed to `$id` and `$schema` dropped
 * is compiled as draft-07 with the same meaning. `format` (uri, uri-reference, date-time) is
 * checked with ajv-formats, as the spec requires of those properties.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import official from './schemas/sarif-2.1.0/sarif-schema-2.1.0.json' with { type: 'json' };

// ajv-formats is CommonJS: the default import is module.exports, whose `.default` is the plugin.
const addFormats = addFormatsModule.default;

/** The schema as ajv 8 compiles it: `id` → `$id`, no draft-04 `$schema`. */
export function draft07Copy(): Record<string, unknown> {
  const { $schema: _draft04, id, ...rest } = structuredClone(official) as Record<string, unknown>;
  return { $id: id, ...rest };
}

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (compiled === undefined) {
    // Strict, with two of ajv's style lints relaxed for this file as published: `runs` is typed
    // ["array", "null"] (allowUnionTypes), and `anyOf: [{ required: ["index"] }, ...]` names
    // properties declared beside the anyOf, not inside it (strictRequired).
    const ajv = new Ajv({ strict: true, allowUnionTypes: true, strictRequired: false, allErrors: true });
    addFormats(ajv);
    compiled = ajv.compile(draft07Copy());
  }
  return compiled;
}

/** ajv's errors for `log` against the official schema; empty when it conforms. */
export function sarifSchemaErrors(log: unknown): ErrorObject[] {
  const validate = validator();
  return validate(log) ? [] : [...(validate.errors ?? [])];
}
