/**
 * Whether a bucket policy refuses plain-HTTP requests outright: a Deny statement, for every
 * principal, on every S3 action, over the bucket and all its objects, whose only condition is
 * `aws:SecureTransport` false (S3 User Guide, "Enforce encryption of data in transit"; AWS Config
 * S3_BUCKET_SSL_REQUESTS_ONLY; Prowler s3_bucket_secure_transport_policy). A Deny with further
 * conditions, a narrower principal, or only some actions or objects leaves HTTP open somewhere.
 */
import { isPublicPrincipal, type Statement, statements } from '../_shared/policy.js';
import { obj } from '../_shared/util.js';
import { anyValueProbes } from './glob.js';
import { statementApplies } from './grants.js';

// IAM accepts the value as a boolean, a string, or a one-element list of either.
function isFalse(v: unknown): boolean {
  return v === false || v === 'false' || (Array.isArray(v) && v.length === 1 && isFalse(v[0]));
}

/** Whether a Condition is exactly `{Bool|BoolIfExists: {aws:SecureTransport: false}}`. */
export function onlyInsecureTransport(condition: unknown): boolean {
  const ops = Object.entries(obj(condition) ?? {});
  if (ops.length !== 1) return false;
  const [op, block] = ops[0] as [string, unknown];
  if (op !== 'Bool' && op !== 'BoolIfExists') return false;
  const keys = Object.entries(obj(block) ?? {});
  return keys.length === 1 && keys[0]?.[0].toLowerCase() === 'aws:securetransport' && isFalse(keys[0]?.[1]);
}

/** The Deny statements of `policy` that refuse HTTP for the whole bucket, or `undefined` if unparsable. */
export function secureTransportDenies(policy: unknown, bucketArn: string): Statement[] | undefined {
  const list = statements(policy);
  if (list === undefined) return undefined;
  const actions = anyValueProbes('s3:{}');
  const resources = [bucketArn, ...anyValueProbes(`${bucketArn}/{}`)];
  return list.filter(
    (s) =>
      s.Effect === 'Deny' &&
      (s as { NotPrincipal?: unknown }).NotPrincipal === undefined &&
      isPublicPrincipal(s.Principal) &&
      onlyInsecureTransport(s.Condition) &&
      actions.every((a) => resources.every((r) => statementApplies(s, a, r))),
  );
}
