/**
 * The two shapes of an IAM policy-document check: one result per managed policy (its default
 * version, AWS::IAM::Policy), or one per user, role or group over its inline policies. A judge
 * says what in a document offends; these functions turn that into pass / fail / error, with the
 * offending statements as evidence and listing gaps reported.
 */
import type { CloudResource, CloudSnapshot } from '../../../../core/cloud.js';
import { type CheckResult, listingErrors, type PostureCheck, resourcesOf, result } from '../../../check.js';
import { unreadable } from '../_shared/util.js';
import {
  defaultDocument,
  IAM_LISTING,
  inlinePolicies,
  isAwsManaged,
  isServiceLinkedRole,
  principals,
} from './iam.js';

/** What a judge found in one document: short descriptions of what offends (empty: nothing). */
export type Judge = (document: unknown, owner: CloudResource) => string[] | undefined;

interface Texts {
  /** Prefix of a failure message, e.g. "Allows kms:Decrypt on all keys". */
  fail: string;
  pass: string;
}

/** Managed policies: customer-managed only, or also the AWS-managed ones attached in the account. */
export function managedPolicyResults(
  check: Pick<PostureCheck, 'id' | 'resourceType'>,
  snapshot: CloudSnapshot,
  scope: 'customer' | 'customer-and-attached-aws',
  judge: Judge,
  texts: Texts,
): CheckResult[] {
  const out = resourcesOf(snapshot, 'AWS::IAM::Policy')
    .filter((p) => scope === 'customer-and-attached-aws' || !isAwsManaged(p))
    .map((p) => {
      const doc = defaultDocument(p);
      if (doc === undefined) return unreadable(check, snapshot, p, 'iam', 'default policy version');
      const found = judge(doc, p);
      const evidence = {
        awsManaged: isAwsManaged(p),
        attachmentCount: p.configuration.attachmentCount ?? null,
      };
      if (found === undefined)
        return result(check, p, 'error', 'The policy document could not be parsed', evidence);
      return found.length > 0
        ? result(check, p, 'fail', `${texts.fail}: ${found.join('; ')}`, { ...evidence, offending: found })
        : result(check, p, 'pass', texts.pass, evidence);
    });
  return [...out, ...listingErrors(check, snapshot, 'iam', IAM_LISTING, (a) => `arn:aws:iam::${a}:policy/*`)];
}

/** Users, roles (service-linked roles excepted: AWS owns their policies) and groups, over their inline policies. */
export function inlinePolicyResults(
  check: Pick<PostureCheck, 'id' | 'resourceType'>,
  snapshot: CloudSnapshot,
  judge: Judge,
  texts: Texts,
): CheckResult[] {
  const out = principals(snapshot)
    .filter((r) => !isServiceLinkedRole(r))
    .map((r) => {
      const policies = inlinePolicies(r);
      if (policies === undefined) return unreadable(check, snapshot, r, 'iam', 'inline policy list');
      const found: string[] = [];
      const unparsable: string[] = [];
      for (const p of policies) {
        const f = judge(p.document, r);
        if (f === undefined) unparsable.push(p.name);
        else found.push(...f.map((x) => `${p.name}: ${x}`));
      }
      const evidence = { inlinePolicies: policies.map((p) => p.name), offending: found };
      if (found.length > 0) return result(check, r, 'fail', `${texts.fail}: ${found.join('; ')}`, evidence);
      if (unparsable.length > 0)
        return result(
          check,
          r,
          'error',
          `Inline policy could not be parsed: ${unparsable.join(', ')}`,
          evidence,
        );
      return result(check, r, 'pass', texts.pass, evidence);
    });
  return [...out, ...listingErrors(check, snapshot, 'iam', IAM_LISTING, (a) => `arn:aws:iam::${a}:*`)];
}
