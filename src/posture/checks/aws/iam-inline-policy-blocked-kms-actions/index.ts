/**
 * Inline policies of IAM users, roles and groups do not allow kms:Decrypt or kms:ReEncryptFrom on
 * all KMS keys (AWS Config IAM_INLINE_POLICY_BLOCKED_KMS_ACTIONS, pack patterns kms:*,
 * kms:Decrypt, kms:ReEncrypt*); evaluated as iam-customer-policy-blocked-kms-actions explains.
 * Service-linked roles are skipped: their policies are AWS's.
 */
import type { PostureCheck } from '../../../check.js';
import { blockedKmsActions } from '../_hardening/judges.js';
import { inlinePolicyResults } from '../_hardening/policy-verdicts.js';

export const check: PostureCheck = {
  id: 'iam-inline-policy-blocked-kms-actions',
  provider: 'aws',
  title: 'Inline IAM policies do not allow decrypting with every KMS key',
  severity: 'high',
  resourceType: 'AWS::IAM::Role',
  citations: ['164.312(a)(1)', '164.308(a)(4)(i)', '164.312(a)(2)(iv)'],
  risk: 'An inline grant of Decrypt on all keys lets that user, role or group read every encrypted ePHI store in the account, hidden in a policy nobody reviews centrally.',
  remediation: {
    text: 'IAM console → user/role/group → Permissions → inline policy → Edit: scope kms:Decrypt / kms:ReEncrypt* to the key ARNs needed; better, move the permission into a reviewed customer-managed policy and delete the inline one.',
    cli: 'aws iam put-role-policy --role-name ROLE --policy-name POLICY --policy-document file://scoped-kms.json',
    terraform:
      'resource "aws_iam_role_policy" "app" {\n  role   = aws_iam_role.app.id\n  policy = data.aws_iam_policy_document.scoped_kms.json\n}',
  },
  evaluate(snapshot) {
    return inlinePolicyResults(check, snapshot, blockedKmsActions, {
      fail: 'Inline policy allows a blocked KMS action on all keys',
      pass: 'No inline policy allows a blocked KMS action on all keys',
    });
  },
};
