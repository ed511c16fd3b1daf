/** CloudTrail trails encrypt log files with a KMS key (SSE-KMS). */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';

export const check: PostureCheck = {
  id: 'cloudtrail-kms-encrypted',
  provider: 'aws',
  title: 'CloudTrail logs are encrypted with a KMS key',
  severity: 'medium',
  resourceType: 'AWS::CloudTrail::Trail',
  citations: ['164.312(a)(2)(iv)', '164.312(b)', '164.308(a)(1)(ii)(B)'],
  risk: 'Trail logs reveal who touched which ePHI resource; with SSE-KMS reading them also needs kms:Decrypt, a separately granted and logged permission.',
  remediation: {
    text: 'CloudTrail console → trail → General details → Edit → Log file SSE-KMS encryption: Enabled, choose a customer-managed key whose policy allows CloudTrail.',
    cli: 'aws cloudtrail update-trail --name TRAIL --kms-key-id KEY_ARN',
    terraform: 'resource "aws_cloudtrail" "this" {\n  # …\n  kms_key_id = aws_kms_key.trail.arn\n}',
  },
  evaluate(snapshot) {
    return resourcesOf(snapshot, 'AWS::CloudTrail::Trail').map((t) => {
      const key = t.configuration.kmsKeyId;
      const evidence = { kmsKeyId: key ?? null };
      return typeof key === 'string' && key !== ''
        ? result(check, t, 'pass', 'Logs are encrypted with a KMS key', evidence)
        : result(check, t, 'fail', 'Logs use S3-managed encryption only (no KMS key)', evidence);
    });
  },
};
