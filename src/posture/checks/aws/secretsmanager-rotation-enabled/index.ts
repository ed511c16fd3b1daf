/**
 * Secrets Manager secrets have automatic rotation turned on: AWS Config
 * `SECRETSMANAGER_ROTATION_ENABLED_CHECK` (without its optional maximumAllowedRotationFrequency;
 * secretsmanager-rotated-within judges the interval) and Prowler
 * `secretsmanager_automatic_rotation_enabled`. ListSecrets leaves `RotationEnabled` out for
 * secrets never configured for rotation, so in our collector's items (`source: aws-sdk`) absent
 * reads as off; from another source (an AWS Config file) absent is unread: an error.
 */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { unreadable } from '../_shared/util.js';

export const check: PostureCheck = {
  id: 'secretsmanager-rotation-enabled',
  provider: 'aws',
  title: 'Secrets Manager secrets rotate automatically',
  severity: 'medium',
  resourceType: 'AWS::SecretsManager::Secret',
  citations: ['164.308(a)(5)(ii)(D)'],
  risk: 'A secret that never rotates stays valid for as long as anyone who ever saw it — a departed engineer, a leaked log, a copied .env file — can use it against systems holding ePHI.',
  remediation: {
    text: 'Secrets Manager console → secret → Rotation → Edit rotation → turn on automatic rotation, choose the schedule (e.g. every 30 days) and a rotation function (managed rotation for RDS, Redshift and DocumentDB credentials).',
    cli: 'aws secretsmanager rotate-secret --secret-id SECRET_ARN --rotation-lambda-arn FUNCTION_ARN --rotation-rules AutomaticallyAfterDays=30',
    terraform:
      'resource "aws_secretsmanager_secret_rotation" "this" {\n  secret_id           = aws_secretsmanager_secret.this.id\n  rotation_lambda_arn = aws_lambda_function.rotate.arn\n  rotation_rules {\n    automatically_after_days = 30\n  }\n}',
  },
  evaluate(snapshot) {
    return resourcesOf(snapshot, 'AWS::SecretsManager::Secret').map((s) => {
      if (s.configuration.rotationEnabled === undefined && s.source !== 'aws-sdk')
        return unreadable(check, snapshot, s, 'secretsmanager', 'rotationEnabled');
      const enabled = s.configuration.rotationEnabled === true;
      const evidence = {
        rotationEnabled: enabled,
        rotationRules: s.configuration.rotationRules ?? null,
        owningService: s.configuration.owningService ?? null,
      };
      return enabled
        ? result(check, s, 'pass', 'Automatic rotation is on', evidence)
        : result(check, s, 'fail', 'Automatic rotation is off', evidence);
    });
  },
};
