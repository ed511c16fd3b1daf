/**
 * DynamoDB tables holding PHI are encrypted with a customer-managed KMS key. Every table is
 * encrypted at rest; the question is with whose key. The AWS owned key (DynamoDB's default, no
 * `sSEDescription`) and the AWS managed key `aws/dynamodb` have key policies the customer cannot
 * change or audit per table. A customer-managed key lets the organisation restrict who may decrypt
 * the table, see every use in CloudTrail, and revoke access by disabling the key.
 *
 * Anchors: Prowler `dynamodb_tables_kms_cmk_encryption_enabled` and AWS Config
 * `DYNAMODB_TABLE_ENCRYPTED_KMS` (not in the HIPAA pack). Both pass any KMS key, the AWS managed
 * one included. Ours is stricter (the AWS managed key fails) and narrower (PHI-tagged tables
 * only). The key's manager is read from the KMS key in the snapshot. A key of another account is
 * customer-managed by necessity, since AWS managed keys cannot be used across accounts.
 */

import { classifyPhi } from '../../../../core/phi.js';
import { listingErrors, operationGap, type PostureCheck, resourcesOf, result } from '../../../check.js';
import { record, str } from '../../../read.js';
import { missingReason } from '../_shared/util.js';
import { unreadableBy } from '../_stores/util.js';

const TYPE = 'AWS::DynamoDB::Table';

// Config items have been seen spelling the SSE members both ways; read either.
function sse(configuration: Record<string, unknown>) {
  const d = record(configuration.sSEDescription) ?? record(configuration.sseDescription);
  if (d === undefined) return undefined;
  return {
    status: str(d.status),
    type: str(d.sSEType) ?? str(d.sseType),
    key: str(d.kMSMasterKeyArn) ?? str(d.kmsMasterKeyArn),
  };
}

export const check: PostureCheck = {
  id: 'dynamodb-kms-cmk-phi',
  provider: 'aws',
  title: 'DynamoDB tables holding PHI are encrypted with a customer-managed KMS key',
  severity: 'high',
  resourceType: TYPE,
  citations: ['164.312(a)(2)(iv)', '164.312(a)(1)'],
  risk: 'With an AWS owned or AWS managed key, anyone the IAM policies let read the table can decrypt the ePHI; there is no key policy of our own to narrow, audit or revoke that access.',
  remediation: {
    text: 'DynamoDB console → Tables → table → Additional settings → Encryption → Manage encryption → "Stored in your account, and owned and managed by you" → choose a customer-managed KMS key.',
    cli: 'aws dynamodb update-table --table-name TABLE --sse-specification Enabled=true,SSEType=KMS,KMSMasterKeyId=arn:aws:kms:REGION:ACCOUNT:key/KEY_ID',
    terraform:
      'resource "aws_dynamodb_table" "patients" {\n  # …\n  server_side_encryption {\n    enabled     = true\n    kms_key_arn = aws_kms_key.phi.arn\n  }\n}',
  },
  evaluate(snapshot) {
    const keys = new Map(resourcesOf(snapshot, 'AWS::KMS::Key').map((k) => [k.id, k]));
    const tables = resourcesOf(snapshot, TYPE).flatMap((t) => {
      const tagsGap = operationGap(snapshot, 'dynamodb', ['ListTagsOfResource'], t.account, t.region);
      const phi = classifyPhi(t.tags);
      if (!phi.phi && tagsGap !== undefined)
        return [
          result(check, t, 'error', `PHI classification unknown: tags could not be read (${tagsGap}).`),
        ];
      if (!phi.phi) return [];
      if (str(t.configuration.tableStatus) === undefined)
        return [unreadableBy(check, snapshot, t, 'dynamodb', 'DescribeTable', 'table description')];
      const enc = sse(t.configuration);
      const evidence = {
        phi: phi.source,
        sseStatus: enc?.status ?? null,
        sseType: enc?.type ?? null,
        kmsMasterKeyArn: enc?.key ?? null,
      };
      // No SSEDescription, or SSE switched off: the AWS owned key.
      if (
        enc === undefined ||
        enc.status === 'DISABLED' ||
        enc.status === 'DISABLING' ||
        enc.key === undefined
      )
        return [result(check, t, 'fail', 'The table is encrypted with the AWS owned key.', evidence)];
      const keyAccount = enc.key.split(':')[4];
      if (keyAccount !== undefined && keyAccount !== t.account)
        return [
          result(
            check,
            t,
            'pass',
            'The table is encrypted with a KMS key of another account (customer-managed).',
            {
              ...evidence,
              keyManager: 'CUSTOMER',
            },
          ),
        ];
      const manager = str(keys.get(enc.key)?.configuration.keyManager);
      if (manager === undefined)
        return [
          result(
            check,
            t,
            'error',
            `Key manager unknown: ${missingReason(snapshot, t, 'kms', `KMS key ${enc.key}`)}.`,
            evidence,
          ),
        ];
      const ev = { ...evidence, keyManager: manager };
      return manager === 'CUSTOMER'
        ? [result(check, t, 'pass', 'The table is encrypted with a customer-managed KMS key.', ev)]
        : [result(check, t, 'fail', 'The table is encrypted with the AWS managed key aws/dynamodb.', ev)];
    });
    return [...tables, ...listingErrors(check, snapshot, 'dynamodb', ['ListTables'], 'table/*')];
  },
};
