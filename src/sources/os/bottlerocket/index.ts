/**
 * Bottlerocket application inventory adapter: the JSON a Bottlerocket image carries at
 * /usr/share/bottlerocket/application-inventory.json for SSM inventory. See readme.md.
 */
import { sha256Hex } from '../../../core/digest.js';
import type { AssetRecord, ComponentRecord, Extraction, Rejected } from '../../../core/inventory.js';
import { validateShape } from '../../../core/structured-input.js';
import type { InventoryAdapter, SourceInput } from '../../types.js';
import { hostAsset, hostDistro } from '../host.js';
import type { Distro } from '../os-release.js';
import { applicationComponent } from './inventory.js';
import { ApplicationInventory } from './schema.js';

/**
 * Where the file sits in a Bottlerocket root filesystem (Trivy looks for it under
 * `<arch>-bottlerocket-linux-gnu/sys-root/`, the build's sysroot, which has the same layout).
 */
export const BOTTLEROCKET_INVENTORY_PATH = 'usr/share/bottlerocket/application-inventory.json';

/**
 * Whether a parsed document is a Bottlerocket inventory: an object whose only key is `Content`,
 * a non-empty array whose first entry is an object published by Bottlerocket (`Publisher`
 * "Bottlerocket" in older images, `bottlerocket-core-kit`/`bottlerocket-kernel-kit` since the
 * kits split). An SSM `AWS:Application` inventory of another OS has the same field names,
 * other publishers, and must not be read as Bottlerocket packages.
 */
export function isBottlerocketInventory(parsed: unknown): boolean {
  if (!isRecord(parsed)) return false;
  const keys = Object.keys(parsed);
  if (keys.length !== 1 || keys[0] !== 'Content') return false;
  const content = parsed.Content;
  if (!Array.isArray(content) || !isRecord(content[0])) return false;
  const publisher = content[0].Publisher;
  return typeof publisher === 'string' && /^bottlerocket\b/i.test(publisher);
}

/** Extract the packages of an application inventory (and the host's os-release, if found). */
export async function extractBottlerocket(input: SourceInput, parsed: unknown): Promise<Extraction> {
  const inventory = validateShape(ApplicationInventory, parsed, input.file);
  const distro = bottlerocketDistro(await hostDistro(input, [BOTTLEROCKET_INVENTORY_PATH]));
  const components: ComponentRecord[] = [];
  const rejected: Rejected[] = [];
  const seen = new Set<string>();
  inventory.Content.forEach((app, i) => {
    const result = applicationComponent(app, `/Content/${i}`, distro?.qualifier);
    if (!('purl' in result)) {
      rejected.push(result);
      return;
    }
    if (seen.has(result.purl)) {
      rejected.push({ ref: `${result.ref} (/Content/${i})`, reason: 'duplicate' });
      return;
    }
    seen.add(result.purl);
    components.push(result);
  });
  return { asset: asset(input, distro), components, rejected };
}

// An os-release that is not Bottlerocket's (a file that happens to sit beside the upload) says
// nothing about this host and is not applied.
function bottlerocketDistro(distro: Distro | undefined): Distro | undefined {
  return distro?.id === 'bottlerocket' ? distro : undefined;
}

// The file names no host: `os:bottlerocket-<VERSION_ID>:<digest>` with os-release, else
// `os:bottlerocket:<digest>`, as the other OS adapters do; importers pass `--asset-id`.
function asset(input: SourceInput, distro: Distro | undefined): AssetRecord {
  if (distro) return hostAsset(input, distro);
  const digest = sha256Hex(input.text).slice(0, 16);
  return { externalId: `os:bottlerocket:${digest}`, name: 'bottlerocket', kind: 'host', tags: {} };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Adapter for Bottlerocket's `application-inventory.json`. */
export const bottlerocketInventoryAdapter: InventoryAdapter = {
  id: 'os/bottlerocket-inventory',
  version: '1',
  accepts: (_input, parsed) => isBottlerocketInventory(parsed),
  extract: extractBottlerocket,
};
