/**
 * IAM users, roles and groups have no inline policies (AWS Config IAM_NO_INLINE_POLICY_CHECK).
 * Inline policies live inside one principal, cannot be reused or versioned, and escape reviews of
 * the account's managed policies. Service-linked roles are skipped: AWS owns their policies.
 */
import { listingErrors, type PostureCheck, result } from '../../../check.js';
import { IAM_LISTING, inlinePolicies, isServiceLinkedRole, principals } from '../_hardening/iam.js';

import { unreadable } from '../_shared/util.js';

export const check: PostureCheck = {
  id: 'iam-no-inline-policy',
  provider: 'aws',
  title: 'IAM users, roles and groups have no inline policies',
  severity: 'low',
  resourceType: 'AWS::IAM::Role',
  citations: ['164.308(a)(4)(i)', '164.308(a)(4)(ii)(B)'],
  risk: 'Permissions hidden in inline policies are missed by reviews of managed policies, so access to ePHI can grow without anyone approving it.',
  remediation: {
    text: 'For each inline policy: create an equivalent customer-managed policy, attach it (to a group rather than a user), then delete the inline policy.',
    cli: 'aws iam create-policy --policy-name NAME --policy-document file://policy.json && aws iam attach-role-policy --role-name ROLE --policy-arn POLICY_ARN && aws iam delete-role-policy --role-name ROLE --policy-name INLINE_NAME',
    terraform:
      'resource "aws_iam_policy" "app" {\n  name   = "app"\n  policy = data.aws_iam_policy_document.app.json\n}\nresource "aws_iam_role_policy_attachment" "app" {\n  role       = aws_iam_role.app.name\n  policy_arn = aws_iam_policy.app.arn\n}',
  },
  evaluate(snapshot) {
    const out = principals(snapshot)
      .filter((r) => !isServiceLinkedRole(r))
      .map((r) => {
        const policies = inlinePolicies(r);
        if (policies === undefined) return unreadable(check, snapshot, r, 'iam', 'inline policy list');
        const names = policies.map((p) => p.name);
        return names.length > 0
          ? result(check, r, 'fail', `Inline policies: ${names.join(', ')}`, { inlinePolicies: names })
          : result(check, r, 'pass', 'No inline policies', { inlinePolicies: [] });
      });
    return [...out, ...listingErrors(check, snapshot, 'iam', IAM_LISTING, (a) => `arn:aws:iam::${a}:*`)];
  },
};
