/**
 * Minimum TLS version of Azure SQL servers (Microsoft.Sql 2021-11-01 `minimalTlsVersion`: None |
 * 1.0 | 1.1 | 1.2 | 1.3; Prowler `sqlserver_recommended_minimal_tls_version`). `None` or unset
 * enforces no minimum, so clients may connect with TLS 1.0: both fail, as in Prowler. The floor is
 * `params.minTlsVersion` (1.2 by default). Every server is evaluated.
 */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { ARM, phiOf, str } from '../_shared/arm.js';

const VERSIONS: Record<string, number> = { '1.0': 1.0, '1.1': 1.1, '1.2': 1.2, '1.3': 1.3 };

export const check: PostureCheck = {
  id: 'sql-min-tls-1-2',
  provider: 'azure',
  title: 'Azure SQL servers require TLS 1.2 or later',
  severity: 'medium',
  resourceType: ARM.sqlServer,
  citations: ['164.312(e)(1)', '164.312(e)(2)(ii)'],
  params: ['minTlsVersion'],
  risk: 'TLS 1.0 and 1.1 are deprecated (RFC 8996); a server accepting them lets clients carry ePHI over weak ciphers.',
  remediation: {
    text: 'Portal: SQL server → Security → Networking → Connectivity → "Minimum TLS version" → 1.2 → Save. Check client drivers first.',
    cli: 'az sql server update --name <server> --resource-group <rg> --minimal-tls-version 1.2',
    terraform: 'resource "azurerm_mssql_server" "phi" {\n  # ...\n  minimum_tls_version = "1.2"\n}',
    url: 'https://learn.microsoft.com/azure/azure-sql/database/connectivity-settings#minimal-tls-version',
  },
  evaluate(snapshot, params) {
    const floor = Number(params.minTlsVersion);
    return resourcesOf(snapshot, ARM.sqlServer).map((r) => {
      const raw = str(r.configuration.minimalTlsVersion);
      const evidence = { minimalTlsVersion: raw ?? null, required: params.minTlsVersion, ...phiOf(r) };
      if (raw === undefined || raw.toLowerCase() === 'none') {
        return result(
          check,
          r,
          'fail',
          'No minimal TLS version is enforced: TLS 1.0 clients are accepted.',
          evidence,
        );
      }
      const version = VERSIONS[raw];
      if (version === undefined) {
        return result(
          check,
          r,
          'manual',
          `Unknown minimalTlsVersion ${raw}; check it in the portal.`,
          evidence,
        );
      }
      return version >= floor
        ? result(check, r, 'pass', `Minimal TLS version is ${raw}.`, evidence)
        : result(check, r, 'fail', `Minimal TLS version is ${raw}, below ${params.minTlsVersion}.`, evidence);
    });
  },
};
