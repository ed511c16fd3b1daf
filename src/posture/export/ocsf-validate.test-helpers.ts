/**
 * Checks an OCSF event against the OCSF 1.3.0 definitions vendored in
 * schemas/ocsf-1.3.0/compliance-finding.json: the compiled Compliance Finding class and the
 * objects it uses, as the OCSF schema server exports them (see that folder's README). OCSF
 * publishes JSON Schema only from its server, so this does by hand what the server's validator
 * does, and nothing more:
 *
 * - the event's class is found by `class_uid`; every attribute of the event and of each nested
 *   object must be defined for that class/object, and an attribute that belongs to a profile
 *   (`profile` in the definition, e.g. `cloud`) is allowed only if `metadata.profiles` declares it;
 * - attributes with `requirement: "required"` must be present (a profile's only when it is declared);
 * - values must have their dictionary type: `is_array` → an array of it; `object_t` → the named
 *   object, checked recursively; scalar types resolve through `types` to string_t (with `max_len`
 *   and `regex`), integer_t (32-bit signed), long_t (safe JS integer), float_t, boolean_t, json_t
 *   (anything), with `range` where a type has one;
 * - an attribute with an `enum` must hold one of its keys, and a sibling caption attribute
 *   (`sibling`, e.g. `severity` for `severity_id`) must equal that key's caption unless the id is
 *   99 (Other), where the source's own label goes;
 * - object constraints `at_least_one` and `just_one`; deprecated attributes are reported;
 * - `category_uid` = the class's category, `class_uid` = category_uid × 1000 + class number,
 *   `type_uid` = class_uid × 100 + activity_id, and `metadata.version` = the vendored version.
 *
 * An object type that is not vendored is reported, not waved through: the extract holds only what
 * PatchWarden's events use, so a new attribute needs its definition vendored first. The generic
 * `object` type (`unmapped`) is any JSON object, as OCSF defines it.
 */
import vendored from './schemas/ocsf-1.3.0/compliance-finding.json' with { type: 'json' };

interface OcsfAttribute {
  type: string;
  object_type?: string;
  is_array?: boolean;
  requirement?: string;
  enum?: Record<string, { caption: string }>;
  sibling?: string;
  profile?: string | null;
  '@deprecated'?: { message: string; since: string };
}

interface OcsfDefinition {
  name: string;
  attributes: Record<string, OcsfAttribute>;
  constraints?: { at_least_one?: readonly string[]; just_one?: readonly string[] };
  profiles?: readonly string[];
  uid?: number;
  category_uid?: number;
}

interface OcsfType {
  caption: string;
  type?: string;
  max_len?: number;
  regex?: string;
  range?: readonly number[];
}

export interface OcsfSchema {
  version: string;
  classes: Record<string, OcsfDefinition>;
  objects: Record<string, OcsfDefinition>;
  types: Record<string, OcsfType>;
}

export const OCSF_1_3_0: OcsfSchema = vendored;

export interface OcsfIssue {
  /** JSON Pointer into the event. */
  path: string;
  problem: string;
}

interface Context {
  schema: OcsfSchema;
  profiles: ReadonlySet<string>;
  issues: OcsfIssue[];
}

// The generic object: "an unordered collection of attributes", with none defined.
const GENERIC_OBJECT = 'object';
const OTHER_ID = 99;
const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const has = (o: object, key: string): boolean => Object.hasOwn(o, key);

/** Every way `event` departs from the vendored definitions; empty when it conforms. */
export function validateOcsfEvent(event: unknown, schema: OcsfSchema = OCSF_1_3_0): OcsfIssue[] {
  if (!isRecord(event)) return [{ path: '', problem: 'an OCSF event is a JSON object' }];
  const cls = Object.values(schema.classes).find((c) => c.uid === event.class_uid);
  if (cls === undefined) {
    return [
      {
        path: '/class_uid',
        problem: `${JSON.stringify(event.class_uid)} is not a class vendored for OCSF ${schema.version}`,
      },
    ];
  }
  const issues: OcsfIssue[] = [];
  const ctx: Context = { schema, profiles: declaredProfiles(event, cls, issues), issues };
  checkObject(event, cls, '', ctx);
  checkClassArithmetic(event, cls, issues);
  const metadata = event.metadata;
  if (isRecord(metadata) && has(metadata, 'version') && metadata.version !== schema.version) {
    issues.push({
      path: '/metadata/version',
      problem: `declares ${JSON.stringify(metadata.version)}; the vendored schema is ${schema.version}`,
    });
  }
  return issues;
}

function declaredProfiles(
  event: Record<string, unknown>,
  cls: OcsfDefinition,
  issues: OcsfIssue[],
): Set<string> {
  const metadata = event.metadata;
  const declared = isRecord(metadata) && Array.isArray(metadata.profiles) ? metadata.profiles : [];
  const profiles = new Set<string>();
  declared.forEach((p, i) => {
    if (typeof p !== 'string') return; // the type check on metadata.profiles reports it
    if (!(cls.profiles ?? []).includes(p)) {
      issues.push({ path: `/metadata/profiles/${i}`, problem: `${cls.name} has no profile "${p}"` });
    }
    profiles.add(p);
  });
  return profiles;
}

function applies(attr: OcsfAttribute, profiles: ReadonlySet<string>): boolean {
  return attr.profile === undefined || attr.profile === null || profiles.has(attr.profile);
}

function checkObject(value: Record<string, unknown>, def: OcsfDefinition, path: string, ctx: Context): void {
  for (const [key, v] of Object.entries(value)) {
    const at = `${path}/${key}`;
    const attr = has(def.attributes, key) ? def.attributes[key] : undefined;
    if (attr === undefined) {
      ctx.issues.push({ path: at, problem: `not an attribute of ${def.name}` });
      continue;
    }
    if (!applies(attr, ctx.profiles)) {
      ctx.issues.push({
        path: at,
        problem: `belongs to the ${attr.profile} profile, which metadata.profiles does not declare`,
      });
    }
    const deprecated = attr['@deprecated'];
    if (deprecated !== undefined) {
      ctx.issues.push({ path: at, problem: `deprecated since ${deprecated.since}: ${deprecated.message}` });
    }
    checkValue(v, attr, at, ctx);
  }
  for (const [key, attr] of Object.entries(def.attributes)) {
    if (attr.requirement === 'required' && applies(attr, ctx.profiles) && !has(value, key)) {
      ctx.issues.push({ path: `${path}/${key}`, problem: `required by ${def.name} but missing` });
    }
    checkSibling(value, key, attr, path, ctx);
  }
  checkConstraints(value, def, path, ctx);
}

function checkSibling(
  value: Record<string, unknown>,
  key: string,
  attr: OcsfAttribute,
  path: string,
  ctx: Context,
): void {
  if (attr.enum === undefined || attr.sibling === undefined) return;
  if (!has(value, key) || !has(value, attr.sibling)) return;
  const id = value[key];
  if (id === OTHER_ID || !has(attr.enum, String(id))) return; // Other carries the source's label
  const caption = attr.enum[String(id)]?.caption;
  if (value[attr.sibling] !== caption) {
    ctx.issues.push({
      path: `${path}/${attr.sibling}`,
      problem: `is ${JSON.stringify(value[attr.sibling])}, but ${key} ${String(id)} is "${caption}"`,
    });
  }
}

function checkConstraints(
  value: Record<string, unknown>,
  def: OcsfDefinition,
  path: string,
  ctx: Context,
): void {
  const atLeastOne = def.constraints?.at_least_one;
  if (atLeastOne !== undefined && !atLeastOne.some((k) => has(value, k))) {
    ctx.issues.push({ path, problem: `${def.name} needs at least one of ${atLeastOne.join(', ')}` });
  }
  const justOne = def.constraints?.just_one;
  if (justOne !== undefined && justOne.filter((k) => has(value, k)).length !== 1) {
    ctx.issues.push({ path, problem: `${def.name} needs exactly one of ${justOne.join(', ')}` });
  }
}

function checkValue(v: unknown, attr: OcsfAttribute, path: string, ctx: Context): void {
  if (attr.is_array === true) {
    if (!Array.isArray(v)) {
      ctx.issues.push({ path, problem: `must be an array of ${attr.object_type ?? attr.type}` });
      return;
    }
    v.forEach((item, i) => {
      checkSingle(item, attr, `${path}/${i}`, ctx);
    });
    return;
  }
  if (Array.isArray(v)) {
    ctx.issues.push({ path, problem: `must be a single ${attr.object_type ?? attr.type}, not an array` });
    return;
  }
  checkSingle(v, attr, path, ctx);
}

function checkSingle(v: unknown, attr: OcsfAttribute, path: string, ctx: Context): void {
  if (attr.type === 'object_t') {
    const objectType = attr.object_type ?? '';
    if (!isRecord(v)) {
      ctx.issues.push({ path, problem: `must be a ${objectType} object` });
      return;
    }
    if (objectType === GENERIC_OBJECT) return;
    const def = has(ctx.schema.objects, objectType) ? ctx.schema.objects[objectType] : undefined;
    if (def === undefined) {
      ctx.issues.push({
        path,
        problem: `object type ${objectType} is not vendored, so it cannot be checked`,
      });
      return;
    }
    checkObject(v, def, path, ctx);
    return;
  }
  checkScalar(v, attr.type, path, ctx);
  if (attr.enum !== undefined && !has(attr.enum, String(v))) {
    ctx.issues.push({
      path,
      problem: `${JSON.stringify(v)} is not one of ${Object.keys(attr.enum).join(', ')}`,
    });
  }
}

function baseType(typeName: string, types: Record<string, OcsfType>): string | undefined {
  let name = typeName;
  for (let depth = 0; depth < 5; depth++) {
    const t = has(types, name) ? types[name] : undefined;
    if (t === undefined) return undefined;
    if (t.type === undefined) return name;
    name = t.type;
  }
  return undefined;
}

function checkScalar(v: unknown, typeName: string, path: string, ctx: Context): void {
  const types = ctx.schema.types;
  const t = has(types, typeName) ? types[typeName] : undefined;
  const base = baseType(typeName, types);
  if (t === undefined || base === undefined) {
    ctx.issues.push({ path, problem: `type ${typeName} is not in the vendored types` });
    return;
  }
  const wrong = () => {
    ctx.issues.push({ path, problem: `${JSON.stringify(v)} is not a ${typeName}` });
  };
  switch (base) {
    case 'string_t': {
      if (typeof v !== 'string') {
        wrong();
        return;
      }
      const maxLen = t.max_len ?? types.string_t?.max_len;
      if (maxLen !== undefined && [...v].length > maxLen) {
        ctx.issues.push({ path, problem: `is longer than ${typeName}'s ${maxLen} characters` });
      }
      if (t.regex !== undefined && !new RegExp(t.regex).test(v)) {
        ctx.issues.push({ path, problem: `${JSON.stringify(v)} does not match ${typeName}'s pattern` });
      }
      break;
    }
    case 'integer_t':
      if (!Number.isInteger(v) || (v as number) < INT32.min || (v as number) > INT32.max) wrong();
      break;
    case 'long_t':
      // JSON allows 64-bit longs; JavaScript numbers hold integers exactly up to 2^53 only.
      if (!Number.isSafeInteger(v)) wrong();
      break;
    case 'float_t':
      if (typeof v !== 'number' || !Number.isFinite(v)) wrong();
      break;
    case 'boolean_t':
      if (typeof v !== 'boolean') wrong();
      break;
    case 'json_t':
      break;
    default:
      ctx.issues.push({ path, problem: `base type ${base} of ${typeName} is not one this validator checks` });
      return;
  }
  const [min, max] = t.range ?? [];
  if (min !== undefined && max !== undefined && typeof v === 'number' && (v < min || v > max)) {
    ctx.issues.push({ path, problem: `${v} is outside ${typeName}'s range ${min}–${max}` });
  }
}

function checkClassArithmetic(
  event: Record<string, unknown>,
  cls: OcsfDefinition,
  issues: OcsfIssue[],
): void {
  const { category_uid: category, class_uid: classUid, activity_id: activity, type_uid: typeUid } = event;
  if (typeof category === 'number' && category !== cls.category_uid) {
    issues.push({ path: '/category_uid', problem: `${cls.name} is in category ${cls.category_uid}` });
  }
  if (
    typeof category === 'number' &&
    typeof classUid === 'number' &&
    Math.trunc(classUid / 1000) !== category
  ) {
    issues.push({ path: '/class_uid', problem: `${classUid} is not category_uid × 1000 + a class number` });
  }
  if (
    typeof classUid === 'number' &&
    typeof activity === 'number' &&
    typeof typeUid === 'number' &&
    typeUid !== classUid * 100 + activity
  ) {
    issues.push({ path: '/type_uid', problem: `${typeUid} ≠ class_uid × 100 + activity_id` });
  }
}
