/**
 * Inventory from an Azure snapshot, pure: VMs become `host` assets, storage accounts `storage`,
 * SQL databases `database`; NSGs, NICs, public IPs, SQL servers and Key Vaults stay configuration
 * for posture. Field paths are those of the ARM resources (Compute 2024-03-01 `VirtualMachine`:
 * `storageProfile.imageReference`, `osProfile.*Configuration.patchSettings`; Network 2024-05-01
 * `NetworkInterface.ipConfigurations[].properties.publicIPAddress`) plus Resource Graph's
 * `properties.extended.instanceView.powerState` and Update Manager's assessment summary
 * (`availablePatchCountByClassification`).
 *
 * No components: Update Manager lists the updates a machine is *missing*, not the software it
 * runs, so there is nothing to turn into package URLs without inventing versions. Installed
 * software comes from an SBOM or an OS package list (sources/sbom, sources/os) merged on the same
 * asset.
 */
import type { CloudResource, CloudSnapshot } from '../../../core/cloud.js';
import type { AssetKind, AssetRecord, Extraction } from '../../../core/inventory.js';
import { AZURE_TYPES } from './queries.js';

type Obj = Record<string, unknown>;

function obj(v: unknown): Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {};
}

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string' && v !== '') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

const ASSET_KINDS: Record<string, AssetKind> = {
  [AZURE_TYPES.virtualMachine]: 'host',
  [AZURE_TYPES.storageAccount]: 'storage',
  [AZURE_TYPES.sqlDatabase]: 'database',
};

// Update Manager classifications (docs "Access Azure Update Manager operations data using Azure
// Resource Graph"): critical and security are reported on their own, every other class is "other".
const OWN_CLASSES = new Set(['critical', 'security']);

/** Patch-count tags from an assessment summary (`azure:patch:*`). */
export function patchTags(assessment: Obj): Record<string, string> {
  const counts = obj(assessment.availablePatchCountByClassification);
  const n = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
  const other = Object.entries(counts)
    .filter(([k]) => !OWN_CLASSES.has(k))
    .reduce((sum, [, v]) => sum + n(v), 0);
  const tags: Record<string, string> = {
    'azure:patch:critical': String(n(counts.critical)),
    'azure:patch:security': String(n(counts.security)),
    'azure:patch:other': String(other),
  };
  const put = (key: string, v: unknown) => {
    const s = str(v);
    if (s !== undefined) tags[key] = s;
  };
  put('azure:patch:status', assessment.status);
  put('azure:patch:assessedAt', assessment.lastModifiedDateTime);
  put('azure:patch:rebootPending', assessment.rebootPending);
  return tags;
}

/** `publisher:offer:sku:version` of a marketplace image, or the image id of a custom one. */
export function imageName(imageReference: unknown): string | undefined {
  const ref = obj(imageReference);
  const parts = [ref.publisher, ref.offer, ref.sku, ref.version].map(str);
  if (parts.every((p) => p !== undefined)) return parts.join(':');
  return str(ref.id) ?? str(ref.sharedGalleryImageId) ?? str(ref.communityGalleryImageId);
}

/**
 * Whether a VM has a public IP on one of its NICs: true / false when every NIC is in the
 * snapshot, undefined when one is not (then nobody can tell).
 */
export function vmInternetExposed(vm: CloudResource, byId: Map<string, CloudResource>): boolean | undefined {
  const nicIds = list(obj(vm.configuration.networkProfile).networkInterfaces)
    .map((n) => str(obj(n).id))
    .filter((id): id is string => id !== undefined);
  if (nicIds.length === 0) return undefined;
  let complete = true;
  for (const nicId of nicIds) {
    const nic = byId.get(nicId.toLowerCase());
    if (nic === undefined) {
      complete = false;
      continue;
    }
    for (const ipc of list(nic.configuration.ipConfigurations)) {
      if (str(obj(obj(obj(ipc).properties).publicIPAddress).id) !== undefined) return true;
    }
  }
  return complete ? false : undefined;
}

function vmTags(vm: CloudResource): Record<string, string> {
  const c = vm.configuration;
  const tags: Record<string, string> = { ...vm.tags };
  const put = (key: string, v: unknown) => {
    const s = str(v);
    if (s !== undefined) tags[key] = s;
  };
  const storage = obj(c.storageProfile);
  put('azure:osType', obj(storage.osDisk).osType);
  put('azure:image', imageName(storage.imageReference));
  put('azure:vmSize', obj(c.hardwareProfile).vmSize);
  const os = obj(c.osProfile);
  const patch = obj(obj(os.windowsConfiguration ?? os.linuxConfiguration).patchSettings);
  put('azure:patchMode', patch.patchMode);
  put('azure:assessmentMode', patch.assessmentMode);
  // `PowerState/running` → `running` (VM instance view statuses).
  const power = str(obj(obj(obj(c.extended).instanceView).powerState).code);
  put('azure:powerState', power?.replace(/^PowerState\//, ''));
  const assessment = vm.supplementary.patchAssessment;
  if (assessment !== undefined) Object.assign(tags, patchTags(obj(assessment)));
  return tags;
}

/** One Extraction per VM, storage account and SQL database of the snapshot. */
export function azureSnapshotAssets(snapshot: CloudSnapshot): Extraction[] {
  const byId = new Map(snapshot.resources.map((r) => [r.id.toLowerCase(), r]));
  const out: Extraction[] = [];
  for (const r of snapshot.resources) {
    if (r.provider !== 'azure') continue;
    const kind = ASSET_KINDS[r.type];
    if (kind === undefined) continue;
    // `master` is the logical server's system database, not a workload database.
    if (r.type === AZURE_TYPES.sqlDatabase && r.name.toLowerCase() === 'master') continue;
    const asset: AssetRecord = {
      externalId: r.id.toLowerCase(),
      name: r.name,
      kind,
      provider: 'azure',
      account: r.account,
      region: r.region,
      tags: kind === 'host' ? vmTags(r) : { ...r.tags },
    };
    if (kind === 'host') {
      const exposed = vmInternetExposed(r, byId);
      if (exposed !== undefined) asset.internetExposed = exposed;
    }
    out.push({ asset, components: [], rejected: [] });
  }
  return out;
}
