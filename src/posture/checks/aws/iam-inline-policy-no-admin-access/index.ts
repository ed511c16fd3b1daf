/**
 * Inline policies of IAM users, roles and groups do not allow every action on every resource
 * (Prowler iam_inline_policy_no_administrative_privileges). Unlike iam-role-wildcard-phi this
 * reports groups too, members or not, and only inline policies. Service-linked roles are skipped.
 */
import type { PostureCheck } from '../../../check.js';
import { adminAccess } from '../_hardening/judges.js';
import { inlinePolicyResults } from '../_hardening/policy-verdicts.js';

export const check: PostureCheck = {
  id: 'iam-inline-policy-no-admin-access',
  provider: 'aws',
  title: 'Inline IAM policies do not grant full administrative access',
  severity: 'high',
  resourceType: 'AWS::IAM::Role',
  citations: ['164.308(a)(4)(i)', '164.308(a)(4)(ii)(B)', '164.312(a)(1)', '164.308(a)(3)(ii)(B)'],
  risk: 'An inline "*" on "*" makes one user, role or group an administrator over all ePHI, invisible to reviews of the account\'s managed policies.',
  remediation: {
    text: 'IAM console → user/role/group → Permissions → the inline policy → Remove; grant what is needed through a reviewed customer-managed policy instead.',
    cli: 'aws iam delete-role-policy --role-name ROLE --policy-name POLICY\naws iam delete-user-policy --user-name USER --policy-name POLICY\naws iam delete-group-policy --group-name GROUP --policy-name POLICY',
    terraform:
      '# Replace aws_iam_role_policy with a reviewed managed policy:\nresource "aws_iam_role_policy_attachment" "app" {\n  role       = aws_iam_role.app.name\n  policy_arn = aws_iam_policy.app_least_privilege.arn\n}',
  },
  evaluate(snapshot) {
    return inlinePolicyResults(check, snapshot, adminAccess, {
      fail: 'Inline policy grants every action on every resource',
      pass: 'No inline policy grants every action on every resource',
    });
  },
};
