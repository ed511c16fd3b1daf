/**
 * The policy questions of the IAM checks, as judges for policy-verdicts.ts. Each returns what
 * offends in one document (a statement described by Sid or position), or `undefined` when the
 * document cannot be parsed.
 */
import type { CloudResource } from '../../../../core/cloud.js';
import { statements } from '../_shared/policy.js';
import { anyValueProbes } from './glob.js';
import { actionSideCovers, type Grant, grantsAll } from './grants.js';
import { partitionOf } from './iam.js';

const where = (g: Grant) => `statement ${g.sid ?? `#${g.index}`}${g.conditional ? ' (conditioned)' : ''}`;

/**
 * The actions AWS Config's pack blocks (kms:*, kms:Decrypt, kms:ReEncrypt*) come down to two:
 * whoever may Decrypt or ReEncryptFrom a key can read what it protects.
 */
export const BLOCKED_KMS_ACTIONS = ['kms:Decrypt', 'kms:ReEncryptFrom'] as const;

/** Decrypt or ReEncryptFrom allowed on every KMS key of the owner's account, any region. */
export function blockedKmsActions(doc: unknown, owner: CloudResource): string[] | undefined {
  const keys = anyValueProbes(`arn:${partitionOf(owner.id)}:kms:{}:${owner.account}:key/{}`);
  const out: string[] = [];
  for (const action of BLOCKED_KMS_ACTIONS) {
    const answer = grantsAll(doc, [action], keys);
    if (answer === undefined) return undefined;
    if (answer.granted) out.push(`${action} on all keys by ${answer.grants.map(where).join(', ')}`);
  }
  return out;
}

/** Every action on every resource ("Action": "*" over "Resource": "*", or wildcards to that effect). */
export function adminAccess(doc: unknown): string[] | undefined {
  const answer = grantsAll(doc, anyValueProbes('{}:{}'), anyValueProbes('{}'));
  if (answer === undefined) return undefined;
  return answer.granted ? answer.grants.map((g) => `* on * by ${where(g)}`) : [];
}

/** aws-marketplace:Subscribe on every resource (Prowler's marketplace-subscribe checks). */
export function marketplaceSubscribe(doc: unknown): string[] | undefined {
  const answer = grantsAll(doc, ['aws-marketplace:Subscribe'], anyValueProbes('{}'));
  if (answer === undefined) return undefined;
  return answer.granted ? answer.grants.map((g) => `aws-marketplace:Subscribe on * by ${where(g)}`) : [];
}

// A service prefix a pattern names: wildcards dropped (`s3*` → `s3`), empty → a stand-in for any.
function serviceOf(pattern: string): string {
  const prefix = pattern.includes(':') ? pattern.slice(0, pattern.indexOf(':')) : pattern;
  const concrete = prefix.replace(/\*/g, '').replace(/\?/g, 'x');
  return concrete === '' ? '\uE010' : concrete;
}

/**
 * Allow statements granting every action of some service (`ec2:*`, `*`), whatever the resource
 * (AWS Config IAM_POLICY_NO_STATEMENTS_WITH_FULL_ACCESS: `ec2:Describe*` is fine, `ec2:*` is not).
 * An Allow with NotAction grants every action of every service it does not name, so it counts.
 */
export function fullServiceAccess(doc: unknown): string[] | undefined {
  const list = statements(doc);
  if (list === undefined) return undefined;
  return list.flatMap((s, index) => {
    if (s.Effect !== 'Allow') return [];
    const st = s as typeof s & { NotAction?: unknown };
    const patterns = (Array.isArray(s.Action) ? s.Action : [s.Action]).filter(
      (p): p is string => typeof p === 'string',
    );
    const services = st.NotAction !== undefined ? ['\uE010'] : [...new Set(patterns.map(serviceOf))];
    const full = services.filter((svc) => actionSideCovers(st, anyValueProbes(`${svc}:{}`)));
    if (full.length === 0) return [];
    const label = full.map((svc) => (svc === '\uE010' ? 'every service' : `${svc}:*`)).join(', ');
    return [`${label} by statement ${typeof s.Sid === 'string' ? s.Sid : `#${index}`}`];
  });
}
