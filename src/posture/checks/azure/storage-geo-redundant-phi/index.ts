/**
 * PHI storage accounts replicate to a second region (Storage 2023-05-01 `sku.name`, kept by the
 * collector in `supplementary.sku`: Standard_GRS, Standard_RAGRS, Standard_GZRS and
 * Standard_RAGZRS copy data to the paired region; *_LRS and *_ZRS stay in one region; Premium
 * SKUs cannot be geo-redundant). Prowler `storage_geo_redundant_enabled` (mapped to HIPAA's
 * contingency plan); we evaluate PHI-tagged accounts only. A snapshot without the SKU (collected
 * before it was kept) gives `error`.
 */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { ARM, obj, phiOf, str } from '../_shared/arm.js';

const GEO = new Set(['standard_grs', 'standard_ragrs', 'standard_gzrs', 'standard_ragzrs']);

export const check: PostureCheck = {
  id: 'storage-geo-redundant-phi',
  provider: 'azure',
  title: 'PHI storage accounts are geo-redundant',
  severity: 'medium',
  resourceType: ARM.storageAccount,
  citations: ['164.308(a)(7)(ii)(A)', '164.308(a)(7)(ii)(B)', '164.312(a)(2)(ii)'],
  risk: 'Locally or zone-redundant accounts keep every copy of the ePHI in one region: a regional outage or disaster leaves no copy to restore or to fail over to.',
  remediation: {
    text: 'Portal: Storage account → Data management → Redundancy → Geo-redundant storage (GRS) or Geo-zone-redundant storage (GZRS) → Save. Premium accounts need a copy elsewhere (object replication, backups).',
    cli: 'az storage account update --name <account> --resource-group <rg> --sku Standard_GZRS',
    terraform: 'resource "azurerm_storage_account" "phi" {\n  # ...\n  account_replication_type = "GZRS"\n}',
    url: 'https://learn.microsoft.com/azure/storage/common/redundancy-migration',
  },
  evaluate(snapshot) {
    return resourcesOf(snapshot, ARM.storageAccount).flatMap((r) => {
      const phi = phiOf(r);
      if (!phi.phi) return [];
      const sku = str(obj(r.supplementary.sku).name);
      if (sku === undefined) {
        return [
          result(
            check,
            r,
            'error',
            'The account SKU is not in the snapshot (collected before SKUs were kept).',
            {
              missing: 'sku',
              ...phi,
            },
          ),
        ];
      }
      const evidence = { 'sku.name': sku, ...phi };
      return [
        GEO.has(sku.toLowerCase())
          ? result(check, r, 'pass', `Replicated to the paired region (${sku}).`, evidence)
          : result(check, r, 'fail', `${sku} keeps every copy in one region.`, evidence),
      ];
    });
  },
};
