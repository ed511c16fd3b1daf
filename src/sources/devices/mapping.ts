/**
 * The column-mapping file of the device CSV adapter (format in readme.md): which export column
 * holds each of our fields, how the export's words map to our values, and which extra columns
 * become tags. YAML, validated with zod; errors name the mapping file and the JSON pointer.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { AppError, isAppError } from '../../core/errors.js';
import { CLINICAL_CRITICALITY, SUPPORT_STATUS } from '../../core/inventory.js';
import { jsonPointer, parseYamlText } from '../../core/structured-input.js';

/** Our device fields, in the order rows are read. `serial` and `model` are required columns. */
export const DEVICE_FIELDS = [
  'serial',
  'model',
  'manufacturer',
  'name',
  'firmware',
  'software',
  'owner',
  'location',
  'networkZone',
  'criticality',
  'patientProximity',
  'supportStatus',
  'endOfSupport',
  'phi',
] as const;
export type DeviceField = (typeof DEVICE_FIELDS)[number];

/** How close a device comes to the patient (IEC 60601-1 "patient environment" in three steps). */
export const PATIENT_PROXIMITY = ['patient-connected', 'patient-area', 'none'] as const;
export type PatientProximity = (typeof PATIENT_PROXIMITY)[number];

/** Date layouts a mapping may declare for the end-of-support column. */
export const DATE_FORMATS = ['YYYY-MM-DD', 'MM/DD/YYYY', 'DD/MM/YYYY'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

// One header or a list: the first is the preferred name, the rest are fallback aliases.
const headers = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);
const optional = headers.optional();
const columns = z.strictObject({
  serial: headers,
  model: headers,
  manufacturer: optional,
  name: optional,
  firmware: optional,
  software: optional,
  owner: optional,
  location: optional,
  networkZone: optional,
  criticality: optional,
  patientProximity: optional,
  supportStatus: optional,
  endOfSupport: optional,
  phi: optional,
});
const words = <T extends readonly [string, ...string[]]>(values: T) =>
  z.record(z.string().min(1), z.enum(values)).default({});

const MappingSchema = z.strictObject({
  version: z.literal(1),
  delimiter: z.string().length(1).default(','),
  dateFormat: z.enum(DATE_FORMATS).default('YYYY-MM-DD'),
  /** PHI when the row says nothing (no PHI column, or an empty cell). */
  phiDefault: z.boolean().default(true),
  columns,
  values: z
    .strictObject({
      criticality: words(CLINICAL_CRITICALITY),
      patientProximity: words(PATIENT_PROXIMITY),
      supportStatus: words(SUPPORT_STATUS),
      phi: z.record(z.string().min(1), z.boolean()).default({}),
    })
    .default({ criticality: {}, patientProximity: {}, supportStatus: {}, phi: {} }),
  tags: z.array(z.string().min(1)).default([]),
});

/** A validated column mapping. */
export type DeviceMapping = z.infer<typeof MappingSchema>;

/** Which export column feeds each field, which become tags, and which are left unused. */
export interface ColumnPlan {
  fields: Partial<Record<DeviceField, string>>;
  tags: string[];
  ignored: string[];
}

/** Parse and validate mapping YAML; errors name `file` and a line (syntax) or pointer (shape). */
export function parseMapping(text: string, file: string): DeviceMapping {
  const value = parseYamlText(text, file);
  const result = MappingSchema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  // zod reports an unknown key at its parent; point at the key itself (a typo such as `colums`).
  const path = [...(issue?.path ?? [])];
  if (issue?.code === 'unrecognized_keys' && issue.keys[0] !== undefined) path.push(issue.keys[0]);
  throw new AppError('INPUT_SCHEMA', {
    file,
    pointer: jsonPointer(path),
    reason: issue?.message ?? 'invalid mapping',
  });
}

/** Read and validate a mapping file from disk. */
export function readMappingFile(path: string): DeviceMapping {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new AppError(
      'INPUT_NOT_FOUND',
      { file: path, reason: 'mapping file not readable' },
      { cause: err },
    );
  }
  return parseMapping(text, path);
}

let defaultMapping: DeviceMapping | undefined;

/** The shipped generic-CMDB mapping (default-mapping.yaml beside this file), read once. */
export function loadDefaultMapping(): DeviceMapping {
  const path = fileURLToPath(new URL('./default-mapping.yaml', import.meta.url));
  try {
    defaultMapping ??= readMappingFile(path);
  } catch (err) {
    // The shipped file missing from an installation is a packaging fault, not the user's input.
    if (isAppError(err, 'INPUT_NOT_FOUND')) {
      throw new AppError(
        'INTERNAL',
        { file: path, reason: 'default device mapping not installed' },
        { cause: err },
      );
    }
    throw err;
  }
  return defaultMapping;
}

/** Header comparison key: case-insensitive, surrounding and repeated whitespace ignored. */
export function headerKey(h: string): string {
  return h.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Candidate headers of a field in preference order (empty when the mapping leaves it out). */
export function candidates(mapping: DeviceMapping, field: DeviceField): string[] {
  const spec = mapping.columns[field];
  return spec === undefined ? [] : typeof spec === 'string' ? [spec] : spec;
}

/** Match an export's header row against a mapping; serial or model unmatched → null. */
export function planColumns(header: readonly string[], mapping: DeviceMapping): ColumnPlan | null {
  const byKey = new Map(header.map((h) => [headerKey(h), h]));
  const fields: Partial<Record<DeviceField, string>> = {};
  for (const field of DEVICE_FIELDS) {
    const found = candidates(mapping, field)
      .map((c) => byKey.get(headerKey(c)))
      .find((h) => h !== undefined);
    if (found !== undefined) fields[field] = found;
  }
  if (fields.serial === undefined || fields.model === undefined) return null;
  // A tag column the export lacks is simply absent: the default mapping lists columns that
  // only some CMDBs have.
  const tags = mapping.tags.map((t) => byKey.get(headerKey(t))).filter((h) => h !== undefined);
  const used = new Set([...Object.values(fields), ...tags]);
  return { fields, tags, ignored: header.filter((h) => !used.has(h)) };
}

/** Why a header row does not fit the mapping: the required fields it lacks and what was looked for. */
export function missingColumns(header: readonly string[], mapping: DeviceMapping): string {
  const keys = new Set(header.map(headerKey));
  return (['serial', 'model'] as const)
    .filter((f) => !candidates(mapping, f).some((c) => keys.has(headerKey(c))))
    .map(
      (f) =>
        `no column for ${f} (looked for ${candidates(mapping, f)
          .map((c) => `"${c}"`)
          .join(', ')})`,
    )
    .join('; ');
}
