/**
 * PHI Azure SQL servers refuse connections over their public endpoint (Microsoft.Sql 2021-11-01
 * `publicNetworkAccess`: Enabled | Disabled | SecuredByPerimeter; Azure Policy "Public network
 * access on Azure SQL Database should be disabled"). `SecuredByPerimeter` (a network security
 * perimeter decides) passes like Disabled; unset cannot be judged and is `manual`. Only PHI-tagged
 * servers; the firewall rules of servers left public are judged by `sql-firewall-allow-all`.
 */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { ARM, phiOf, privateEndpoints, str } from '../_shared/arm.js';

export const check: PostureCheck = {
  id: 'sql-public-network-access-disabled-phi',
  provider: 'azure',
  title: 'PHI Azure SQL servers disable public network access',
  severity: 'high',
  resourceType: ARM.sqlServer,
  citations: ['164.312(a)(1)', '164.312(e)(1)', '164.308(a)(3)(i)'],
  risk: 'A public SQL endpoint is reachable from the internet whenever a firewall rule allows it; one broad rule or leaked login exposes the ePHI in every database on the server.',
  remediation: {
    text: 'Portal: SQL server → Security → Networking → Public access → "Disable" (create private endpoints first) → Save.',
    cli: 'az sql server update --name <server> --resource-group <rg> --enable-public-network false',
    terraform: 'resource "azurerm_mssql_server" "phi" {\n  # ...\n  public_network_access_enabled = false\n}',
    url: 'https://learn.microsoft.com/azure/azure-sql/database/connectivity-settings#deny-public-network-access',
  },
  evaluate(snapshot) {
    return resourcesOf(snapshot, ARM.sqlServer).flatMap((r) => {
      const phi = phiOf(r);
      if (!phi.phi) return [];
      const pna = str(r.configuration.publicNetworkAccess);
      const evidence = {
        publicNetworkAccess: pna ?? null,
        approvedPrivateEndpoints: privateEndpoints(r.configuration).approved,
        ...phi,
      };
      const v = pna?.toLowerCase();
      if (v === 'disabled' || v === 'securedbyperimeter') {
        return [result(check, r, 'pass', `Public network access is ${pna}.`, evidence)];
      }
      if (v === 'enabled') return [result(check, r, 'fail', 'Public network access is Enabled.', evidence)];
      return [
        result(
          check,
          r,
          'manual',
          `publicNetworkAccess is ${pna ?? 'not returned'}; check it in the portal.`,
          evidence,
        ),
      ];
    });
  },
};
