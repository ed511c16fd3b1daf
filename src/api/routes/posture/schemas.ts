/** JSON schemas of the posture resource: the checks, and the latest scan by HIPAA citation. */
import { freeObject, type ObjectSchema, timestamp } from '../../schema.js';

const STATUS = { type: 'string', enum: ['pass', 'fail', 'manual', 'error'] } as const;
const COUNTS = {
  type: 'object',
  required: ['pass', 'fail', 'manual', 'error'],
  additionalProperties: false,
  properties: {
    pass: { type: 'integer' },
    fail: { type: 'integer' },
    manual: { type: 'integer' },
    error: { type: 'integer' },
  },
} as const;

const CHECK_PROPERTIES = {
  id: { type: 'string' },
  provider: { type: 'string', enum: ['aws', 'azure'] },
  title: { type: 'string' },
  severity: { type: 'string', enum: ['critical', 'high', 'medium', 'low', 'informational'] },
  resourceType: { type: 'string' },
  citations: { type: 'array', items: { type: 'string' } },
  risk: { type: 'string' },
  remediation: freeObject,
  params: {
    type: 'array',
    items: { type: 'string' },
    description: 'Organisation parameters the check reads',
  },
} as const;

export const CHECK_LIST_SCHEMA = {
  type: 'object',
  required: ['checks'],
  additionalProperties: false,
  properties: {
    checks: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'provider', 'title', 'severity', 'resourceType', 'citations', 'risk', 'remediation'],
        additionalProperties: false,
        properties: CHECK_PROPERTIES,
      },
    },
  },
} as const;

const MUTE = {
  type: 'object',
  required: ['id', 'reason', 'owner', 'expiresAt'],
  additionalProperties: false,
  properties: {
    id: { type: 'integer' },
    reason: { type: 'string' },
    owner: { type: 'string' },
    expiresAt: timestamp,
  },
} as const;

const RESULT_PROPERTIES = {
  findingId: { type: 'string' },
  checkId: { type: 'string' },
  status: STATUS,
  account: { type: 'string' },
  region: { type: 'string' },
  resourceId: { type: 'string' },
  resourceType: { type: 'string' },
  message: { type: 'string' },
  evidence: freeObject,
  mute: MUTE,
} as const;

export const LATEST_SCAN_SCHEMA = {
  type: 'object',
  required: ['scan', 'requirements'],
  additionalProperties: false,
  properties: {
    scan: {
      type: 'object',
      required: ['id', 'provider', 'scannedAt', 'snapshotIds', 'params', 'counts'],
      additionalProperties: false,
      properties: {
        id: { type: 'integer' },
        provider: { type: 'string' },
        scannedAt: timestamp,
        snapshotIds: { type: 'array', items: { type: 'integer' } },
        params: freeObject,
        counts: {
          ...COUNTS,
          required: [...COUNTS.required, 'muted'],
          properties: { ...COUNTS.properties, muted: { type: 'integer' } },
        },
      },
    },
    requirements: {
      type: 'array',
      description:
        "Per HIPAA citation (45 CFR), in the Rule's order; a result counts under every citation of its check",
      items: {
        type: 'object',
        required: ['citation', 'title', 'counts', 'results'],
        additionalProperties: false,
        properties: {
          citation: { type: 'string' },
          title: { type: 'string' },
          counts: COUNTS,
          results: {
            type: 'array',
            items: {
              type: 'object',
              required: Object.keys(RESULT_PROPERTIES).filter((k) => k !== 'mute'),
              additionalProperties: false,
              properties: RESULT_PROPERTIES,
            },
          },
        },
      },
    },
  },
} as const;

export const PROVIDER_QUERY: ObjectSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { provider: { type: 'string', enum: ['aws', 'azure'], default: 'aws' } },
};
export interface ProviderQuery {
  provider: 'aws' | 'azure';
}
