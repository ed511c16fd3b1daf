/**
 * Anonymous blob access allowed on a storage account (Storage 2023-05-01
 * `StorageAccountProperties.allowBlobPublicAccess`; Prowler `storage_blob_public_access_level_is_disabled`,
 * Azure Policy "Storage account public access should be disallowed"). The account setting is the
 * ceiling: with it false no container can be made public. Critical on PHI-tagged accounts.
 */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { ARM, phiOf } from '../_shared/arm.js';

export const check: PostureCheck = {
  id: 'storage-public-blob-access',
  provider: 'azure',
  title: 'Storage accounts disallow anonymous (public) blob access',
  severity: 'high',
  resourceType: ARM.storageAccount,
  citations: ['164.308(a)(3)(i)', '164.308(a)(4)(i)', '164.312(a)(1)'],
  risk: 'With allowBlobPublicAccess true any container can be switched to anonymous read, exposing ePHI to anyone with the URL (an impermissible disclosure and a reportable breach).',
  remediation: {
    text: 'Portal: Storage account → Settings → Configuration → "Allow Blob anonymous access" → Disabled → Save. Check first that no application relies on anonymous reads.',
    cli: 'az storage account update --name <account> --resource-group <rg> --allow-blob-public-access false',
    terraform:
      'resource "azurerm_storage_account" "phi" {\n  # ...\n  allow_nested_items_to_be_public = false\n}',
    url: 'https://learn.microsoft.com/azure/storage/blobs/anonymous-read-access-prevent',
  },
  evaluate(snapshot) {
    return resourcesOf(snapshot, ARM.storageAccount).map((r) => {
      const v = r.configuration.allowBlobPublicAccess;
      const { phi, phiSource } = phiOf(r);
      const evidence = { allowBlobPublicAccess: v ?? null, phi, phiSource };
      if (v === false) return result(check, r, 'pass', 'Anonymous blob access is disallowed.', evidence);
      if (v === true) {
        return result(
          check,
          r,
          'fail',
          phi
            ? 'Anonymous blob access is allowed on a PHI-tagged account (critical).'
            : 'Anonymous blob access is allowed.',
          { ...evidence, effectiveSeverity: phi ? 'critical' : check.severity },
        );
      }
      // Accounts created before the 2023 default change may omit it, and then anonymous access is
      // allowed per container: the snapshot alone cannot say whether any container is public.
      return result(
        check,
        r,
        'manual',
        'allowBlobPublicAccess is not set; review container access levels or set it to false.',
        evidence,
      );
    });
  },
};
