/**
 * Managed IAM policies do not allow every action on every resource: customer-managed policies
 * whether attached or not (AWS Config IAM_POLICY_NO_STATEMENTS_WITH_ADMIN_ACCESS; Prowler
 * iam_customer_attached_policy_no_administrative_privileges) and AWS-managed policies attached in
 * the account, such as AdministratorAccess (Prowler
 * iam_aws_attached_policy_no_administrative_privileges). Judged on the policy itself, where
 * iam-role-wildcard-phi judges the principals holding it. Wildcards and NotAction are evaluated:
 * `"NotAction": "iam:*"` over `*` counts, since it leaves everything else open.
 */
import type { PostureCheck } from '../../../check.js';
import { adminAccess } from '../_hardening/judges.js';
import { managedPolicyResults } from '../_hardening/policy-verdicts.js';

export const check: PostureCheck = {
  id: 'iam-policy-no-admin-access',
  provider: 'aws',
  title: 'Managed IAM policies do not grant full administrative access',
  severity: 'high',
  resourceType: 'AWS::IAM::Policy',
  citations: ['164.308(a)(4)(i)', '164.308(a)(4)(ii)(B)', '164.312(a)(1)', '164.308(a)(3)(ii)(B)'],
  risk: 'A policy allowing "*" on "*" makes whoever holds it an administrator of every ePHI store and every security control in the account, far beyond minimum necessary.',
  remediation: {
    text: 'IAM console → Policies → policy → Edit: replace the "*" statement with the actions and resources the job needs (IAM Access Analyzer can generate one from activity). For AdministratorAccess, detach it from everyone but a break-glass role with MFA.',
    cli: 'aws iam create-policy-version --policy-arn POLICY_ARN --policy-document file://least-privilege.json --set-as-default\naws iam detach-role-policy --role-name ROLE --policy-arn arn:aws:iam::aws:policy/AdministratorAccess',
    terraform:
      'data "aws_iam_policy_document" "ops" {\n  statement {\n    actions   = ["ec2:Describe*", "cloudwatch:Get*"]\n    resources = ["*"]\n  }\n}',
  },
  evaluate(snapshot) {
    return managedPolicyResults(check, snapshot, 'customer-and-attached-aws', adminAccess, {
      fail: 'Grants every action on every resource',
      pass: 'No statement grants every action on every resource',
    });
  },
};
