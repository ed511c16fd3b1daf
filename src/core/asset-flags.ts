/**
 * Inventory flags an auditor must see on an asset (PRODUCT.md pillar 1): an asset not seen for N
 * days is stale — flagged, never dropped — and an asset holding PHI in a dev or test environment
 * is a finding of its own (PHI belongs in production controls; test systems get synthetic data).
 */
import { DAY_MS } from './time.js';

export const ASSET_FLAGS = ['stale', 'phi-in-non-production'] as const;
export type AssetFlag = (typeof ASSET_FLAGS)[number];

/** Days without a sighting after which an asset is stale, unless configured otherwise. */
export const DEFAULT_STALE_DAYS = 30;

/** The flags of one asset at `now`. */
export function assetFlags(
  asset: { lastSeen: string; phi: boolean; environment: string },
  now: Date,
  staleDays = DEFAULT_STALE_DAYS,
): AssetFlag[] {
  const flags: AssetFlag[] = [];
  if (now.getTime() - Date.parse(asset.lastSeen) > staleDays * DAY_MS) flags.push('stale');
  if (asset.phi && (asset.environment === 'dev' || asset.environment === 'test'))
    flags.push('phi-in-non-production');
  return flags;
}
