/**
 * Secure transfer required (Storage 2023-05-01 `supportsHttpsTrafficOnly`; Prowler
 * `storage_secure_transfer_required_is_enabled`, Azure Policy "Secure transfer to storage accounts
 * should be enabled"): with it false the account accepts plain HTTP and unencrypted SMB.
 */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { ARM, phiOf } from '../_shared/arm.js';

export const check: PostureCheck = {
  id: 'storage-secure-transfer',
  provider: 'azure',
  title: 'Storage accounts require secure transfer (HTTPS only)',
  severity: 'high',
  resourceType: ARM.storageAccount,
  citations: ['164.312(e)(1)', '164.312(e)(2)(i)', '164.312(e)(2)(ii)'],
  risk: 'Requests over plain HTTP carry data and shared-key signatures in clear text, readable and alterable in transit.',
  remediation: {
    text: 'Portal: Storage account → Settings → Configuration → "Secure transfer required" → Enabled → Save.',
    cli: 'az storage account update --name <account> --resource-group <rg> --https-only true',
    terraform: 'resource "azurerm_storage_account" "phi" {\n  # ...\n  https_traffic_only_enabled = true\n}',
    url: 'https://learn.microsoft.com/azure/storage/common/storage-require-secure-transfer',
  },
  evaluate(snapshot) {
    return resourcesOf(snapshot, ARM.storageAccount).map((r) => {
      const v = r.configuration.supportsHttpsTrafficOnly;
      const evidence = { supportsHttpsTrafficOnly: v ?? null, ...phiOf(r) };
      if (v === true) return result(check, r, 'pass', 'Secure transfer is required.', evidence);
      if (v === false)
        return result(check, r, 'fail', 'Secure transfer is not required: HTTP is accepted.', evidence);
      return result(
        check,
        r,
        'manual',
        'supportsHttpsTrafficOnly was not returned; check it in the portal.',
        evidence,
      );
    });
  },
};
