/**
 * Customer-managed symmetric KMS keys rotate their key material automatically. AWS-managed keys
 * rotate on their own (yearly) and are skipped; keys where KMS refuses rotation (asymmetric, HMAC,
 * imported material, custom key stores: `keyRotationStatus: null`) give no result.
 */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { has, obj, unreadable } from '../_shared/util.js';

export const check: PostureCheck = {
  id: 'kms-key-rotation',
  provider: 'aws',
  title: 'Customer-managed KMS keys have automatic rotation',
  severity: 'medium',
  resourceType: 'AWS::KMS::Key',
  citations: ['164.312(a)(2)(iv)', '164.312(e)(2)(ii)'],
  risk: 'Key material that never rotates widens the window in which a leaked or cryptanalysed key decrypts all ePHI it ever protected.',
  remediation: {
    text: 'KMS console → Customer managed keys → key → Key rotation → "Automatically rotate this KMS key" (period 90–2560 days, default 365).',
    cli: 'aws kms enable-key-rotation --key-id KEY_ID --rotation-period-in-days 365',
    terraform:
      'resource "aws_kms_key" "phi" {\n  description         = "PHI data key"\n  enable_key_rotation = true\n}',
  },
  evaluate(snapshot) {
    return resourcesOf(snapshot, 'AWS::KMS::Key').flatMap((k) => {
      const manager = k.configuration.keyManager;
      if (manager === 'AWS') return [];
      if (manager === undefined) return [unreadable(check, snapshot, k, 'kms', 'key metadata (DescribeKey)')];
      if (!has(k, 'keyRotationStatus')) return [unreadable(check, snapshot, k, 'kms', 'keyRotationStatus')];
      const status = obj(k.supplementary.keyRotationStatus);
      if (k.supplementary.keyRotationStatus === null || status === undefined) return [];
      const enabled = status.keyRotationEnabled === true;
      const evidence = {
        keyManager: manager,
        keySpec: k.configuration.keySpec ?? null,
        keyRotationEnabled: enabled,
        rotationPeriodInDays: status.rotationPeriodInDays ?? null,
      };
      return enabled
        ? [result(check, k, 'pass', 'Automatic rotation is enabled', evidence)]
        : [result(check, k, 'fail', 'Automatic rotation is disabled', evidence)];
    });
  },
};
