/**
 * SNS topics are encrypted at rest with KMS: AWS Config `SNS_ENCRYPTED_KMS` (without its optional
 * kmsKeyIds list) and Prowler `sns_topics_kms_encryption_at_rest_enabled`. Any key counts,
 * alias/aws/sns included, as in both anchors. Notifications routinely carry identifiers and
 * clinical events, and SNS keeps messages on disk until delivered.
 *
 * GetTopicAttributes always answers `Owner` and `Policy`; a topic without `owner` was not read
 * (the call was denied) and is an error, never a fail for a missing key.
 */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { str } from '../../../read.js';
import { unreadable } from '../_shared/util.js';

export const check: PostureCheck = {
  id: 'sns-encrypted-kms',
  provider: 'aws',
  title: 'SNS topics are encrypted with KMS',
  severity: 'medium',
  resourceType: 'AWS::SNS::Topic',
  citations: ['164.312(a)(2)(iv)', '164.312(e)(2)(ii)'],
  risk: 'Without server-side encryption, messages waiting for delivery — alerts, event payloads with patient identifiers — sit unencrypted under SNS, readable outside any key policy you control.',
  remediation: {
    text: 'SNS console → Topics → topic → Edit → Encryption → Enable encryption, choose a customer-managed KMS key (or alias/aws/sns) whose policy lets publishers and subscribers use it.',
    cli: 'aws sns set-topic-attributes --topic-arn TOPIC_ARN --attribute-name KmsMasterKeyId --attribute-value KEY_ARN',
    terraform:
      'resource "aws_sns_topic" "alerts" {\n  name              = "ehr-alerts"\n  kms_master_key_id = aws_kms_key.sns.arn\n}',
  },
  evaluate(snapshot) {
    return resourcesOf(snapshot, 'AWS::SNS::Topic').map((t) => {
      if (t.configuration.owner === undefined)
        return unreadable(check, snapshot, t, 'sns', 'topic attributes (GetTopicAttributes)');
      const key = str(t.configuration.kmsMasterKeyId);
      const evidence = { kmsMasterKeyId: key ?? null };
      return key === undefined
        ? result(check, t, 'fail', 'Server-side encryption is off', evidence)
        : result(check, t, 'pass', 'Encrypted with a KMS key', evidence);
    });
  },
};
