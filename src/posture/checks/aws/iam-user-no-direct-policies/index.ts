/**
 * IAM users hold no policies of their own, inline or attached; permissions come through groups
 * (AWS Config IAM_USER_NO_POLICIES_CHECK). Per-user grants multiply, drift and outlive the job
 * that justified them, which defeats access reviews.
 */
import { listingErrors, type PostureCheck, resourcesOf, result } from '../../../check.js';
import { IAM_LISTING, inlinePolicies } from '../_hardening/iam.js';

import { arr, obj, unreadable } from '../_shared/util.js';

export const check: PostureCheck = {
  id: 'iam-user-no-direct-policies',
  provider: 'aws',
  title: 'IAM users get permissions only through groups',
  severity: 'low',
  resourceType: 'AWS::IAM::User',
  citations: ['164.308(a)(4)(ii)(B)', '164.308(a)(3)(ii)(B)'],
  risk: 'Policies attached to individual users make access to ePHI person-by-person and hard to review or revoke when roles change.',
  remediation: {
    text: 'IAM console → Users → user → Permissions: add the user to a group that carries the needed policies, then detach managed policies and delete inline policies from the user.',
    cli: 'aws iam add-user-to-group --user-name USER --group-name GROUP && aws iam detach-user-policy --user-name USER --policy-arn POLICY_ARN && aws iam delete-user-policy --user-name USER --policy-name INLINE_NAME',
    terraform:
      'resource "aws_iam_user_group_membership" "alice" {\n  user   = aws_iam_user.alice.name\n  groups = [aws_iam_group.clinicians.name]\n}',
  },
  evaluate(snapshot) {
    const out = resourcesOf(snapshot, 'AWS::IAM::User').map((u) => {
      const inline = inlinePolicies(u);
      const attached = u.configuration.attachedManagedPolicies;
      if (inline === undefined || (attached !== null && !Array.isArray(attached)))
        return unreadable(check, snapshot, u, 'iam', 'user policy lists');
      const attachedArns = arr(attached).flatMap((a) => {
        const arn = obj(a)?.policyArn;
        return typeof arn === 'string' ? [arn] : [];
      });
      const evidence = { inlinePolicies: inline.map((p) => p.name), attachedManagedPolicies: attachedArns };
      const count = inline.length + attachedArns.length;
      return count > 0
        ? result(check, u, 'fail', `${count} policies attached directly to the user`, evidence)
        : result(check, u, 'pass', 'No policies attached directly', evidence);
    });
    return [...out, ...listingErrors(check, snapshot, 'iam', IAM_LISTING, (a) => `arn:aws:iam::${a}:user/*`)];
  },
};
