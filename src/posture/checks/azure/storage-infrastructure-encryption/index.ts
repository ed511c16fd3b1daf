/**
 * Infrastructure (double) encryption on PHI storage accounts (Storage 2023-05-01
 * `encryption.requireInfrastructureEncryption`; Prowler `storage_infrastructure_encryption_is_enabled`).
 * Only PHI-tagged accounts are evaluated. The setting can only be chosen when the account is created.
 */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { ARM, obj, phiOf } from '../_shared/arm.js';

export const check: PostureCheck = {
  id: 'storage-infrastructure-encryption',
  provider: 'azure',
  title: 'PHI storage accounts use infrastructure (double) encryption',
  severity: 'medium',
  resourceType: ARM.storageAccount,
  citations: ['164.312(a)(2)(iv)', '164.310(d)(1)'],
  risk: 'Without a second, infrastructure-level AES-256 layer, a compromise of the service-level key or algorithm leaves ePHI at rest readable.',
  remediation: {
    text: 'Cannot be enabled on an existing account: create a new account with Encryption → "Enable infrastructure encryption" checked, copy the data (AzCopy / object replication), then retire the old account.',
    cli: 'az storage account create --name <new> --resource-group <rg> --require-infrastructure-encryption true --min-tls-version TLS1_2 --https-only true',
    terraform:
      'resource "azurerm_storage_account" "phi" {\n  # ...\n  infrastructure_encryption_enabled = true\n}',
    url: 'https://learn.microsoft.com/azure/storage/common/infrastructure-encryption-enable',
  },
  evaluate(snapshot) {
    return resourcesOf(snapshot, ARM.storageAccount).flatMap((r) => {
      const phi = phiOf(r);
      if (!phi.phi) return [];
      const v = obj(r.configuration.encryption).requireInfrastructureEncryption;
      const evidence = { 'encryption.requireInfrastructureEncryption': v ?? null, ...phi };
      return v === true
        ? [result(check, r, 'pass', 'Infrastructure encryption is on.', evidence)]
        : [result(check, r, 'fail', 'Infrastructure encryption is off on a PHI account.', evidence)];
    });
  },
};
