/**
 * Blob soft delete on storage accounts (Storage 2023-01-01 "Blob Services - Get Service
 * Properties" `deleteRetentionPolicy.enabled` / `days`, read by the collector into
 * `supplementary.blobServiceProperties`; Prowler `storage_ensure_soft_delete_is_enabled`). Every
 * account with a blob service is evaluated; the retention days are evidence. When the blob service
 * properties could not be read, the result is `error` with the reason.
 */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { ARM, hasBlobService, lookupMissing, lookupProps, obj, phiOf } from '../_shared/arm.js';

export const check: PostureCheck = {
  id: 'storage-blob-soft-delete',
  provider: 'azure',
  title: 'Storage accounts keep deleted blobs recoverable (soft delete)',
  severity: 'medium',
  resourceType: ARM.storageAccount,
  citations: ['164.308(a)(7)(ii)(A)', '164.312(c)(1)'],
  risk: 'Without soft delete a blob deleted or overwritten by mistake, a faulty job or ransomware is gone at once, with no copy of the ePHI to restore.',
  remediation: {
    text: 'Portal: Storage account → Data management → Data protection → "Enable soft delete for blobs" (and for containers) → days to keep (e.g. 30) → Save.',
    cli: 'az storage account blob-service-properties update --account-name <account> --resource-group <rg> --enable-delete-retention true --delete-retention-days 30 --enable-container-delete-retention true --container-delete-retention-days 30',
    terraform:
      'resource "azurerm_storage_account" "phi" {\n  # ...\n  blob_properties {\n    delete_retention_policy { days = 30 }\n    container_delete_retention_policy { days = 30 }\n  }\n}',
    url: 'https://learn.microsoft.com/azure/storage/blobs/soft-delete-blob-enable',
  },
  evaluate(snapshot) {
    return resourcesOf(snapshot, ARM.storageAccount)
      .filter(hasBlobService)
      .map((r) => {
        const phi = phiOf(r);
        const blob = lookupProps(r, 'blobServiceProperties');
        if (blob === undefined) {
          const reason = lookupMissing(snapshot, r, 'blobServiceProperties', 'Microsoft.Storage');
          return result(check, r, 'error', `Blob service properties could not be read: ${reason}`, {
            reason,
            ...phi,
          });
        }
        const policy = obj(blob.deleteRetentionPolicy);
        const evidence = {
          'deleteRetentionPolicy.enabled': policy.enabled ?? null,
          'deleteRetentionPolicy.days': policy.days ?? null,
          'containerDeleteRetentionPolicy.enabled': obj(blob.containerDeleteRetentionPolicy).enabled ?? null,
          ...phi,
        };
        return policy.enabled === true
          ? result(check, r, 'pass', `Deleted blobs are kept ${policy.days ?? '?'} days.`, evidence)
          : result(check, r, 'fail', 'Blob soft delete is off.', evidence);
      });
  },
};
