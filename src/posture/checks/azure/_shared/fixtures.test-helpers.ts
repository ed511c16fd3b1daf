/** Tiny inline Azure snapshots for the checks' specs (shapes as in the collector's fake tenant). */
import type { CloudResource, CloudSnapshot, CollectionGap } from '../../../../core/cloud.js';

export const SUB = '3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b';

/** An Azure resource of `type` named `name` with `configuration` = ARM properties. */
export function az(
  type: string,
  name: string,
  configuration: Record<string, unknown>,
  o: { tags?: Record<string, string>; supplementary?: Record<string, unknown>; id?: string } = {},
): CloudResource {
  const provider = type.split('/').slice(0, 2).join('/');
  return {
    provider: 'azure',
    account: SUB,
    region: 'eastus',
    type,
    id: o.id ?? `/subscriptions/${SUB}/resourceGroups/rg/providers/${provider}/${name}`,
    name,
    tags: o.tags ?? {},
    configuration,
    supplementary: o.supplementary ?? {},
    source: 'azure-resource-graph',
  };
}

/** A snapshot of `resources` with optional gaps. */
export function snap(resources: CloudResource[], gaps: CollectionGap[] = []): CloudSnapshot {
  return {
    provider: 'azure',
    collectedAt: '2026-07-01T00:00:00Z',
    accounts: [SUB],
    regions: ['eastus'],
    resources,
    gaps,
  };
}

/** An empty Azure snapshot (no subscriptions). */
export const EMPTY: CloudSnapshot = {
  provider: 'azure',
  collectedAt: '2026-07-01T00:00:00Z',
  accounts: [],
  regions: [],
  resources: [],
  gaps: [],
};

export const PHI = { PHI: 'true', Environment: 'prod' };
