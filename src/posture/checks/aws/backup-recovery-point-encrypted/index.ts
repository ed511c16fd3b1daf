/**
 * AWS Backup recovery points are encrypted. Recovery points of services AWS Backup fully manages
 * (EFS, DynamoDB with advanced features, S3…) take the vault's key. Others (EBS and RDS
 * snapshots) keep the source's encryption, so an unencrypted volume leaves an unencrypted
 * backup. Anchor: AWS Config `BACKUP_RECOVERY_POINT_ENCRYPTED`, every recovery point.
 *
 * The collector reads at most a bounded number of recovery points per vault
 * (`recoveryPointsTruncated`). A vault whose listing was cut, or could not be read, gives one
 * `error` for the recovery points not seen.
 */
import { listingErrors, operationGap, type PostureCheck, resourcesOf, result } from '../../../check.js';
import { num } from '../../../read.js';
import { has } from '../_shared/util.js';
import { unreadableBy } from '../_stores/util.js';

const TYPE = 'AWS::Backup::RecoveryPoint';

export const check: PostureCheck = {
  id: 'backup-recovery-point-encrypted',
  provider: 'aws',
  title: 'AWS Backup recovery points are encrypted',
  severity: 'high',
  resourceType: TYPE,
  citations: ['164.312(a)(2)(iv)', '164.310(d)(2)(iv)'],
  risk: 'An unencrypted backup of ePHI is readable by anyone who can copy or restore it, however well the source is protected.',
  remediation: {
    text: 'Encrypt the source (EBS volume, RDS instance) and take a new backup; for an existing unencrypted snapshot, copy it with encryption (EC2 or RDS console → snapshot → Copy → Encryption) and delete the unencrypted recovery point once the copy is in the vault.',
    cli: 'aws ec2 copy-snapshot --source-region REGION --source-snapshot-id SNAPSHOT_ID --encrypted --kms-key-id arn:aws:kms:REGION:ACCOUNT:key/KEY_ID\naws backup delete-recovery-point --backup-vault-name VAULT --recovery-point-arn RECOVERY_POINT_ARN',
    terraform:
      'resource "aws_ebs_volume" "data" {\n  availability_zone = var.az\n  size              = 80\n  encrypted         = true\n  kms_key_id        = aws_kms_key.phi.arn\n}',
  },
  evaluate(snapshot) {
    const points = resourcesOf(snapshot, TYPE).map((p) => {
      const encrypted = p.configuration.isEncrypted;
      if (typeof encrypted !== 'boolean')
        return unreadableBy(
          check,
          snapshot,
          p,
          'backup',
          'ListRecoveryPointsByBackupVault',
          'encryption status',
        );
      const evidence = {
        isEncrypted: encrypted,
        encryptionKeyArn: p.configuration.encryptionKeyArn ?? null,
        resourceArn: p.configuration.resourceArn ?? null,
        resourceType: p.configuration.resourceType ?? null,
        backupVaultName: p.configuration.backupVaultName ?? null,
      };
      return encrypted
        ? result(check, p, 'pass', 'The recovery point is encrypted.', evidence)
        : result(check, p, 'fail', 'The recovery point is not encrypted.', evidence);
    });
    // Vaults holding recovery points we did not see: the listing was cut or denied.
    const unseen = resourcesOf(snapshot, 'AWS::Backup::BackupVault').flatMap((v) => {
      if (num(v.configuration.numberOfRecoveryPoints) === 0) return [];
      if (v.supplementary.recoveryPointsTruncated === true) {
        const listed = num(v.supplementary.recoveryPointsListed) ?? 0;
        const message = `Only the first ${listed} recovery points of the vault were read; the others were not evaluated.`;
        return [result(check, v, 'error', message, { recoveryPointsListed: listed })];
      }
      if (has(v, 'recoveryPointsTruncated')) return [];
      const gap = operationGap(snapshot, 'backup', ['ListRecoveryPointsByBackupVault'], v.account, v.region);
      const why = gap === undefined ? 'were not in the snapshot' : `could not be read (${gap})`;
      return [
        result(check, v, 'error', `The vault's recovery points ${why}.`, gap === undefined ? {} : { gap }),
      ];
    });
    return [
      ...points,
      ...unseen,
      ...listingErrors(check, snapshot, 'backup', ['ListBackupVaults'], 'backup-vault:*'),
    ];
  },
};
