/**
 * Encryption scopes of PHI storage accounts use customer-managed keys (Storage 2023-01-01
 * "Encryption Scopes - List", read into `supplementary.encryptionScopes`: `properties.source`
 * Microsoft.Storage | Microsoft.KeyVault, `state` Enabled | Disabled). Seed pattern #2 of the
 * founding documents, which no HIPAA anchor checks; Azure Policy has it outside its HIPAA set
 * ("Storage account encryption scopes should use customer-managed keys to encrypt data at rest").
 * A container or blob written with a Microsoft-managed scope is not under the organisation's key
 * even when the account itself uses a CMK (`storage-cmk-encryption-phi` judges the account).
 *
 * Judged: every Enabled scope must use Microsoft.KeyVault; Disabled scopes cannot encrypt new data
 * and are ignored. Double encryption (`requireInfrastructureEncryption`, Azure Policy "…should use
 * double encryption…") is evidence only: the account-level flag covers every scope and is judged by
 * `storage-infrastructure-encryption`. No scope at all passes: blobs then use the account key.
 */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import {
  ARM,
  hasBlobService,
  itemProps,
  lookupList,
  lookupMissing,
  obj,
  phiOf,
  str,
} from '../_shared/arm.js';

export const check: PostureCheck = {
  id: 'storage-encryption-scopes-phi',
  provider: 'azure',
  title: 'Encryption scopes of PHI storage accounts use customer-managed keys',
  severity: 'medium',
  resourceType: ARM.storageAccount,
  citations: ['164.312(a)(2)(iv)', '164.310(d)(1)'],
  risk: 'Blobs written with a Microsoft-managed encryption scope escape the customer-managed key: revoking the key does not cut access to that ePHI, and its key custody cannot be shown.',
  remediation: {
    text: 'Portal: Storage account → Security + networking → Encryption → Encryption scopes → + Add → "Customer-managed keys" (Key Vault key, infrastructure encryption on) → Create; move containers to the new scope (default encryption scope) and disable the Microsoft-managed one.',
    cli: 'az storage account encryption-scope create --account-name <account> --resource-group <rg> --name <scope> --key-source Microsoft.KeyVault --key-uri https://<vault>.vault.azure.net/keys/<key> --require-infrastructure-encryption true\naz storage account encryption-scope update --account-name <account> --resource-group <rg> --name <old-scope> --state Disabled',
    terraform:
      'resource "azurerm_storage_encryption_scope" "phi" {\n  name                               = "phi-cmk"\n  storage_account_id                 = azurerm_storage_account.phi.id\n  source                             = "Microsoft.KeyVault"\n  key_vault_key_id                   = azurerm_key_vault_key.phi.id\n  infrastructure_encryption_required = true\n}',
    url: 'https://learn.microsoft.com/azure/storage/blobs/encryption-scope-manage',
  },
  evaluate(snapshot) {
    return resourcesOf(snapshot, ARM.storageAccount).flatMap((r) => {
      const phi = phiOf(r);
      if (!phi.phi || !hasBlobService(r)) return [];
      const scopes = lookupList(r, 'encryptionScopes');
      if (scopes === undefined) {
        const reason = lookupMissing(snapshot, r, 'encryptionScopes', 'Microsoft.Storage');
        return [
          result(check, r, 'error', `Encryption scopes could not be read: ${reason}`, { reason, ...phi }),
        ];
      }
      const accountDouble = obj(r.configuration.encryption).requireInfrastructureEncryption === true;
      const read = scopes.map((s) => {
        const p = itemProps(s);
        return {
          name: str(obj(s).name) ?? '?',
          source: str(p.source) ?? null,
          state: str(p.state) ?? null,
          requireInfrastructureEncryption: p.requireInfrastructureEncryption === true || accountDouble,
        };
      });
      const enabled = read.filter((s) => s.state?.toLowerCase() !== 'disabled');
      const microsoft = enabled.filter((s) => s.source?.toLowerCase() !== 'microsoft.keyvault');
      const evidence = { encryptionScopes: read, ...phi };
      if (enabled.length === 0) {
        return [
          result(
            check,
            r,
            'pass',
            'No enabled encryption scope: blobs use the account encryption.',
            evidence,
          ),
        ];
      }
      return [
        microsoft.length === 0
          ? result(
              check,
              r,
              'pass',
              `${enabled.length} enabled scope(s), all with customer-managed keys.`,
              evidence,
            )
          : result(
              check,
              r,
              'fail',
              `Scope(s) ${microsoft.map((s) => `${s.name} (${s.source ?? 'source unknown'})`).join(', ')} do not use a customer-managed key.`,
              evidence,
            ),
      ];
    });
  },
};
