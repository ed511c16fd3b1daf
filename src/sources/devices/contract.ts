/**
 * What the device adapters return, pending a shared contract for sources of many assets.
 *
 * `InventoryAdapter.extract` (src/sources/types.ts) returns one `Extraction`: one asset and its
 * components. A device export is one file of many devices, and a row that cannot become a device
 * (no serial) belongs to no asset, so it cannot go in any asset's `rejected`. The proposal (see
 * readme.md "Many assets per file") is this interface, added beside `InventoryAdapter`; it is
 * local to this folder until the shared types adopt it, so that nothing outside it changes.
 */
import type { Extraction, Rejected } from '../../core/inventory.js';
import type { SourceInput } from '../types.js';

/** One extraction per asset found in the file, plus the records that became no asset. */
export interface ManyExtraction {
  items: Extraction[];
  rejected: Rejected[];
}

/** An adapter whose input describes many assets (device exports, cloud configuration snapshots). */
export interface ManyInventoryAdapter {
  readonly id: string;
  readonly version: string;
  accepts(input: SourceInput, parsed: unknown): boolean;
  extractMany(input: SourceInput, parsed: unknown): Promise<ManyExtraction>;
}

/**
 * Tags the device adapter sets for facts `AssetRecord` has no field for. `PHI` is the tag
 * src/core/phi.ts classifies on; the `device:` prefix keeps the rest apart from tag columns
 * copied from the export.
 */
export const DEVICE_TAGS = {
  manufacturer: 'device:manufacturer',
  model: 'device:model',
  location: 'device:location',
  networkZone: 'device:networkZone',
  patientProximity: 'device:patientProximity',
  endOfSupport: 'device:endOfSupport',
  phi: 'PHI',
  phiSource: 'device:phiSource',
} as const;

/** True when an export column name would overwrite one of the adapter's own tags. */
export function isReservedTag(name: string): boolean {
  const key = name.trim().toLowerCase();
  return key === 'phi' || key.startsWith('device:');
}

/**
 * The key MDS2 forms and devices meet on: manufacturer + model, case and spacing ignored, so
 * "Northwind Medical / NW-400 LVP" in the form matches "northwind medical / NW-400  LVP" in the
 * CMDB. Spelling variants beyond that ("GE Healthcare" vs "GE HealthCare Technologies") are not
 * guessed: they stay unmatched and visible.
 */
export function deviceModelKey(manufacturer: string | undefined, model: string): string {
  const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();
  return `${norm(manufacturer ?? '')}/${norm(model)}`;
}
