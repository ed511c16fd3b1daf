/**
 * How a device is recognised as a CSAF product, most specific first: CPE (§3.1.3.3.1), purl
 * (§3.1.3.3.4), model number (§3.1.3.3.3), then vendor + product name from the branch path
 * (§3.1.2.2). Names are compared after `normalName`, and nothing beyond it is guessed.
 */
import { PackageURL } from 'packageurl-js';
import type { Extraction } from '../../core/inventory.js';
import { DEVICE_TAGS } from '../../sources/devices/contract.js';
import type { CsafProductEntry } from './types.js';

/** The device facts matching uses; an inventory Extraction is converted with `deviceFacts`. */
export interface DeviceFacts {
  externalId: string;
  manufacturer?: string;
  model?: string;
  /** Firmware / device version. */
  version?: string;
  /** Components as purls (the device CSV adapter writes `pkg:generic/…`). */
  components?: ReadonlyArray<{ purl: string }>;
  /** CPE names the inventory holds for the device, if any. */
  cpes?: readonly string[];
}

/** How a device was recognised. */
export type MatchHow = 'cpe' | 'purl' | 'model-number' | 'vendor-model-version';

/** A recognised product: how, and the device version to test against the product's spec (or a pinned one). */
export interface Identified {
  how: MatchHow;
  /** The device-side version to compare (firmware, component or CPE version). */
  version?: string;
  /** A version the identifier itself pins (purl `@version`, CPE version field), compared for equality. */
  pinned?: string;
}

/**
 * Vendor and product names are compared case-insensitively with every character that is not a
 * letter or digit removed (after NFKC): "GE Healthcare" = "GE HealthCare" = "GE-Healthcare",
 * "B. Braun" = "B Braun". Nothing else: "GE HealthCare Technologies", "BD" for "Becton,
 * Dickinson and Company (BD)" or the misspelling "Phillips" stay different.
 */
export function normalName(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The facts of an inventory extraction (device CSV adapter tags, asset version, components). */
export function deviceFacts(e: Extraction): DeviceFacts {
  const facts: DeviceFacts = { externalId: e.asset.externalId, components: e.components };
  const manufacturer = e.asset.tags[DEVICE_TAGS.manufacturer];
  const model = e.asset.tags[DEVICE_TAGS.model];
  if (manufacturer) facts.manufacturer = manufacturer;
  if (model) facts.model = model;
  if (e.asset.version) facts.version = e.asset.version;
  return facts;
}

/** Recognise the device as the product, trying CPE, purl, model number, vendor+model in turn. */
export function identify(p: CsafProductEntry, d: DeviceFacts): Identified | undefined {
  return byCpe(p, d) ?? byPurl(p, d) ?? byModelNumber(p, d) ?? byVendorModel(p, d);
}

const sameVendor = (p: CsafProductEntry, d: DeviceFacts) =>
  p.vendor !== undefined &&
  d.manufacturer !== undefined &&
  normalName(p.vendor) === normalName(d.manufacturer);

function byVendorModel(p: CsafProductEntry, d: DeviceFacts): Identified | undefined {
  if (p.product === undefined || d.model === undefined || !sameVendor(p, d)) return undefined;
  if (normalName(p.product) !== normalName(d.model)) return undefined;
  return withVersion({ how: 'vendor-model-version' }, d.version);
}

// §3.1.3.3.3: a model number may hold `?` (one character) and `*` (any run); `\` escapes them.
function byModelNumber(p: CsafProductEntry, d: DeviceFacts): Identified | undefined {
  if (!p.modelNumbers || d.model === undefined) return undefined;
  // Model numbers are vendor-specific: when the product has a vendor, the device's must agree.
  if (p.vendor !== undefined && !sameVendor(p, d)) return undefined;
  const model = d.model.trim();
  return p.modelNumbers.some((m) => modelPattern(m).test(model))
    ? withVersion({ how: 'model-number' }, d.version)
    : undefined;
}

/** A model number with §3.1.3.3.3 wildcards as a case-insensitive whole-string RegExp. */
export function modelPattern(modelNumber: string): RegExp {
  let re = '';
  for (let i = 0; i < modelNumber.length; i++) {
    const c = modelNumber[i] ?? '';
    if (c === '\\' && i + 1 < modelNumber.length) re += escapeRe(modelNumber[++i] ?? '');
    else if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else re += escapeRe(c);
  }
  return new RegExp(`^${re.trim()}$`, 'i');
}

const escapeRe = (c: string) => c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

// purl-spec: type, namespace and name identify the package; `generic` has no case rule, so
// they are compared case-insensitively. A `pkg:generic/<vendor>/<product>` component also
// matches a product by its branch names (the device CSV adapter's firmware purl shape).
function byPurl(p: CsafProductEntry, d: DeviceFacts): Identified | undefined {
  for (const c of d.components ?? []) {
    const comp = purlParts(c.purl);
    if (!comp) continue;
    if (p.purl) {
      const want = purlParts(p.purl);
      if (want && want.key === comp.key) return pin({ how: 'purl' }, comp.version, want.version);
    } else if (
      comp.type === 'generic' &&
      comp.namespace &&
      p.vendor &&
      p.product &&
      normalName(comp.namespace) === normalName(p.vendor) &&
      normalName(comp.name) === normalName(p.product)
    ) {
      return withVersion({ how: 'purl' }, comp.version);
    }
  }
  return undefined;
}

function purlParts(purl: string) {
  try {
    const u = PackageURL.fromString(purl);
    const namespace = u.namespace ?? '';
    return {
      type: u.type.toLowerCase(),
      namespace,
      name: u.name,
      version: u.version ?? undefined,
      key: [u.type, namespace, u.name].map((s) => s.toLowerCase()).join('/'),
    };
  } catch {
    return undefined;
  }
}

// CPE 2.3 formatted string (cpe:2.3:part:vendor:product:version:…) or 2.2 URI (cpe:/part:vendor:product:version).
function cpeParts(cpe: string) {
  const f = cpe.startsWith('cpe:2.3:')
    ? cpe.slice(8).split(':')
    : cpe.startsWith('cpe:/')
      ? cpe.slice(5).split(':')
      : undefined;
  if (!f || f.length < 3) return undefined;
  const [part = '', vendor = '', product = '', version = ''] = f;
  const v =
    version === '' || version === '*' || version === '-' ? undefined : version.replace(/\\(.)/g, '$1');
  return { key: [part, vendor, product].join(':').toLowerCase(), version: v };
}

function byCpe(p: CsafProductEntry, d: DeviceFacts): Identified | undefined {
  const want = p.cpe ? cpeParts(p.cpe) : undefined;
  if (!want) return undefined;
  for (const c of d.cpes ?? []) {
    const have = cpeParts(c);
    if (have && have.key === want.key) return pin({ how: 'cpe' }, have.version ?? d.version, want.version);
  }
  return undefined;
}

function withVersion(i: Identified, version: string | undefined): Identified {
  return version === undefined ? i : { ...i, version };
}

function pin(i: Identified, version: string | undefined, pinned: string | undefined): Identified {
  const out = withVersion(i, version);
  return pinned === undefined ? out : { ...out, pinned };
}
