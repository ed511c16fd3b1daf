/**
 * A CSAF 2.0 document (any §3.2.1.2 category: csaf_security_advisory, csaf_vex, csaf_base) →
 * CsafAdvisory: per vulnerability (§3.2.3), each product id of each product_status list
 * (§3.2.3.9) with its branch path, version spec, helper ids, and the remediations (§3.2.3.12),
 * flags (§3.2.3.5), threats (§3.2.3.14) and scores (§3.2.3.13) that name it.
 */
import { AppError } from '../../core/errors.js';
import { jsonPointer, validateShape } from '../../core/structured-input.js';
import { distinct, own, quote, Rejections } from '../vex/common.js';
import { parseCsafVex } from '../vex/parse-csaf-vex.js';
import { indexProducts, type ProductIndex, type ProductInfo } from './product-index.js';
import { CsafDocument, type CsafVulnerabilityInput } from './schema.js';
import type {
  CsafAdvisory,
  CsafCve,
  CsafProductEntry,
  CsafScore,
  ProductStatus,
  VersionSource,
} from './types.js';
import { PRODUCT_STATUSES } from './types.js';
import { parseVersionPhrase } from './version-phrase.js';
import { parseExactVersion, parseVersionRange, type VersionSpec } from './version-spec.js';

type Scoped = { product_ids?: string[] | undefined; group_ids?: string[] | undefined };

/** Validate a parsed CSAF 2.0 document and normalise it; shape errors are INPUT_SCHEMA with file and pointer. */
export function parseCsafAdvisory(value: unknown, file: string): CsafAdvisory {
  const doc = validateShape(CsafDocument, value, file);
  const d = doc.document;
  if (d.csaf_version !== '2.0') {
    throw new AppError('INPUT_UNSUPPORTED_SPEC', {
      file,
      pointer: '/document/csaf_version',
      found: d.csaf_version.slice(0, 12),
      supported: ['2.0'],
    });
  }
  const products = indexProducts(doc.product_tree, file);
  const rejections = new Rejections();
  const cves: CsafCve[] = [];
  for (const [i, vuln] of (doc.vulnerabilities ?? []).entries()) {
    const cve = readVulnerability(vuln, ['vulnerabilities', i], products, rejections);
    if (cve) cves.push(cve);
  }
  const advisory: CsafAdvisory = {
    file,
    id: d.tracking.id,
    title: d.title,
    category: d.category,
    publisher: d.publisher.name,
    trackingVersion: d.tracking.version,
    trackingStatus: d.tracking.status,
    initialReleaseDate: d.tracking.initial_release_date,
    currentReleaseDate: d.tracking.current_release_date,
    cves,
    rejected: rejections.list,
  };
  // §4.5 VEX profile: the VEX reader's statements carry justification, impact and action texts
  // in the shared model; matches it suppresses cite them.
  if (d.category === 'csaf_vex') advisory.vexStatements = parseCsafVex(value, file).statements;
  return advisory;
}

function readVulnerability(
  vuln: CsafVulnerabilityInput,
  at: Array<string | number>,
  products: ProductIndex,
  rejections: Rejections,
): CsafCve | undefined {
  const id = vuln.cve || vuln.ids?.[0]?.text;
  if (!id) {
    rejections.add(at, 'the vulnerability has neither cve nor ids');
    return undefined;
  }
  const names = (e: Scoped, productId: string) =>
    !!e.product_ids?.includes(productId) ||
    (e.group_ids ?? []).some((g) => products.group(g).includes(productId));
  const unscoped = (e: Scoped) => !e.product_ids?.length && !e.group_ids?.length;
  const applies = (e: Scoped, productId: string) => names(e, productId) || unscoped(e);

  const entries: CsafProductEntry[] = [];
  for (const [list, ids] of Object.entries(vuln.product_status ?? {})) {
    const status = own(STATUS, list);
    if (status === undefined) {
      rejections.add(
        [...at, 'product_status', list],
        `${id}: ${quote(list)} is not a CSAF 2.0 product_status list`,
      );
      continue;
    }
    for (const [k, productId] of ids.entries()) {
      const path = [...at, 'product_status', list, k];
      const info = products.resolve(productId);
      if ('problem' in info) {
        rejections.add(path, `${id}: ${info.problem}`);
        continue;
      }
      entries.push({
        ...productFields(info),
        status,
        remediations: (vuln.remediations ?? [])
          .filter((r) => applies(r, productId))
          .map((r) =>
            r.url
              ? { category: r.category, details: r.details, url: r.url }
              : { category: r.category, details: r.details },
          ),
        flags: distinct((vuln.flags ?? []).filter((f) => applies(f, productId)).map((f) => f.label)) ?? [],
        threats: (vuln.threats ?? [])
          .filter((t) => applies(t, productId))
          .map((t) => ({ category: t.category, details: t.details })),
        pointer: jsonPointer(path),
      });
    }
  }
  const cve: CsafCve = {
    cve: id,
    aliases: distinct((vuln.ids ?? []).map((x) => (x.text === id ? undefined : x.text))) ?? [],
    cvss: scores(vuln),
    products: entries,
    pointer: jsonPointer(at),
  };
  if (vuln.cwe) cve.cwe = { id: vuln.cwe.id, name: vuln.cwe.name };
  return cve;
}

const STATUS: Readonly<Record<string, ProductStatus>> = Object.fromEntries(
  PRODUCT_STATUSES.map((s) => [s, s]),
);

// §3.2.3.13: each score object holds cvss_v2 and/or cvss_v3 for the products it lists.
function scores(vuln: CsafVulnerabilityInput): CsafScore[] {
  return (vuln.scores ?? []).flatMap((s) =>
    [s.cvss_v3, s.cvss_v2]
      .filter((c) => c !== undefined)
      .map((c) => ({
        version: c.version,
        vectorString: c.vectorString,
        baseScore: c.baseScore,
        ...(c.baseSeverity ? { baseSeverity: c.baseSeverity } : {}),
        productIds: s.products,
      })),
  );
}

function productFields(
  info: ProductInfo,
): Omit<CsafProductEntry, 'status' | 'remediations' | 'flags' | 'threats' | 'pointer'> {
  const { spec, source, note } = versionSpecOf(info);
  const out: ReturnType<typeof productFields> = {
    productId: info.productId,
    name: info.name,
    versionSpec: spec,
    versionSource: source,
  };
  if (info.vendor !== undefined) out.vendor = info.vendor;
  if (info.family !== undefined) out.family = info.family;
  if (info.product !== undefined) out.product = info.product;
  if (note !== undefined) out.versionNote = note;
  if (info.cpe !== undefined) out.cpe = info.cpe;
  if (info.purl !== undefined) out.purl = info.purl;
  if (info.modelNumbers !== undefined) out.modelNumbers = info.modelNumbers;
  if (info.relationship !== undefined) out.relationship = info.relationship;
  return out;
}

/**
 * The version branch is the structured statement and wins; the full name's wording is read only
 * when there is no version branch or its text does not parse (`<= 1.54 (integrated into GE
 * MobileLink)` → name "Version 1.54 and prior (…)"). With neither, the spec stays unparsed.
 */
function versionSpecOf(info: ProductInfo): { spec: VersionSpec; source: VersionSource; note?: string } {
  const v = info.version;
  const branch =
    v === undefined
      ? undefined
      : v.category === 'product_version'
        ? parseExactVersion(v.text)
        : parseVersionRange(v.text);
  if (branch && branch.kind !== 'unparsed' && v) return { spec: branch, source: v.category };
  const phrase = parseVersionPhrase(info.name);
  if (phrase) {
    const { phrase: _wording, ...spec } = phrase;
    return branch?.kind === 'unparsed'
      ? { spec, source: 'name', note: `${v?.category} ${JSON.stringify(branch.text)}: ${branch.reason}` }
      : { spec, source: 'name' };
  }
  if (branch && v) return { spec: branch, source: v.category };
  return {
    spec: { kind: 'unparsed', text: info.name, reason: 'no version branch, and the name states no version' },
    source: 'none',
  };
}
