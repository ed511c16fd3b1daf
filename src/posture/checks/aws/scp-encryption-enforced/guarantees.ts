/**
 * Which encryption guarantees a service control policy document gives: Deny statements that
 * refuse an unencrypted write. Read after the IAM User Guide's policy grammar — `Action` /
 * `NotAction` with `*` and `?` wildcards, case-insensitive; `Condition` operators ANDed — and the
 * AWS Organizations User Guide's SCP examples ("Require encryption on …"):
 * - S3 uploads: Deny `s3:PutObject` when `Null` `s3:x-amz-server-side-encryption` (or its
 *   `-aws-kms-key-id`) is true, or when `StringNotEquals`/`StringNotLike` on it — a negated
 *   operator also matches a request without the key, so missing headers are denied too (IAM User
 *   Guide, "Condition operators"). The `…IfExists` forms let header-less uploads through and do
 *   not count.
 * - EBS volumes: Deny `ec2:CreateVolume` when `Bool` `ec2:Encrypted` is false.
 * - RDS instances: Deny `rds:CreateDBInstance` when `Bool` `rds:StorageEncrypted` is false.
 * Other conditions in the same statement narrow the deny (e.g. exempt a break-glass role); they
 * are reported with the match, not judged.
 */
import { record } from '../../../read.js';

export const GUARANTEES = [
  {
    id: 's3-upload-encryption',
    label: 'S3 uploads must request server-side encryption',
    action: 's3:putobject',
  },
  { id: 'ebs-volume-encryption', label: 'EBS volumes must be created encrypted', action: 'ec2:createvolume' },
  {
    id: 'rds-storage-encryption',
    label: 'RDS instances must be created encrypted',
    action: 'rds:createdbinstance',
  },
] as const;

export type GuaranteeId = (typeof GUARANTEES)[number]['id'];

/** One Deny statement that gives a guarantee. */
export interface Enforcement {
  guarantee: GuaranteeId;
  sid: string | null;
  /** `operator:key` of the statement's other conditions, which narrow the deny. */
  alsoRequires: string[];
}

const S3_KEYS = new Set([
  's3:x-amz-server-side-encryption',
  's3:x-amz-server-side-encryption-aws-kms-key-id',
]);
const NEGATED = new Set(['StringNotEquals', 'StringNotEqualsIgnoreCase', 'StringNotLike']);
const BOOL = new Set(['Bool', 'BoolIfExists']);

const values = (v: unknown) => (Array.isArray(v) ? v : [v]).map((x) => String(x).toLowerCase());

// Does the condition `op: {key: value}` make the deny hit the unencrypted form of the guarantee?
function denies(guarantee: GuaranteeId, op: string, key: string, value: unknown): boolean {
  switch (guarantee) {
    case 's3-upload-encryption':
      return S3_KEYS.has(key) && ((op === 'Null' && values(value).includes('true')) || NEGATED.has(op));
    case 'ebs-volume-encryption':
      return key === 'ec2:encrypted' && BOOL.has(op) && values(value).includes('false');
    case 'rds-storage-encryption':
      return key === 'rds:storageencrypted' && BOOL.has(op) && values(value).includes('false');
  }
}

function glob(pattern: string): RegExp {
  const body = pattern
    .toLowerCase()
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`);
}

function covers(statement: Record<string, unknown>, action: string): boolean {
  const patterns = (v: unknown) => (Array.isArray(v) ? v : [v]).map(String);
  if (statement.Action !== undefined) return patterns(statement.Action).some((p) => glob(p).test(action));
  if (statement.NotAction !== undefined)
    return !patterns(statement.NotAction).some((p) => glob(p).test(action));
  return false;
}

/** The guarantees the Deny statements of `document` (a parsed policy) give. */
export function enforcementsOf(document: Record<string, unknown>): Enforcement[] {
  const statements = Array.isArray(document.Statement) ? document.Statement : [document.Statement];
  const out: Enforcement[] = [];
  for (const raw of statements) {
    const s = record(raw);
    if (s?.Effect !== 'Deny') continue;
    const conditions = Object.entries(record(s.Condition) ?? {}).flatMap(([op, keys]) =>
      Object.entries(record(keys) ?? {}).map(([key, value]) => ({ op, key: key.toLowerCase(), value })),
    );
    for (const g of GUARANTEES) {
      if (!covers(s, g.action)) continue;
      const hit = conditions.find((c) => denies(g.id, c.op, c.key, c.value));
      if (hit === undefined) continue;
      out.push({
        guarantee: g.id,
        sid: typeof s.Sid === 'string' ? s.Sid : null,
        alsoRequires: conditions.filter((c) => c !== hit).map((c) => `${c.op}:${c.key}`),
      });
    }
  }
  return out;
}
