/**
 * What a CloudTrail trail records, read off its event selectors (CloudTrail API Reference,
 * GetEventSelectors; collector: `supplementary.eventSelectors = {eventSelectors,
 * advancedEventSelectors}`, camel-cased). A trail uses either classic or advanced selectors; the
 * selectors of a trail are alternatives (any one matching records the event), the field
 * selectors inside one advanced selector all have to hold.
 *
 * Field-selector operators as documented for AdvancedFieldSelector: Equals / StartsWith /
 * EndsWith accept a value matching any listed entry, NotEquals / NotStartsWith / NotEndsWith a
 * value matching none; several operators on one field must all hold.
 */
import { arr, obj } from '../_shared/util.js';
import { anyValueProbes } from './glob.js';

export type Direction = 'read' | 'write';

/** The calls whose denial leaves a trail's coverage unknown (ListTags does not matter). */
export const TRAIL_READS = ['DescribeTrails', 'GetTrailStatus', 'GetEventSelectors'] as const;

const strings = (v: unknown): string[] => arr(v).filter((x): x is string => typeof x === 'string');

/** Whether one advanced field selector accepts `value`. */
export function fieldAccepts(selector: Record<string, unknown>, value: string): boolean {
  const any = (key: string, test: (entry: string) => boolean) =>
    selector[key] === undefined || strings(selector[key]).some(test);
  const none = (key: string, test: (entry: string) => boolean) =>
    selector[key] === undefined || !strings(selector[key]).some(test);
  return (
    any('equals', (e) => e === value) &&
    any('startsWith', (e) => value.startsWith(e)) &&
    any('endsWith', (e) => value.endsWith(e)) &&
    none('notEquals', (e) => e === value) &&
    none('notStartsWith', (e) => value.startsWith(e)) &&
    none('notEndsWith', (e) => value.endsWith(e))
  );
}

type Fields = Map<string, Record<string, unknown>[]>;

function fieldsOf(selector: unknown): Fields {
  const out: Fields = new Map();
  for (const f of arr(obj(selector)?.fieldSelectors)) {
    const fs = obj(f);
    if (typeof fs?.field !== 'string') continue;
    out.set(fs.field, [...(out.get(fs.field) ?? []), fs]);
  }
  return out;
}

/** Whether every field selector on `field` accepts every one of `values` (a missing field accepts all). */
function accepts(fields: Fields, field: string, values: readonly string[]): boolean {
  return (fields.get(field) ?? []).every((fs) => values.every((v) => fieldAccepts(fs, v)));
}

/** The classic and advanced selectors of a trail, or `undefined` when they were not read. */
export function selectorsOf(
  supplementary: Record<string, unknown>,
): { classic: Record<string, unknown>[]; advanced: unknown[] } | undefined {
  const s = obj(supplementary.eventSelectors);
  if (s === undefined) return undefined;
  return {
    classic: arr(s.eventSelectors).flatMap((e) => {
      const o = obj(e);
      return o ? [o] : [];
    }),
    advanced: arr(s.advancedEventSelectors),
  };
}

const S3_DATA_FIELDS = new Set(['eventCategory', 'resources.type', 'readOnly', 'resources.ARN']);

/**
 * Whether the selectors record S3 object-level events in `direction` for every bucket
 * (AWS Config CLOUDTRAIL_S3_DATAEVENTS_ENABLED; Prowler cloudtrail_s3_dataevents_{read,write}_enabled).
 * Classic: an `AWS::S3::Object` data resource on all buckets (`arn:<p>:s3`, `arn:<p>:s3:::`)
 * with ReadWriteType All or the direction's. Advanced: eventCategory Data, resources.type
 * AWS::S3::Object, readOnly (if set) admitting the direction, resources.ARN (if set) admitting any
 * bucket — exclusions of a few named buckets (a trail's own bucket, typically) are accepted — and
 * no other field narrowing which events are kept.
 */
export function recordsS3Objects(
  selectors: { classic: Record<string, unknown>[]; advanced: unknown[] },
  direction: Direction,
  partition: string,
): boolean {
  const wanted = direction === 'read' ? 'ReadOnly' : 'WriteOnly';
  const allBuckets = new Set([`arn:${partition}:s3`, `arn:${partition}:s3:::`, `arn:${partition}:s3:::*/*`]);
  const classic = selectors.classic.some((e) => {
    const rw = typeof e.readWriteType === 'string' ? e.readWriteType : 'All';
    if (rw !== 'All' && rw !== wanted) return false;
    return arr(e.dataResources).some((d) => {
      const r = obj(d);
      return r?.type === 'AWS::S3::Object' && strings(r.values).some((v) => allBuckets.has(v));
    });
  });
  if (classic) return true;
  const anyObject = anyValueProbes(`arn:${partition}:s3:::{}/{}`);
  return selectors.advanced.some((sel) => {
    const fields = fieldsOf(sel);
    if (![...fields.keys()].every((f) => S3_DATA_FIELDS.has(f))) return false;
    return (
      fields.has('eventCategory') &&
      accepts(fields, 'eventCategory', ['Data']) &&
      fields.has('resources.type') &&
      accepts(fields, 'resources.type', ['AWS::S3::Object']) &&
      accepts(fields, 'readOnly', [direction === 'read' ? 'true' : 'false']) &&
      accepts(fields, 'resources.ARN', anyObject)
    );
  });
}

// Prowler cloudtrail_bedrock_logging_enabled's lists: Bedrock data-event resource types and the
// control-plane event sources.
const BEDROCK_TYPES = [
  'AWS::Bedrock::AgentAlias',
  'AWS::Bedrock::FlowAlias',
  'AWS::Bedrock::Guardrail',
  'AWS::Bedrock::InlineAgent',
  'AWS::Bedrock::KnowledgeBase',
  'AWS::Bedrock::Model',
  'AWS::Bedrock::Prompt',
];
const BEDROCK_SOURCES = [
  'bedrock.amazonaws.com',
  'bedrock-agent.amazonaws.com',
  'bedrock-runtime.amazonaws.com',
  'bedrock-agent-runtime.amazonaws.com',
  'bedrock-data-automation.amazonaws.com',
  'bedrock-data-automation-runtime.amazonaws.com',
];

/**
 * Whether the selectors record Amazon Bedrock API calls: write management events (which include
 * Bedrock's control plane) or Bedrock data events (Prowler cloudtrail_bedrock_logging_enabled).
 */
export function recordsBedrock(selectors: {
  classic: Record<string, unknown>[];
  advanced: unknown[];
}): boolean {
  const classic = selectors.classic.some((e) => {
    const rw = typeof e.readWriteType === 'string' ? e.readWriteType : 'All';
    return e.includeManagementEvents !== false && (rw === 'All' || rw === 'WriteOnly');
  });
  if (classic) return true;
  return selectors.advanced.some((sel) => {
    const fields = fieldsOf(sel);
    if (!fields.has('eventCategory')) return false;
    if (accepts(fields, 'eventCategory', ['Management'])) {
      return (
        accepts(fields, 'readOnly', ['false']) &&
        BEDROCK_SOURCES.some((src) => accepts(fields, 'eventSource', [src]))
      );
    }
    return (
      accepts(fields, 'eventCategory', ['Data']) &&
      fields.has('resources.type') &&
      BEDROCK_TYPES.some((t) => accepts(fields, 'resources.type', [t]))
    );
  });
}
