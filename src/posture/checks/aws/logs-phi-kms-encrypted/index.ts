/**
 * PHI log groups are encrypted with a customer-managed KMS key. CloudWatch Logs always encrypts
 * at rest with a service key; a KMS key adds a separately granted, logged and revocable
 * kms:Decrypt permission in front of logs that may carry ePHI.
 */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { logGroupScope } from '../_shared/log-scope.js';

export const check: PostureCheck = {
  id: 'logs-phi-kms-encrypted',
  provider: 'aws',
  title: 'CloudWatch log groups holding PHI are encrypted with a KMS key',
  severity: 'medium',
  resourceType: 'AWS::Logs::LogGroup',
  citations: ['164.312(a)(2)(iv)', '164.312(b)'],
  risk: 'Application logs routinely capture identifiers and clinical data; with only service-managed encryption anyone with logs:GetLogEvents reads them.',
  remediation: {
    text: 'Give the key policy to logs.REGION.amazonaws.com, then CloudWatch console → log group → Actions → Edit → KMS key ARN (applies to new events).',
    cli: 'aws logs associate-kms-key --log-group-name GROUP --kms-key-id KEY_ARN',
    terraform:
      'resource "aws_cloudwatch_log_group" "app" {\n  name       = "/ehr/app"\n  kms_key_id = aws_kms_key.logs.arn\n}',
  },
  evaluate(snapshot) {
    return resourcesOf(snapshot, 'AWS::Logs::LogGroup').flatMap((g) => {
      const scope = logGroupScope(snapshot, g);
      if (scope.phi === 'unknown')
        return [result(check, g, 'error', `PHI classification unknown: ${scope.reason}`)];
      if (!scope.phi) return [];
      const key = g.configuration.kmsKeyId;
      const evidence = { kmsKeyId: key ?? null, phi: scope.source };
      return typeof key === 'string' && key !== ''
        ? [result(check, g, 'pass', 'Encrypted with a KMS key', evidence)]
        : [result(check, g, 'fail', 'PHI log group has no KMS key', evidence)];
    });
  },
};
