/**
 * Customer-managed IAM policies do not allow kms:Decrypt or kms:ReEncryptFrom on all KMS keys
 * (AWS Config IAM_CUSTOMER_POLICY_BLOCKED_KMS_ACTIONS with the HIPAA pack's blockedActionsPatterns
 * kms:*, kms:Decrypt, kms:ReEncrypt*). Action wildcards are evaluated (`kms:*`, `kms:Re*`, `*`,
 * NotAction), and "all keys" means a Resource covering every key of the account in every region
 * (`*`, `arn:aws:kms:*:*:key/*`, …); one key or one region does not count. As in AWS Config,
 * conditions on the Allow are not evaluated; an unconditional Deny in the same policy cancels.
 * The default version is judged, attached or not.
 */
import type { PostureCheck } from '../../../check.js';
import { blockedKmsActions } from '../_hardening/judges.js';
import { managedPolicyResults } from '../_hardening/policy-verdicts.js';

export const check: PostureCheck = {
  id: 'iam-customer-policy-blocked-kms-actions',
  provider: 'aws',
  title: 'Customer-managed IAM policies do not allow decrypting with every KMS key',
  severity: 'high',
  resourceType: 'AWS::IAM::Policy',
  citations: ['164.312(a)(1)', '164.308(a)(4)(i)', '164.312(a)(2)(iv)'],
  risk: 'Decrypt on all keys lets every principal holding the policy read whatever any key protects — every encrypted ePHI store in the account — instead of the few keys its job needs.',
  remediation: {
    text: 'IAM console → Policies → policy → Edit: replace Resource "*" on kms:Decrypt / kms:ReEncrypt* with the ARNs of the keys the workload uses (or constrain with kms:ViaService and a key-policy grant), then save as the default version.',
    cli: 'aws iam create-policy-version --policy-arn POLICY_ARN --policy-document file://scoped-kms.json --set-as-default',
    terraform:
      'data "aws_iam_policy_document" "app" {\n  statement {\n    actions   = ["kms:Decrypt"]\n    resources = [aws_kms_key.app.arn]\n  }\n}',
  },
  evaluate(snapshot) {
    return managedPolicyResults(check, snapshot, 'customer', blockedKmsActions, {
      fail: 'Allows a blocked KMS action on all keys',
      pass: 'No blocked KMS action on all keys',
    });
  },
};
