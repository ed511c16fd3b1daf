/**
 * A zod boundary schema for OCSF 1.3.0 Compliance Finding events: the attributes the schema marks
 * `required` (base_event: activity_id, category_uid, class_uid, metadata, severity_id, time,
 * type_uid; finding: finding_info; compliance_finding: compliance; metadata: product, version;
 * product: vendor_name; finding_info: uid; compliance: standards; cloud: provider) with their
 * enum ranges, plus the shape of every attribute this exporter emits. Written from the
 * ocsf-schema dictionary files, not generated: OCSF publishes JSON Schema only from its schema
 * server, which this build cannot reach.
 */
import { z } from 'zod';

const timestamp = z.number().int().nonnegative(); // timestamp_t: milliseconds since the epoch
const enumId = (ids: readonly number[]) =>
  z
    .number()
    .int()
    .refine((n) => ids.includes(n) || n === 99);

export const ocsfComplianceFinding = z
  .object({
    activity_id: enumId([0, 1, 2, 3]),
    activity_name: z.string().optional(),
    category_uid: z.literal(2),
    category_name: z.literal('Findings').optional(),
    class_uid: z.literal(2003),
    class_name: z.literal('Compliance Finding').optional(),
    type_uid: z.number().int(),
    type_name: z.string().optional(),
    severity_id: enumId([0, 1, 2, 3, 4, 5, 6]),
    severity: z.string().optional(),
    status_id: enumId([0, 1, 2, 3, 4, 5, 6]).optional(),
    status: z.string().optional(),
    time: timestamp,
    message: z.string().optional(),
    metadata: z.object({
      version: z.string().regex(/^1\.\d+\.\d+/),
      product: z.object({
        vendor_name: z.string().min(1),
        name: z.string().optional(),
        url_string: z.string().optional(),
      }),
      correlation_uid: z.string().optional(),
    }),
    finding_info: z.object({
      uid: z.string().min(1),
      title: z.string().optional(),
      desc: z.string().optional(),
      types: z.array(z.string()).optional(),
      created_time: timestamp.optional(),
    }),
    compliance: z.object({
      standards: z.array(z.string()).min(1),
      requirements: z.array(z.string()).optional(),
      control: z.string().optional(),
      status_id: enumId([0, 1, 2, 3]).optional(),
      status: z.string().optional(),
      status_detail: z.string().optional(),
    }),
    remediation: z.object({ desc: z.string(), references: z.array(z.string()).optional() }).optional(),
    resources: z
      .array(
        z.object({
          uid: z.string().optional(),
          name: z.string().optional(),
          type: z.string().optional(),
          region: z.string().optional(),
          cloud_partition: z.string().optional(),
        }),
      )
      .optional(),
    cloud: z.object({
      provider: z.string().min(1),
      account: z.object({ uid: z.string() }).optional(),
      region: z.string().optional(),
    }),
    unmapped: z.record(z.string(), z.unknown()).optional(),
  })
  .strict()
  // base_event: type_uid = class_uid * 100 + activity_id.
  .refine((e) => e.type_uid === e.class_uid * 100 + e.activity_id, { message: 'type_uid mismatch' })
  // resource_details constraint: at least one of uid, name.
  .refine((e) => (e.resources ?? []).every((r) => r.uid !== undefined || r.name !== undefined), {
    message: 'resource needs uid or name',
  });

export const ocsfComplianceFindings = z.array(ocsfComplianceFinding);
