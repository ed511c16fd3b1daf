/**
 * Soft delete on Key Vaults (KeyVault 2023-07-01 `enableSoftDelete`, "default value true";
 * `softDeleteRetentionInDays` 7–90). Since 2020 soft delete cannot be turned off on new vaults,
 * so an absent property is the default (on); only an explicit `false` (legacy vaults) fails.
 */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { ARM, phiOf } from '../_shared/arm.js';

export const check: PostureCheck = {
  id: 'keyvault-soft-delete',
  provider: 'azure',
  title: 'Key Vaults have soft delete enabled',
  severity: 'medium',
  resourceType: ARM.keyVault,
  citations: ['164.308(a)(7)(ii)(A)', '164.312(a)(2)(ii)', '164.312(c)(1)'],
  risk: 'Without soft delete, a deleted vault, key or secret is gone immediately, and data encrypted with it cannot be decrypted.',
  remediation: {
    text: 'Portal: Key vault → Settings → Properties → Soft-delete → Enable (retention 90 days) → Save.',
    cli: 'az keyvault update --name <vault> --resource-group <rg> --enable-soft-delete true --retention-days 90',
    terraform:
      'resource "azurerm_key_vault" "phi" {\n  # ...\n  soft_delete_retention_days = 90 # soft delete is always on in azurerm ≥ 3.0\n}',
    url: 'https://learn.microsoft.com/azure/key-vault/general/soft-delete-overview',
  },
  evaluate(snapshot) {
    return resourcesOf(snapshot, ARM.keyVault).map((r) => {
      const v = r.configuration.enableSoftDelete;
      const evidence = {
        enableSoftDelete: v ?? null,
        softDeleteRetentionInDays: r.configuration.softDeleteRetentionInDays ?? null,
        ...phiOf(r),
      };
      if (v === false) return result(check, r, 'fail', 'Soft delete is disabled.', evidence);
      return result(
        check,
        r,
        'pass',
        v === true
          ? 'Soft delete is enabled.'
          : 'enableSoftDelete is unset: on by default (the API default is true).',
        evidence,
      );
    });
  },
};
