/**
 * Minimum TLS version of a storage account (Storage 2023-05-01 `minimumTlsVersion`: TLS1_0 |
 * TLS1_1 | TLS1_2 | TLS1_3; the spec: "The default interpretation is TLS 1.0 for this property",
 * so an unset value is TLS 1.0). Prowler `storage_ensure_minimum_tls_version_12`. The floor is
 * `params.minTlsVersion` (1.2 by default).
 */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { ARM, phiOf, str } from '../_shared/arm.js';

const VERSIONS: Record<string, number> = { TLS1_0: 1.0, TLS1_1: 1.1, TLS1_2: 1.2, TLS1_3: 1.3 };

export const check: PostureCheck = {
  id: 'storage-min-tls-1-2',
  provider: 'azure',
  title: 'Storage accounts require TLS 1.2 or later',
  severity: 'medium',
  resourceType: ARM.storageAccount,
  citations: ['164.312(e)(1)', '164.312(e)(2)(ii)'],
  risk: 'TLS 1.0 and 1.1 are deprecated (RFC 8996) and let clients negotiate weak ciphers for data in transit.',
  params: ['minTlsVersion'],
  remediation: {
    text: 'Portal: Storage account → Settings → Configuration → "Minimum TLS version" → Version 1.2 → Save. Check client logs for older TLS first.',
    cli: 'az storage account update --name <account> --resource-group <rg> --min-tls-version TLS1_2',
    terraform: 'resource "azurerm_storage_account" "phi" {\n  # ...\n  min_tls_version = "TLS1_2"\n}',
    url: 'https://learn.microsoft.com/azure/storage/common/transport-layer-security-configure-minimum-version',
  },
  evaluate(snapshot, params) {
    const floor = Number(params.minTlsVersion);
    return resourcesOf(snapshot, ARM.storageAccount).map((r) => {
      const raw = str(r.configuration.minimumTlsVersion);
      const version = raw === undefined ? 1.0 : VERSIONS[raw];
      const evidence = {
        minimumTlsVersion: raw ?? null,
        required: `TLS${params.minTlsVersion}`,
        ...phiOf(r),
      };
      if (version === undefined) {
        return result(
          check,
          r,
          'manual',
          `Unknown minimumTlsVersion ${raw}; check it in the portal.`,
          evidence,
        );
      }
      if (version >= floor) return result(check, r, 'pass', `Minimum TLS version is ${raw}.`, evidence);
      return result(
        check,
        r,
        'fail',
        raw === undefined
          ? 'minimumTlsVersion is not set, which ARM interprets as TLS 1.0.'
          : `Minimum TLS version is ${raw}, below TLS ${params.minTlsVersion}.`,
        evidence,
      );
    });
  },
};
