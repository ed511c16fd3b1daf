/** JSON schemas of the findings resource. */
import { FINDING_STATES, type FindingState } from '../../../store/repositories/findings.js';
import {
  freeObject,
  idParam,
  limitParam,
  nullableString,
  nullableTimestamp,
  type ObjectSchema,
  timestamp,
} from '../../schema.js';

// Tiers are each policy pack's own words (seed-default: emergency/high/standard; BOD 26-04: 3-days …).
const nullableTier = { type: ['string', 'null'] } as const;

function object<P extends Record<string, unknown>>(properties: P) {
  return {
    type: 'object',
    required: Object.keys(properties),
    additionalProperties: false,
    properties,
  } as const;
}

/** One finding with the asset, component and advisory it joins. */
export const FINDING_SCHEMA = object({
  id: { type: 'integer' },
  state: { type: 'string', enum: FINDING_STATES },
  tier: nullableTier,
  deadline: nullableTimestamp,
  clockStart: timestamp,
  firstSeen: timestamp,
  lastSeen: timestamp,
  resolvedAt: nullableTimestamp,
  policy: object({ id: { type: 'string' }, version: { type: 'string' }, rule: { type: 'string' } }),
  inputs: { ...freeObject, description: 'The triage inputs that produced tier and deadline' },
  fixedVersion: nullableString,
  asset: object({
    id: { type: 'integer' },
    name: { type: 'string' },
    kind: { type: 'string' },
    phi: { type: 'boolean' },
    environment: { type: 'string' },
  }),
  component: object({
    id: { type: 'integer' },
    purl: { type: 'string' },
    ecosystem: nullableString,
    name: { type: 'string' },
    version: nullableString,
  }),
  advisory: object({
    id: { type: 'string' },
    aliases: { type: 'array', items: { type: 'string' } },
    summary: nullableString,
  }),
});

export const FINDING_LIST_SCHEMA = object({ findings: { type: 'array', items: FINDING_SCHEMA } });

export const SUMMARY_SCHEMA = object({
  now: timestamp,
  byTier: {
    type: 'array',
    items: object({
      tier: nullableTier,
      open: { type: 'integer', description: "Findings in state 'open' or 'unknown'" },
      overdue: { type: 'integer', description: 'Of those, deadline before now' },
      phi: { type: 'integer', description: 'Of those, on PHI assets' },
    }),
  },
  total: { type: 'integer', description: 'Sum of open over the tiers' },
});

export interface FindingQuery {
  state?: FindingState;
  tier?: string;
  assetId?: number;
  phi?: boolean;
  overdue?: true;
  limit: number;
}

export const FINDING_QUERY = {
  type: 'object',
  additionalProperties: false,
  properties: {
    state: { type: 'string', enum: FINDING_STATES },
    tier: {
      type: 'string',
      minLength: 1,
      description: 'A tier of the active packs (seed-default: emergency, high, standard)',
    },
    assetId: idParam,
    phi: { type: 'boolean', description: 'Only findings on PHI assets (true) or on others (false)' },
    // Only `true`: `overdue=false` would read as "within deadline" but could only mean "no
    // filter", so it is rejected rather than silently ignored.
    overdue: {
      type: 'boolean',
      enum: [true],
      description: "Only open or unknown findings past their deadline at the server's now",
    },
    limit: limitParam(1000, 10_000),
  },
} as const satisfies ObjectSchema;
