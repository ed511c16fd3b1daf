/**
 * Storage accounts default the Azure portal to Microsoft Entra authorization (Storage 2023-05-01
 * `defaultToOAuthAuthentication`, default false; Prowler
 * `storage_default_to_entra_authorization_enabled`). With it, people browsing data in the portal
 * act as themselves (RBAC, audit logs with their identity) instead of with the account key.
 * Unset fails like `false`. Every account is evaluated, as Prowler does.
 */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { ARM, phiOf } from '../_shared/arm.js';

export const check: PostureCheck = {
  id: 'storage-default-to-entra-auth',
  provider: 'azure',
  title: 'Storage accounts default to Microsoft Entra authorization in the portal',
  severity: 'low',
  resourceType: ARM.storageAccount,
  citations: ['164.312(a)(2)(i)', '164.312(b)'],
  risk: 'With key-based access as the portal default, reads of ePHI made through the portal are authorised by the shared account key and logged without the person’s identity.',
  remediation: {
    text: 'Portal: Storage account → Settings → Configuration → "Default to Microsoft Entra authorization in the Azure portal" → Enabled → Save.',
    cli: 'az storage account update --name <account> --resource-group <rg> --set defaultToOAuthAuthentication=true',
    terraform:
      'resource "azurerm_storage_account" "phi" {\n  # ...\n  default_to_oauth_authentication = true\n}',
    url: 'https://learn.microsoft.com/azure/storage/blobs/authorize-data-operations-portal#default-to-microsoft-entra-authorization-in-the-azure-portal',
  },
  evaluate(snapshot) {
    return resourcesOf(snapshot, ARM.storageAccount).map((r) => {
      const v = r.configuration.defaultToOAuthAuthentication;
      const evidence = { defaultToOAuthAuthentication: v ?? null, ...phiOf(r) };
      return v === true
        ? result(check, r, 'pass', 'The portal defaults to Microsoft Entra authorization.', evidence)
        : result(check, r, 'fail', 'The portal defaults to account-key authorization.', evidence);
    });
  },
};
