/**
 * Purge protection on Key Vaults (KeyVault 2023-07-01 `VaultProperties.enablePurgeProtection`,
 * absent = off; Prowler `keyvault_recoverable`, Azure Policy "Key vaults should have deletion
 * protection enabled"). Once on it cannot be turned off.
 */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { ARM, phiOf } from '../_shared/arm.js';

export const check: PostureCheck = {
  id: 'keyvault-purge-protection',
  provider: 'azure',
  title: 'Key Vaults have purge protection enabled',
  severity: 'high',
  resourceType: ARM.keyVault,
  citations: ['164.308(a)(7)(ii)(A)', '164.312(a)(2)(ii)', '164.312(c)(1)'],
  risk: 'Without purge protection a deleted vault or key can be purged at once (by mistake or by an attacker), making data encrypted with those keys — including ePHI under CMK — unrecoverable.',
  remediation: {
    text: 'Portal: Key vault → Settings → Properties → "Purge protection" → Enable purge protection → Save (irreversible).',
    cli: 'az keyvault update --name <vault> --resource-group <rg> --enable-purge-protection true',
    terraform:
      'resource "azurerm_key_vault" "phi" {\n  # ...\n  purge_protection_enabled   = true\n  soft_delete_retention_days = 90\n}',
    url: 'https://learn.microsoft.com/azure/key-vault/general/soft-delete-overview',
  },
  evaluate(snapshot) {
    return resourcesOf(snapshot, ARM.keyVault).map((r) => {
      const v = r.configuration.enablePurgeProtection;
      const evidence = { enablePurgeProtection: v ?? null, ...phiOf(r) };
      return v === true
        ? result(check, r, 'pass', 'Purge protection is enabled.', evidence)
        : result(check, r, 'fail', 'Purge protection is not enabled.', evidence);
    });
  },
};
