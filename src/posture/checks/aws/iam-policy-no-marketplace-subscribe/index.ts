/**
 * Customer-managed IAM policies do not allow aws-marketplace:Subscribe on all resources (Prowler
 * iam_policy_no_wildcard_marketplace_subscribe; Prowler judges only attached policies, we judge
 * all). Subscribing is how Marketplace software and Bedrock foundation models are brought in;
 * unrestricted, anyone holding the policy can route ePHI into a product nobody vetted.
 */
import type { PostureCheck } from '../../../check.js';
import { marketplaceSubscribe } from '../_hardening/judges.js';
import { managedPolicyResults } from '../_hardening/policy-verdicts.js';

export const check: PostureCheck = {
  id: 'iam-policy-no-marketplace-subscribe',
  provider: 'aws',
  title: 'Customer-managed IAM policies do not allow subscribing to any Marketplace product',
  severity: 'medium',
  resourceType: 'AWS::IAM::Policy',
  citations: ['164.308(a)(4)(ii)(B)', '164.308(a)(4)(i)'],
  risk: 'Unrestricted aws-marketplace:Subscribe lets holders enable any third-party product or foundation model, which may then process ePHI without a business associate agreement or review.',
  remediation: {
    text: 'IAM console → Policies → policy → Edit: limit aws-marketplace:Subscribe to approved product ARNs (or remove it), then save as the default version.',
    cli: 'aws iam create-policy-version --policy-arn POLICY_ARN --policy-document file://scoped-marketplace.json --set-as-default',
    terraform:
      'data "aws_iam_policy_document" "models" {\n  statement {\n    actions   = ["aws-marketplace:Subscribe"]\n    resources = ["*"]\n    condition {\n      test     = "ForAnyValue:StringEquals"\n      variable = "aws-marketplace:ProductId"\n      values   = [var.approved_product_id]\n    }\n  }\n}',
  },
  evaluate(snapshot) {
    return managedPolicyResults(check, snapshot, 'customer', marketplaceSubscribe, {
      fail: 'Allows subscribing to any Marketplace product',
      pass: 'Does not allow aws-marketplace:Subscribe on all resources',
    });
  },
};
