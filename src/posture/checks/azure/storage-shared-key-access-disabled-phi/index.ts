/**
 * PHI storage accounts refuse Shared Key authorization (Storage 2023-05-01 `allowSharedKeyAccess`:
 * "If false, then all requests, including shared access signatures, must be authorized with Azure
 * Active Directory. The default value is null, which is equivalent to true."; Azure Policy "Storage
 * accounts should prevent shared key access", Prowler `storage_account_key_access_disabled`, which
 * Prowler does not map to HIPAA). Unset fails like `true`. Only PHI-tagged accounts.
 */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { ARM, phiOf } from '../_shared/arm.js';

export const check: PostureCheck = {
  id: 'storage-shared-key-access-disabled-phi',
  provider: 'azure',
  title: 'PHI storage accounts disable Shared Key access',
  severity: 'high',
  resourceType: ARM.storageAccount,
  citations: ['164.312(a)(2)(i)', '164.312(d)', '164.312(a)(1)'],
  risk: 'An account key (or a SAS signed with it) grants full access to every blob of ePHI without identifying who used it; keys leak through scripts and connection strings and are rarely rotated.',
  remediation: {
    text: 'Portal: Storage account → Settings → Configuration → "Allow storage account key access" → Disabled → Save, after moving clients to Microsoft Entra ID (managed identities, user delegation SAS).',
    cli: 'az storage account update --name <account> --resource-group <rg> --allow-shared-key-access false',
    terraform: 'resource "azurerm_storage_account" "phi" {\n  # ...\n  shared_access_key_enabled = false\n}',
    url: 'https://learn.microsoft.com/azure/storage/common/shared-key-authorization-prevent',
  },
  evaluate(snapshot) {
    return resourcesOf(snapshot, ARM.storageAccount).flatMap((r) => {
      const phi = phiOf(r);
      if (!phi.phi) return [];
      const allow = r.configuration.allowSharedKeyAccess;
      const evidence = { allowSharedKeyAccess: allow ?? null, ...phi };
      return [
        allow === false
          ? result(check, r, 'pass', 'Shared Key access is disabled.', evidence)
          : result(
              check,
              r,
              'fail',
              allow === true
                ? 'Shared Key access is allowed.'
                : 'allowSharedKeyAccess is not set, which Azure treats as allowed.',
              evidence,
            ),
      ];
    });
  },
};
