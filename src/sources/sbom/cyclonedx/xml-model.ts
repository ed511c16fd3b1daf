/**
 * CycloneDX XML element tree → the CycloneDX JSON document model, so one extractor serves both
 * encodings. The mapping follows the spec's own XML↔JSON correspondence (the XSD and the JSON
 * schema of each version describe the same object model): wrapper elements become arrays
 * (`<hashes><hash/></hashes>` → `hashes: []`), attributes become properties (`bom-ref`, `type`,
 * `alg`), a text-bearing element with attributes becomes an object (`<hash alg>` → `{alg,
 * content}`, `<property name>` → `{name, value}`).
 *
 * Converted: what extraction reads plus what users see in `inventory show` — serialNumber,
 * version, metadata (timestamp, tools, authors, component, supplier, manufacturer, licenses,
 * properties), components and services (recursively), externalReferences, dependencies,
 * vulnerabilities (identity only, enough to tell a VEX from an inventory), properties. Other
 * elements (pedigree, evidence, swid, compositions, formulation, signatures, extension
 * namespaces) are validated by the XSD but not carried over: nothing downstream reads them.
 */
import type { XmlElement } from './xml-tree.js';

/** Where each converted object or array came from, for locating later shape errors. */
export type Origins = WeakMap<object, XmlElement>;

type Convert = (e: XmlElement, origins: Origins) => unknown;

// Whitespace around the text of a simple-content element is layout (the cern example wraps
// CDATA descriptions in indentation); the XSD types involved (xs:normalizedString, xs:token,
// xs:anyURI) collapse it anyway, and the JSON encoding never has it.
const text: Convert = (e) => e.text.trim();
const boolean: Convert = (e) => e.text.trim() === 'true' || e.text.trim() === '1';

interface ObjectSpec {
  /** Attribute name → JSON key (same name unless given), converted as strings. */
  attrs?: readonly string[];
  /** Child element name → JSON key and how to convert it. */
  fields?: Readonly<Record<string, Convert>>;
  /** Child elements that may repeat and gather into one array (`<url>` twice → `url: []`). */
  repeated?: Readonly<Record<string, Convert>>;
  /** JSON key for the element's own text (`<hash alg>…</hash>` → `content`). */
  textKey?: string;
}

/** An element as an object; a thunk `spec` lets a type contain itself (components in components). */
function object(spec: ObjectSpec | (() => ObjectSpec)): Convert {
  let resolved: ObjectSpec | undefined;
  return (e, origins) => {
    resolved ??= typeof spec === 'function' ? spec() : spec;
    const s = resolved;
    const out: Record<string, unknown> = {};
    origins.set(out, e);
    for (const a of s.attrs ?? []) if (e.attrs[a] !== undefined) out[a] = e.attrs[a];
    for (const child of e.children) {
      const field = s.fields?.[child.name];
      if (field) out[child.name] = field(child, origins);
      const repeated = s.repeated?.[child.name];
      if (repeated) {
        const list = (out[child.name] as unknown[] | undefined) ?? [];
        if (list.length === 0) origins.set(list, child);
        list.push(repeated(child, origins));
        out[child.name] = list;
      }
    }
    const value = e.text.trim();
    if (s.textKey !== undefined && value !== '') out[s.textKey] = value;
    return out;
  };
}

/** A wrapper element holding items: `items` maps each allowed item element to its conversion. */
function list(items: Readonly<Record<string, Convert>>): Convert {
  return (e, origins) => {
    const out: unknown[] = [];
    origins.set(out, e);
    for (const child of e.children) {
      const item = items[child.name];
      if (item) out.push(item(child, origins));
    }
    return out;
  };
}

const hash = object({ attrs: ['alg'], textKey: 'content' });
const hashes = list({ hash });
// CycloneDX §property: the value is optional (`<property name="x"/>`).
const properties = list({ property: object({ attrs: ['name'], textKey: 'value' }) });
const externalReferences = list({
  reference: object({ attrs: ['type'], fields: { url: text, comment: text, hashes } }),
});

// §licenses: each entry is `{license: {...}}` or `{expression: "..."}` in JSON.
const licenseChoice: Convert = (e, origins) => ({ license: license(e, origins) });
const license = object({
  attrs: ['bom-ref', 'acknowledgement'],
  fields: { id: text, name: text, url: text, properties },
});
const licenses = list({
  license: licenseChoice,
  expression: (e) => ({ expression: e.text.trim() }),
});

const contact = object({ attrs: ['bom-ref'], fields: { name: text, email: text, phone: text } });
const organization = object({
  attrs: ['bom-ref'],
  fields: { name: text },
  repeated: { url: text, contact },
});

const component: Convert = object(() => ({
  attrs: ['type', 'mime-type', 'bom-ref'],
  fields: {
    supplier: organization,
    manufacturer: organization,
    authors: list({ author: contact }),
    author: text,
    publisher: text,
    group: text,
    name: text,
    version: text,
    description: text,
    scope: text,
    hashes,
    licenses,
    copyright: text,
    cpe: text,
    purl: text,
    externalReferences,
    properties,
    components: list({ component }),
  },
}));

const service: Convert = object(() => ({
  attrs: ['bom-ref'],
  fields: {
    provider: organization,
    group: text,
    name: text,
    version: text,
    description: text,
    endpoints: list({ endpoint: text }),
    authenticated: boolean,
    'x-trust-boundary': boolean,
    licenses,
    externalReferences,
    properties,
    services: list({ service }),
  },
}));

// §metadata.tools: up to 1.4 a list of <tool>; from 1.5 <components> and <services> (the
// <tool> form is deprecated but still allowed). JSON follows the same split: an array, or an
// object {components, services}.
const tool = object({ fields: { vendor: text, name: text, version: text, hashes, externalReferences } });
const legacyTools = list({ tool });
const toolsSince15 = object({ fields: { components: list({ component }), services: list({ service }) } });
const tools: Convert = (e, origins) =>
  e.children.some((c) => c.name === 'tool') ? legacyTools(e, origins) : toolsSince15(e, origins);

const metadata = object({
  fields: {
    timestamp: text,
    tools,
    authors: list({ author: contact }),
    component,
    manufacture: organization,
    manufacturer: organization,
    supplier: organization,
    licenses,
    properties,
  },
});

// §dependencies: XML nests <dependency ref> elements; JSON lists their refs as `dependsOn`.
const dependency: Convert = (e, origins) => {
  const out: Record<string, unknown> = { ref: e.attrs.ref ?? '' };
  origins.set(out, e);
  const on = e.children.filter((c) => c.name === 'dependency').map((c) => c.attrs.ref ?? '');
  if (on.length > 0) out.dependsOn = on;
  return out;
};

const vulnerability = object({ attrs: ['bom-ref'], fields: { id: text } });

const bomBody = object({
  fields: {
    metadata,
    components: list({ component }),
    services: list({ service }),
    externalReferences,
    dependencies: list({ dependency }),
    properties,
    vulnerabilities: list({ vulnerability }),
  },
});

/** The JSON-model document for a CycloneDX XML `<bom>` whose spec version is already known. */
export function bomFromXml(root: XmlElement, specVersion: string, origins: Origins): Record<string, unknown> {
  // bomFormat and specVersion are implied by the XML namespace; serialNumber and version are
  // attributes of <bom> (version an xs:integer, a number in JSON). Key order as in JSON files.
  const { serialNumber, version } = root.attrs;
  const doc: Record<string, unknown> = {
    bomFormat: 'CycloneDX',
    specVersion,
    ...(serialNumber !== undefined && { serialNumber }),
    ...(version !== undefined && { version: Number(version) }),
    ...(bomBody(root, origins) as Record<string, unknown>),
  };
  origins.set(doc, root);
  return doc;
}
