/**
 * AWS Config configuration snapshot → cloud snapshot (issue 4: "teams with a Config aggregator
 * need no live credentials"). The file is what Config delivers to S3
 * (`AWSLogs/<account>/Config/<region>/…/ConfigSnapshot/…json.gz`): `{fileVersion,
 * configSnapshotId, configurationItems: [...]}` (AWS Config Developer Guide, "Example
 * Configuration Snapshot"). Items keep Config's own `configuration` and
 * `supplementaryConfiguration`, which is the vocabulary of our snapshot, so nothing is reshaped.
 *
 * Spellings vary by item version: the guide's 1.0 example says `accountId`, `arn` and
 * `availibilityZone`; deliveries of version 1.3 say `awsAccountId`, `ARN`, `awsRegion`. Both are
 * read. `configuration` and supplementary values sometimes arrive as JSON text (S3 items from
 * history and advanced queries); they are parsed. Deleted and not-recorded items are skipped and
 * counted, never imported as live resources.
 */
import { z } from 'zod';
import { type CloudResource, type CloudSnapshot, GLOBAL_REGION, tagRecord } from '../../../core/cloud.js';
import { AppError } from '../../../core/errors.js';
import { jsonPointer, validateShape } from '../../../core/structured-input.js';

const item = z
  .object({
    configurationItemVersion: z.string().optional(),
    configurationItemCaptureTime: z.string().optional(),
    configurationItemStatus: z.string().optional(),
    resourceType: z.string().regex(/^AWS::\w+::\w+$/, 'resourceType must look like AWS::Service::Type'),
    resourceId: z.string().min(1),
    resourceName: z.string().nullish(),
    ARN: z.string().nullish(),
    arn: z.string().nullish(),
    awsAccountId: z
      .string()
      .regex(/^\d{12}$/, 'awsAccountId must be 12 digits')
      .nullish(),
    accountId: z.string().nullish(),
    awsRegion: z.string().nullish(),
    tags: z.unknown().optional(),
    configuration: z.unknown().optional(),
    supplementaryConfiguration: z.record(z.string(), z.unknown()).nullish(),
  })
  .loose();

const snapshotFile = z
  .object({
    fileVersion: z.string().optional(),
    configSnapshotId: z.string().optional(),
    configurationItems: z.array(z.unknown()),
  })
  .loose();

/** Statuses of items that describe no live resource (AWS Config API, ConfigurationItem). */
const GONE = new Set(['ResourceDeleted', 'ResourceNotRecorded', 'ResourceDeletedNotRecorded']);

export interface ConfigSnapshotRead {
  snapshot: CloudSnapshot;
  /** Items skipped because they describe deleted or unrecorded resources. */
  skipped: { pointer: string; reason: string }[];
}

/** Does this parsed JSON look like a Config snapshot (or a bare item list)? */
export function isConfigSnapshot(parsed: unknown): boolean {
  return (
    parsed !== null &&
    typeof parsed === 'object' &&
    Array.isArray((parsed as Record<string, unknown>).configurationItems)
  );
}

/** Read a parsed Config snapshot; the first invalid item is an INPUT_SCHEMA error with its pointer. */
export function readConfigSnapshot(parsed: unknown, file: string): ConfigSnapshotRead {
  const doc = validateShape(snapshotFile, parsed, file);
  const resources: CloudResource[] = [];
  const skipped: ConfigSnapshotRead['skipped'] = [];
  const accounts = new Set<string>();
  const regions = new Set<string>();
  let latest = '';
  doc.configurationItems.forEach((raw, i) => {
    const base = jsonPointer(['configurationItems', i]);
    const ci = validateShape(item, raw, file, base);
    if (ci.configurationItemStatus !== undefined && GONE.has(ci.configurationItemStatus)) {
      skipped.push({
        pointer: base,
        reason: `${ci.resourceType} ${ci.resourceId}: ${ci.configurationItemStatus}`,
      });
      return;
    }
    const arn = ci.ARN ?? ci.arn ?? undefined;
    const account = ci.awsAccountId ?? ci.accountId ?? (arn ? arnPart(arn, 4) : undefined);
    if (!account) {
      throw new AppError('INPUT_SCHEMA', {
        file,
        pointer: `${base}/awsAccountId`,
        reason: 'item names no account',
      });
    }
    const region = ci.awsRegion || (arn ? arnPart(arn, 3) : undefined) || GLOBAL_REGION;
    accounts.add(account);
    if (region !== GLOBAL_REGION) regions.add(region);
    const captured = ci.configurationItemCaptureTime ?? '';
    if (captured > latest) latest = captured;
    resources.push({
      provider: 'aws',
      account,
      region,
      type: ci.resourceType,
      id: arn || `${ci.resourceType}/${account}/${region}/${ci.resourceId}`,
      name: ci.resourceName || ci.resourceId,
      tags: tagRecord(ci.tags),
      configuration: objectValue(ci.configuration, file, `${base}/configuration`),
      supplementary: Object.fromEntries(
        Object.entries(ci.supplementaryConfiguration ?? {}).map(([k, v]) => [
          k,
          jsonText(v, file, `${base}/supplementaryConfiguration/${k}`),
        ]),
      ),
      source: 'aws-config-snapshot',
    });
  });
  if (resources.length === 0 && skipped.length === 0) {
    throw new AppError('INPUT_EMPTY', {
      file,
      pointer: '/configurationItems',
      reason: 'no configuration items',
    });
  }
  return {
    snapshot: {
      provider: 'aws',
      collectedAt: latest ? new Date(latest).toISOString() : new Date(0).toISOString(),
      accounts: [...accounts].sort(),
      regions: [...regions].sort(),
      resources,
      gaps: [],
    },
    skipped,
  };
}

// ARN: arn:partition:service:region:account-id:resource (IAM User Guide, "ARN format").
function arnPart(arn: string, index: number): string | undefined {
  return arn.split(':')[index] || undefined;
}

function objectValue(value: unknown, file: string, pointer: string): Record<string, unknown> {
  const v = jsonText(value, file, pointer);
  if (v === undefined || v === null) return {};
  if (typeof v !== 'object' || Array.isArray(v)) {
    throw new AppError('INPUT_SCHEMA', { file, pointer, reason: 'configuration must be an object' });
  }
  return v as Record<string, unknown>;
}

// Config serialises some nested documents as JSON text; an unparsable one is an error, not text.
function jsonText(value: unknown, file: string, pointer: string): unknown {
  if (typeof value !== 'string') return value;
  const t = value.trim();
  if (!t.startsWith('{') && !t.startsWith('[')) return value;
  try {
    return JSON.parse(t);
  } catch (err) {
    const reason = `embedded JSON text: ${err instanceof Error ? err.message : 'invalid'}`;
    throw new AppError('INPUT_SCHEMA', { file, pointer, reason });
  }
}
