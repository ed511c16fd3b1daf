/**
 * Secrets tagged PHI are encrypted with a customer-managed KMS key: AWS Config
 * `SECRETSMANAGER_USING_CMK` (NON_COMPLIANT when the AWS managed key aws/secretsmanager encrypts
 * the secret), narrowed to PHI-tagged secrets (core/phi.ts) — the pack judges every secret.
 *
 * ListSecrets omits `KmsKeyId` when aws/secretsmanager is used, so absent means the AWS managed
 * key. A key given as the `alias/aws/secretsmanager` alias, or whose KMS key in the snapshot says
 * `keyManager: AWS`, fails too. A customer key only lets principals its key policy names decrypt
 * the secret, and every decryption is logged against that key.
 */
import type { CloudResource, CloudSnapshot } from '../../../../core/cloud.js';
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { str } from '../../../read.js';
import { phiScope } from '../_shared/util.js';

const AWS_MANAGED_ALIAS = 'alias/aws/secretsmanager';

// The KMS key a secret names (key ARN, key id or alias ARN), if the snapshot has it.
function keyOf(snapshot: CloudSnapshot, s: CloudResource, keyId: string): CloudResource | undefined {
  return resourcesOf(snapshot, 'AWS::KMS::Key').find(
    (k) =>
      k.account === s.account &&
      (k.id === keyId ||
        k.configuration.keyId === keyId ||
        (Array.isArray(k.supplementary.aliases) &&
          k.supplementary.aliases.some((a) => keyId.endsWith(`:${a}`)))),
  );
}

export const check: PostureCheck = {
  id: 'secretsmanager-cmk-phi',
  provider: 'aws',
  title: 'PHI-tagged secrets are encrypted with a customer-managed KMS key',
  severity: 'medium',
  resourceType: 'AWS::SecretsManager::Secret',
  citations: ['164.312(a)(2)(iv)', '164.312(a)(1)'],
  risk: 'With the AWS managed key anyone allowed secretsmanager:GetSecretValue in the account can decrypt the credential to PHI systems; a customer key adds a key policy you control, can be disabled in an incident, and logs each use.',
  remediation: {
    text: "Create a customer-managed KMS key whose policy grants only the secret's readers, then Secrets Manager console → secret → Edit encryption key → choose it (existing versions are re-encrypted at the next rotation or value update).",
    cli: 'aws secretsmanager update-secret --secret-id SECRET_ARN --kms-key-id KEY_ARN',
    terraform:
      'resource "aws_secretsmanager_secret" "phi" {\n  name       = "prod/ehr/db-password"\n  kms_key_id = aws_kms_key.secrets.arn\n  tags       = { PHI = "true" }\n}',
  },
  evaluate(snapshot) {
    return resourcesOf(snapshot, 'AWS::SecretsManager::Secret').flatMap((s) => {
      const scope = phiScope(snapshot, s, 'secretsmanager');
      if (scope.phi !== true) return [];
      const keyId = str(s.configuration.kmsKeyId);
      const key = keyId === undefined ? undefined : keyOf(snapshot, s, keyId);
      const evidence = {
        kmsKeyId: keyId ?? null,
        keyManager: key?.configuration.keyManager ?? null,
        phi: scope.source,
      };
      if (keyId === undefined)
        return [result(check, s, 'fail', 'Encrypted with the AWS managed key aws/secretsmanager', evidence)];
      if (keyId.endsWith(AWS_MANAGED_ALIAS) || key?.configuration.keyManager === 'AWS')
        return [result(check, s, 'fail', 'Encrypted with an AWS managed key', evidence)];
      return [result(check, s, 'pass', 'Encrypted with a customer-managed KMS key', evidence)];
    });
  },
};
