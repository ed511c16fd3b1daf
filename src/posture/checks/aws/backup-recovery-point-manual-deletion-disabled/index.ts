/**
 * Recovery points cannot be deleted by hand: the vault's access policy denies everyone
 * `backup:DeleteRecoveryPoint`, `backup:UpdateRecoveryPointLifecycle` (shortening retention is
 * deleting later) and `backup:PutBackupVaultAccessPolicy` (removing the deny), or the vault is
 * under AWS Backup Vault Lock in compliance mode (a lock date in the past: no one, root included,
 * can delete before the retention ends).
 *
 * Anchor: AWS Config `BACKUP_RECOVERY_POINT_MANUAL_DELETION_DISABLED`, which needs the same three
 * actions denied and lets principals be exempted (`principalArnList`). We judge the vault, once,
 * rather than each recovery point: the policy is the vault's, and one result per recovery point
 * would repeat the same finding thousands of times. Vaults without recovery points are skipped, as
 * Config has nothing to judge there. A Deny whose Condition exempts principals (a break-glass
 * role) counts, matching Config's exemption list. Vault Lock in compliance mode also passes, which
 * Config does not read.
 */
import { listingErrors, type PostureCheck, resourcesOf, result } from '../../../check.js';
import { num, str } from '../../../read.js';
import { isPublicPrincipal, statements } from '../_shared/policy.js';
import { arr, has } from '../_shared/util.js';
import { unreadableBy } from '../_stores/util.js';

const TYPE = 'AWS::Backup::BackupVault';
export const PROTECTED_ACTIONS = [
  'backup:DeleteRecoveryPoint',
  'backup:UpdateRecoveryPointLifecycle',
  'backup:PutBackupVaultAccessPolicy',
] as const;

// IAM action patterns: case-insensitive, `*` and `?` wildcards (IAM User Guide, "Action").
function actionMatches(pattern: string, action: string): boolean {
  const re = pattern
    .split('')
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${re}$`, 'i').test(action);
}

const strings = (v: unknown): string[] => arr(v).filter((x): x is string => typeof x === 'string');

/** The protected actions an access policy denies to everyone. */
export function deniedActions(policy: unknown): string[] {
  const denied = new Set<string>();
  for (const s of statements(policy) ?? []) {
    if (s.Effect !== 'Deny' || !isPublicPrincipal(s.Principal)) continue;
    const notActions = strings((s as { NotAction?: unknown }).NotAction);
    for (const action of PROTECTED_ACTIONS) {
      const covered =
        s.Action !== undefined
          ? strings(s.Action).some((p) => actionMatches(p, action))
          : notActions.length > 0 && !notActions.some((p) => actionMatches(p, action));
      if (covered) denied.add(action);
    }
  }
  return PROTECTED_ACTIONS.filter((a) => denied.has(a));
}

export const check: PostureCheck = {
  id: 'backup-recovery-point-manual-deletion-disabled',
  provider: 'aws',
  title: 'Backup vaults holding recovery points deny their manual deletion',
  severity: 'high',
  resourceType: TYPE,
  citations: ['164.308(a)(7)(ii)(A)', '164.312(c)(1)'],
  risk: 'Anyone with backup permissions, or an attacker holding their credentials, can delete or shorten the retention of ePHI backups, often just before ransomware strikes the source.',
  remediation: {
    text: 'AWS Backup console → Backup vaults → vault → Access policy → Edit: add a Deny for Principal "*" on backup:DeleteRecoveryPoint, backup:UpdateRecoveryPointLifecycle and backup:PutBackupVaultAccessPolicy (exempt a break-glass role with a Condition if needed); or apply Vault Lock in compliance mode.',
    cli: 'aws backup put-backup-vault-access-policy --backup-vault-name VAULT --policy \'{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":{"AWS":"*"},"Action":["backup:DeleteRecoveryPoint","backup:UpdateRecoveryPointLifecycle","backup:PutBackupVaultAccessPolicy"],"Resource":"*"}]}\'',
    terraform:
      'resource "aws_backup_vault_policy" "phi" {\n  backup_vault_name = aws_backup_vault.phi.name\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Effect    = "Deny"\n      Principal = { AWS = "*" }\n      Action    = ["backup:DeleteRecoveryPoint", "backup:UpdateRecoveryPointLifecycle", "backup:PutBackupVaultAccessPolicy"]\n      Resource  = "*"\n    }]\n  })\n}',
  },
  evaluate(snapshot) {
    const now = Date.parse(snapshot.collectedAt);
    const vaults = resourcesOf(snapshot, TYPE).flatMap((v) => {
      if (num(v.configuration.numberOfRecoveryPoints) === 0) return [];
      const lockDate = str(v.configuration.lockDate);
      const compliance =
        v.configuration.locked === true && lockDate !== undefined && Date.parse(lockDate) <= now;
      const base = {
        numberOfRecoveryPoints: v.configuration.numberOfRecoveryPoints ?? null,
        locked: v.configuration.locked ?? null,
        lockDate: lockDate ?? null,
      };
      if (compliance)
        return [
          result(check, v, 'pass', 'Vault Lock in compliance mode prevents deleting recovery points.', base),
        ];
      if (!has(v, 'accessPolicy'))
        return [
          unreadableBy(check, snapshot, v, 'backup', 'GetBackupVaultAccessPolicy', 'vault access policy'),
        ];
      const policy = v.supplementary.accessPolicy;
      if (policy === null)
        return [
          result(check, v, 'fail', 'The vault has no access policy denying deletion of recovery points.', {
            ...base,
            deniedActions: [],
          }),
        ];
      if (statements(policy) === undefined)
        return [result(check, v, 'error', 'The vault access policy could not be parsed.', base)];
      const denied = deniedActions(policy);
      const missing = PROTECTED_ACTIONS.filter((a) => !denied.includes(a));
      const evidence = { ...base, deniedActions: denied, missing };
      return missing.length === 0
        ? [
            result(
              check,
              v,
              'pass',
              'The vault access policy denies everyone deleting recovery points.',
              evidence,
            ),
          ]
        : [
            result(
              check,
              v,
              'fail',
              `The vault access policy does not deny ${missing.join(', ')} to everyone.`,
              evidence,
            ),
          ];
    });
    return [...vaults, ...listingErrors(check, snapshot, 'backup', ['ListBackupVaults'], 'backup-vault:*')];
  },
};
