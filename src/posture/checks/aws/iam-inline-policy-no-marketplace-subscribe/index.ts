/**
 * Inline policies of IAM users, roles and groups do not allow aws-marketplace:Subscribe on all
 * resources (Prowler iam_inline_policy_no_wildcard_marketplace_subscribe). Service-linked roles are
 * skipped.
 */
import type { PostureCheck } from '../../../check.js';
import { marketplaceSubscribe } from '../_hardening/judges.js';
import { inlinePolicyResults } from '../_hardening/policy-verdicts.js';

export const check: PostureCheck = {
  id: 'iam-inline-policy-no-marketplace-subscribe',
  provider: 'aws',
  title: 'Inline IAM policies do not allow subscribing to any Marketplace product',
  severity: 'medium',
  resourceType: 'AWS::IAM::Role',
  citations: ['164.308(a)(4)(ii)(B)', '164.308(a)(4)(i)'],
  risk: 'An inline, unrestricted aws-marketplace:Subscribe lets one principal enable any third-party product or foundation model that may then receive ePHI without review.',
  remediation: {
    text: 'IAM console → user/role/group → Permissions → inline policy → Edit: restrict aws-marketplace:Subscribe to approved products (aws-marketplace:ProductId condition) or remove it.',
    cli: 'aws iam put-role-policy --role-name ROLE --policy-name POLICY --policy-document file://scoped-marketplace.json',
    terraform:
      'resource "aws_iam_role_policy" "models" {\n  role   = aws_iam_role.app.id\n  policy = data.aws_iam_policy_document.models.json\n}',
  },
  evaluate(snapshot) {
    return inlinePolicyResults(check, snapshot, marketplaceSubscribe, {
      fail: 'Inline policy allows subscribing to any Marketplace product',
      pass: 'No inline policy allows aws-marketplace:Subscribe on all resources',
    });
  },
};
