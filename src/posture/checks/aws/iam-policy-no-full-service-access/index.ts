/**
 * Customer-managed IAM policies do not grant every action of a service (AWS Config
 * IAM_POLICY_NO_STATEMENTS_WITH_FULL_ACCESS): `ec2:*` fails, `ec2:Describe*` passes, whatever the
 * Resource. An Allow with NotAction grants every action of every service it does not name and
 * fails too (AWS Config documents only the `service:*` form).
 */
import type { PostureCheck } from '../../../check.js';
import { fullServiceAccess } from '../_hardening/judges.js';
import { managedPolicyResults } from '../_hardening/policy-verdicts.js';

export const check: PostureCheck = {
  id: 'iam-policy-no-full-service-access',
  provider: 'aws',
  title: 'Customer-managed IAM policies do not grant all actions of a service',
  severity: 'medium',
  resourceType: 'AWS::IAM::Policy',
  citations: ['164.308(a)(4)(i)', '164.308(a)(4)(ii)(B)', '164.312(a)(1)'],
  risk: 'A service wildcard such as "s3:*" or "kms:*" includes deleting, re-permissioning and exfiltrating ePHI along with the few actions a job needs.',
  remediation: {
    text: 'IAM console → Policies → policy → Edit: replace each "service:*" with the actions the workload uses (prefix wildcards such as "s3:Get*" are acceptable), then save as the default version.',
    cli: 'aws iam create-policy-version --policy-arn POLICY_ARN --policy-document file://scoped.json --set-as-default',
    terraform:
      'data "aws_iam_policy_document" "reader" {\n  statement {\n    actions   = ["s3:GetObject", "s3:ListBucket"]\n    resources = [aws_s3_bucket.phi.arn, format("%s/*", aws_s3_bucket.phi.arn)]\n  }\n}',
  },
  evaluate(snapshot) {
    return managedPolicyResults(check, snapshot, 'customer', fullServiceAccess, {
      fail: 'Grants all actions of a service',
      pass: 'No statement grants all actions of a service',
    });
  },
};
