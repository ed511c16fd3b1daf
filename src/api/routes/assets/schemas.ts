/** JSON schemas of the assets resource: the request parameters and the asset as the API shows it. */
import { idParam, nullableString, type ObjectSchema, timestamp } from '../../schema.js';

// Exactly the fields an API client may see; the serializer drops anything else a row carries.
const ASSET_PROPERTIES = {
  id: { type: 'integer' },
  externalId: { type: 'string' },
  name: { type: 'string' },
  kind: { type: 'string' },
  provider: nullableString,
  account: nullableString,
  region: nullableString,
  environment: { type: 'string' },
  phi: { type: 'boolean' },
  phiSource: { type: 'string', description: 'Why phi is set: override, tag:<name>=<value> or none' },
  internetExposed: { type: ['boolean', 'null'], description: 'null when unknown' },
  clinicalCriticality: nullableString,
  supportStatus: { type: 'string' },
  owner: nullableString,
  version: nullableString,
  tags: { type: 'object', additionalProperties: { type: 'string' } },
  firstSeen: timestamp,
  lastSeen: timestamp,
} as const;

/** One asset, as GET /api/assets/:id returns it. */
export const ASSET_SCHEMA = {
  type: 'object',
  required: Object.keys(ASSET_PROPERTIES),
  additionalProperties: false,
  properties: ASSET_PROPERTIES,
} as const;

const LIST_ITEM_PROPERTIES = {
  ...ASSET_PROPERTIES,
  sources: { type: 'array', items: { type: 'string' }, description: 'Adapters that have seen the asset' },
  components: { type: 'integer', description: 'Components present now' },
  openFindings: { type: 'integer', description: "Findings in state 'open' or 'unknown'" },
  flags: {
    type: 'array',
    items: { type: 'string', enum: ['stale', 'phi-in-non-production'] },
    description:
      'stale: not seen within 30 days (listed, never dropped); phi-in-non-production: PHI on a dev/test system',
  },
} as const;

/** One asset in the list, with its sources and counts. */
export const ASSET_LIST_ITEM_SCHEMA = {
  type: 'object',
  required: Object.keys(LIST_ITEM_PROPERTIES),
  additionalProperties: false,
  properties: LIST_ITEM_PROPERTIES,
} as const;

export const ASSET_LIST_SCHEMA = {
  type: 'object',
  required: ['assets'],
  additionalProperties: false,
  properties: { assets: { type: 'array', items: ASSET_LIST_ITEM_SCHEMA } },
} as const;

export const ASSET_ONE_SCHEMA = {
  type: 'object',
  required: ['asset'],
  additionalProperties: false,
  properties: { asset: ASSET_SCHEMA },
} as const;

export interface AssetListQuery {
  phi?: boolean;
}

export const ASSET_LIST_QUERY = {
  type: 'object',
  additionalProperties: false,
  properties: { phi: { type: 'boolean', description: 'Only assets that hold PHI (true) or do not (false)' } },
} as const satisfies ObjectSchema;

export interface AssetParams {
  id: number;
}

export const ASSET_PARAMS = {
  type: 'object',
  required: ['id'],
  additionalProperties: false,
  properties: { id: idParam },
} as const satisfies ObjectSchema;
