/**
 * Effective public exposure of an S3 bucket, as it takes effect (S3 User Guide, "Blocking public
 * access to your Amazon S3 storage", "The meaning of public"): a public ACL grant (AllUsers,
 * AuthenticatedUsers) counts unless IgnorePublicAcls is on for the bucket or the account; a public
 * bucket policy counts unless RestrictPublicBuckets is on for the bucket or the account.
 * BlockPublicAcls/BlockPublicPolicy only refuse *new* grants and policies, so they do not hide an
 * existing one. Anything unreadable that could change the answer makes it `unknown`, never
 * `not-public`.
 */
import type { CloudResource, CloudSnapshot } from '../../../../core/cloud.js';
import { resourcesOf } from '../../../check.js';
import { publicStatements } from './policy.js';
import { arr, missingReason, obj } from './util.js';

export type Exposure = 'public' | 'not-public' | 'unknown';

export interface ExposureResult {
  exposure: Exposure;
  /** Why public, or what could not be read. */
  reasons: string[];
  evidence: Record<string, unknown>;
}

/** A block flag: true, false, or undefined when the block could not be read. */
type Flag = boolean | undefined;

/** The four flags of a public access block as read: `null` = none configured, `undefined` = unread. */
export type BlockConfig = Record<string, unknown> | null | undefined;

const PUBLIC_GROUPS = ['/global/AllUsers', '/global/AuthenticatedUsers'];

function flag(block: BlockConfig, name: string): Flag {
  if (block === undefined) return undefined;
  return block?.[name] === true;
}

// Either level on wins; otherwise unknown if either is unread.
function blocked(bucket: Flag, account: Flag): Flag {
  if (bucket === true || account === true) return true;
  if (bucket === undefined || account === undefined) return undefined;
  return false;
}

/** Inputs of the evaluator, as read off the bucket and the account block (`undefined` = unread). */
export interface ExposureInputs {
  acl: Record<string, unknown> | undefined;
  policy: Record<string, unknown> | null | undefined;
  policyStatus: Record<string, unknown> | null | undefined;
  bucketBlock: BlockConfig;
  accountBlock: BlockConfig;
}

/** The pure evaluator over what was read. */
export function evaluateExposure(i: ExposureInputs): ExposureResult {
  const reasons: string[] = [];
  const unknown: string[] = [];
  // Vector 1: ACL grants to the public groups.
  const grants =
    i.acl === undefined
      ? undefined
      : arr(i.acl.grantList).filter((g) => {
          const uri = obj(obj(g)?.grantee)?.uri;
          return typeof uri === 'string' && PUBLIC_GROUPS.some((p) => uri.endsWith(p));
        });
  const ignoreAcls = blocked(
    flag(i.bucketBlock, 'ignorePublicAcls'),
    flag(i.accountBlock, 'ignorePublicAcls'),
  );
  if (ignoreAcls !== true) {
    if (grants === undefined) unknown.push('bucket ACL unreadable');
    else if (grants.length > 0) {
      if (ignoreAcls === false) reasons.push('ACL grants access to AllUsers/AuthenticatedUsers');
      else unknown.push('public ACL grant; public access block unreadable');
    }
  }
  // Vector 2: the bucket policy (own analysis, or S3's own verdict in BucketPolicyStatus).
  let policyPublic: boolean | undefined;
  let statements: unknown[] = [];
  if (i.policy === null) policyPublic = false;
  else if (i.policy !== undefined) {
    const s = publicStatements(i.policy.policyText);
    if (s !== undefined) {
      statements = s;
      policyPublic = s.length > 0;
    }
  }
  const statusPublic = i.policyStatus === undefined ? undefined : i.policyStatus?.isPublic === true;
  if (statusPublic === true) policyPublic = true;
  else if (policyPublic === undefined && statusPublic === false) policyPublic = false;
  const restrict = blocked(
    flag(i.bucketBlock, 'restrictPublicBuckets'),
    flag(i.accountBlock, 'restrictPublicBuckets'),
  );
  if (restrict !== true) {
    if (policyPublic === undefined) unknown.push('bucket policy unreadable');
    else if (policyPublic) {
      if (restrict === false)
        reasons.push('bucket policy allows Principal "*" without a narrowing condition');
      else unknown.push('public bucket policy; public access block unreadable');
    }
  }
  const evidence = {
    publicAclGrants: grants?.length ?? 'unreadable',
    publicPolicyStatements: statements,
    policyStatusIsPublic: statusPublic ?? 'unreadable',
    bucketPublicAccessBlock: i.bucketBlock === undefined ? 'unreadable' : i.bucketBlock,
    accountPublicAccessBlock: i.accountBlock === undefined ? 'unreadable' : i.accountBlock,
  };
  if (reasons.length > 0) return { exposure: 'public', reasons, evidence };
  if (unknown.length > 0) return { exposure: 'unknown', reasons: unknown, evidence };
  return { exposure: 'not-public', reasons: [], evidence };
}

/** The account block of `account` as read: config, `null` (none configured) or `undefined` (unread). */
export function accountBlock(snapshot: CloudSnapshot, account: string): BlockConfig {
  const r = resourcesOf(snapshot, 'AWS::S3::AccountPublicAccessBlock').find((x) => x.account === account);
  if (r === undefined) return undefined;
  return r.supplementary.configured === false ? null : r.configuration;
}

/** Effective exposure of a bucket resource in its snapshot. */
export function bucketExposure(snapshot: CloudSnapshot, bucket: CloudResource): ExposureResult {
  const s = bucket.supplementary;
  const pick = (k: string) =>
    Object.hasOwn(s, k) ? (s[k] === null ? null : (obj(s[k]) ?? null)) : undefined;
  const acl = pick('AccessControlList');
  const out = evaluateExposure({
    acl: acl ?? undefined,
    policy: pick('BucketPolicy'),
    policyStatus: pick('BucketPolicyStatus'),
    bucketBlock: pick('PublicAccessBlockConfiguration'),
    accountBlock: accountBlock(snapshot, bucket.account),
  });
  if (out.exposure === 'unknown') {
    out.reasons = out.reasons.map(
      (r) => `${r}: ${missingReason(snapshot, bucket, 's3', 'S3 access settings')}`,
    );
  }
  return out;
}

/** The bucket named `name` in the snapshot (any account: trails may log to a central account). */
export function bucketNamed(snapshot: CloudSnapshot, name: string): CloudResource | undefined {
  return resourcesOf(snapshot, 'AWS::S3::Bucket').find((b) => b.name === name);
}
