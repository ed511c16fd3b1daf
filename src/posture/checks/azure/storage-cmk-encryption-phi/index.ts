/**
 * Customer-managed keys on PHI storage accounts (Storage 2023-05-01 `encryption.keySource`:
 * `Microsoft.Storage` = Microsoft-managed keys, `Microsoft.Keyvault` = customer-managed; Prowler
 * `storage_ensure_encryption_with_customer_managed_keys`). Data is encrypted either way, so a
 * Microsoft-managed key is a medium finding: CMKs are required where the risk analysis says so.
 */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { ARM, obj, phiOf, str } from '../_shared/arm.js';

export const check: PostureCheck = {
  id: 'storage-cmk-encryption-phi',
  provider: 'azure',
  title: 'PHI storage accounts are encrypted with customer-managed keys',
  severity: 'medium',
  resourceType: ARM.storageAccount,
  citations: ['164.312(a)(2)(iv)', '164.310(d)(1)'],
  risk: 'With Microsoft-managed keys the organisation cannot revoke access to ePHI at rest by disabling its own key, nor show key custody and rotation to an auditor.',
  remediation: {
    text: 'Where required by your risk analysis: Portal: Storage account → Security + networking → Encryption → "Customer-managed keys" → select a Key Vault key (vault with purge protection) and a managed identity → Save.',
    cli: 'az storage account update --name <account> --resource-group <rg> --encryption-key-source Microsoft.Keyvault --encryption-key-vault https://<vault>.vault.azure.net --encryption-key-name <key> --identity-type SystemAssigned',
    terraform:
      'resource "azurerm_storage_account_customer_managed_key" "phi" {\n  storage_account_id = azurerm_storage_account.phi.id\n  key_vault_id       = azurerm_key_vault.phi.id\n  key_name           = azurerm_key_vault_key.phi.name\n}',
    url: 'https://learn.microsoft.com/azure/storage/common/customer-managed-keys-configure-existing-account',
  },
  evaluate(snapshot) {
    return resourcesOf(snapshot, ARM.storageAccount).flatMap((r) => {
      const phi = phiOf(r);
      if (!phi.phi) return [];
      const source = str(obj(r.configuration.encryption).keySource);
      const evidence = { 'encryption.keySource': source ?? null, ...phi };
      if (source?.toLowerCase() === 'microsoft.keyvault') {
        return [result(check, r, 'pass', 'Encrypted with a customer-managed key.', evidence)];
      }
      if (source?.toLowerCase() === 'microsoft.storage') {
        return [
          result(
            check,
            r,
            'fail',
            'Encrypted with Microsoft-managed keys; use a customer-managed key where required by your risk analysis.',
            evidence,
          ),
        ];
      }
      return [
        result(
          check,
          r,
          'manual',
          'encryption.keySource was not returned; check it in the portal.',
          evidence,
        ),
      ];
    });
  },
};
