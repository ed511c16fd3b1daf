/**
 * Blob versioning on storage accounts (Storage 2023-01-01 `isVersioningEnabled` of the blob
 * service, read into `supplementary.blobServiceProperties`; Prowler
 * `storage_blob_versioning_is_enabled`). Versions keep every overwritten state of a blob, which
 * soft delete alone does not. Every account with a blob service; `error` when not read.
 */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { ARM, hasBlobService, lookupMissing, lookupProps, phiOf } from '../_shared/arm.js';

export const check: PostureCheck = {
  id: 'storage-blob-versioning',
  provider: 'azure',
  title: 'Storage accounts keep previous blob versions (versioning)',
  severity: 'low',
  resourceType: ARM.storageAccount,
  citations: ['164.308(a)(7)(ii)(A)', '164.312(c)(1)'],
  risk: 'Without versioning an overwrite (a faulty export, ransomware encrypting in place) replaces the ePHI with no earlier state to restore.',
  remediation: {
    text: 'Portal: Storage account → Data management → Data protection → "Enable versioning for blobs" → Save; add a lifecycle rule to delete old versions after your retention period.',
    cli: 'az storage account blob-service-properties update --account-name <account> --resource-group <rg> --enable-versioning true',
    terraform:
      'resource "azurerm_storage_account" "phi" {\n  # ...\n  blob_properties {\n    versioning_enabled = true\n  }\n}',
    url: 'https://learn.microsoft.com/azure/storage/blobs/versioning-enable',
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
        const evidence = { isVersioningEnabled: blob.isVersioningEnabled ?? null, ...phi };
        return blob.isVersioningEnabled === true
          ? result(check, r, 'pass', 'Blob versioning is on.', evidence)
          : result(check, r, 'fail', 'Blob versioning is off.', evidence);
      });
  },
};
