/**
 * A device row's components: its firmware and the software listed in its software cell. Neither
 * carries a package-ecosystem identity in a CMDB, so both become `pkg:generic` purls (purl-spec
 * PURL-TYPES "generic": "plain, generic packages that do not fit anywhere else") with
 * `ecosystem: null`. They are matched later by CPE/CSAF product names, never against OSV.
 */
import { PackageURL } from 'packageurl-js';
import { isAppError } from '../../core/errors.js';
import type { ComponentRecord, Rejected } from '../../core/inventory.js';
import { parsePurl, versionWithEpoch } from '../purl.js';

/** The cells a row's components are built from (trimmed; empty cells left out). */
export interface ComponentCells {
  manufacturer?: string;
  model?: string;
  firmware?: string;
  software?: string;
}

/** Firmware + software components of the device on `line`, and the items that could not be used. */
export function deviceComponents(
  cells: ComponentCells,
  line: number,
): { components: ComponentRecord[]; rejected: Rejected[] } {
  const components: ComponentRecord[] = [];
  const rejected: Rejected[] = [];
  const seen = new Set<string>();
  const add = (purl: string, ref: string) => {
    if (seen.has(purl)) {
      rejected.push({ ref, reason: 'duplicate' });
      return;
    }
    seen.add(purl);
    components.push(record(purl, ref));
  };

  if (cells.firmware) {
    const ref = `line ${line} firmware`;
    if (cells.model) add(firmwarePurl(cells.manufacturer, cells.model, cells.firmware), ref);
    else rejected.push({ ref, reason: 'firmware version without a model: the firmware has no identity' });
  }
  splitSoftware(cells.software ?? '').forEach((item, i) => {
    const ref = `line ${line} software ${i + 1}`;
    const purl = softwarePurl(item);
    if ('reason' in purl) rejected.push({ ref, reason: purl.reason });
    else add(purl.purl, ref);
  });
  return { components, rejected };
}

/** `pkg:generic/<manufacturer>/<model>-firmware@<version>`; the manufacturer is the namespace. */
export function firmwarePurl(manufacturer: string | undefined, model: string, version: string): string {
  return new PackageURL(
    'generic',
    manufacturer || undefined,
    `${model}-firmware`,
    version,
    undefined,
    undefined,
  ).toString();
}

/** The items of a software cell: `;`-separated, blank items (a trailing `;`) skipped. */
export function splitSoftware(cell: string): string[] {
  return cell
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * One software item → purl. An item that already is a purl (`pkg:npm/…`) is taken as written,
 * so an export that knows the ecosystem keeps it. Otherwise `name version`: the version is the
 * last whitespace-separated word when it starts with a digit (or `v` and a digit), so
 * `Windows 10 IoT Enterprise LTSC 2019 10.0.17763` is name `Windows 10 IoT Enterprise LTSC 2019`
 * at `10.0.17763`, and `McAfee ENS` has no version. No ecosystem is guessed from a name: "Python
 * 3.11" on a device console is a vendor-bundled runtime, not a PyPI package.
 */
export function softwarePurl(item: string): { purl: string } | { reason: string } {
  if (/^pkg:/i.test(item)) {
    try {
      parsePurl(item);
      return { purl: item };
    } catch (err) {
      if (!isAppError(err)) throw err;
      return { reason: err.details.reason ?? 'invalid purl' };
    }
  }
  const words = item.split(/\s+/);
  const last = words.at(-1) ?? '';
  const hasVersion = words.length > 1 && /^v?\d/i.test(last);
  const name = (hasVersion ? words.slice(0, -1) : words).join(' ');
  if (!/[a-z]/i.test(name)) return { reason: `software item "${item}" has no name` };
  return {
    purl: new PackageURL(
      'generic',
      undefined,
      name,
      hasVersion ? last : undefined,
      undefined,
      undefined,
    ).toString(),
  };
}

// Fields as the CycloneDX adapter fills them, so a purl given in the export (a `pkg:deb/…` with
// `upstream` and `distro` qualifiers) is matched like the same purl from an SBOM.
function record(purl: string, ref: string): ComponentRecord {
  const info = parsePurl(purl);
  const r: ComponentRecord = {
    purl,
    ecosystem: info.ecosystem,
    name: info.name,
    version: versionWithEpoch(info),
    ref,
  };
  if (info.sourceName) r.sourceName = info.sourceName;
  if (info.sourceVersion) r.sourceVersion = info.sourceVersion;
  if (info.distroRelease) r.distroRelease = info.distroRelease;
  return r;
}
